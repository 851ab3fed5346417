import { createIdCodec, type IdCodec } from '../model/ids.ts'
import { tables, type TableName } from '../model/schema.ts'

export type Codecs = { readonly [T in Exclude<TableName, 'pattern_members'>]: IdCodec<T> }

/**
 * One keyed id codec per table; keyed by the seed, so two datasets never share ids by accident, and in benchmark
 * mode also by the run's secret, so the published seed does not decode them.
 */
export function createCodecs(seedKey: number, secret?: readonly number[]): Codecs {
  const out: Record<string, IdCodec> = {}
  for (const [name, table] of Object.entries(tables)) {
    if (name === 'pattern_members') continue
    out[name] = createIdCodec(table.prefix, seedKey, secret)
  }
  // Keyed by table name, each codec made with that table's prefix.
  return out as Codecs
}
