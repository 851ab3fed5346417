import { createIdCodec, type IdCodec } from '../model/ids.ts'
import { tables, type TableName } from '../model/schema.ts'

export type Codecs = Record<Exclude<TableName, 'pattern_members'>, IdCodec>

/** One keyed id codec per table; keyed by the seed, so two datasets never share ids by accident. */
export function createCodecs(seedKey: number): Codecs {
  const out = {} as Codecs
  for (const [name, table] of Object.entries(tables)) {
    if (name === 'pattern_members') continue
    out[name as keyof Codecs] = createIdCodec(table.prefix, seedKey)
  }
  return out
}
