import { createHash } from 'node:crypto'
import Papa from 'papaparse'
import { patternKinds } from '../../src/engine/config/schema.ts'
import {
  createMemorySink,
  parseConfig,
  runGeneration,
  tableNames,
  type InputConfig,
  type OutputFormat,
  type RunResult,
  type TableName,
} from '../../src/engine/index.ts'

export type CsvRow = Record<string, string>

export interface Generated {
  result: RunResult
  files: Map<string, Uint8Array>
  text(name: string): string
  /** Parsed CSV rows per table (only for format csv). */
  tables: Record<TableName, CsvRow[]>
  hashes: Record<string, string>
}

const decoder = new TextDecoder()

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function generate(
  config: InputConfig,
  format: OutputFormat = 'csv',
  extra: { previewRows?: number } = {},
): Promise<Generated> {
  const sink = createMemorySink()
  const result = await runGeneration(parseConfig(config), { format, sink, previewRows: extra.previewRows })
  const files = new Map<string, Uint8Array>()
  for (const name of sink.files.keys()) files.set(name, sink.bytes(name))
  const text = (name: string) => decoder.decode(files.get(name) ?? new Uint8Array())
  const tables = {} as Record<TableName, CsvRow[]>
  if (format === 'csv') {
    for (const t of tableNames)
      tables[t] = Papa.parse<CsvRow>(text(`${t}.csv`), { header: true, skipEmptyLines: true }).data
  }
  const hashes = Object.fromEntries([...files].map(([name, bytes]) => [name, sha256(bytes)]))
  return { result, files, text, tables, hashes }
}

/** A small population that still exercises every table and pattern. */
export const smallConfig = (seed: number | string, patterns = 1): InputConfig => ({
  seed,
  counts: {
    persons: 300,
    companies: 60,
    accounts: 700,
    transactions: 4000,
    communications: 800,
    trades: 400,
    travels: 200,
    documents: 300,
    accessEvents: 1500,
  },
  patterns: Object.fromEntries(patternKinds.map((kind) => [kind, { count: patterns }])),
})
