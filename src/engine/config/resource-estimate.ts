import type { ResolvedConfig } from './schema.ts'
import type { OutputFormat } from '../export/output.ts'
import {
  BYTES_PER_ROW,
  FIXED_OUTPUT_BYTES,
  LINES_PER_DOCUMENT,
  MEMORY,
  OWNERSHIP_PER_COMPANY,
} from './resource-constants.ts'

export interface ResourceEstimate {
  /** Peak resident memory of the whole run (all generation threads included), in bytes. */
  readonly peakMemoryBytes: number
  /** Bytes the run writes (this shard's part when sharded). */
  readonly outputBytes: number
}

export interface EstimateOptions {
  readonly format: OutputFormat
  /** Generation threads besides the main one; each builds its own copy of the population. */
  readonly lanes?: number
  /** Shards the event tables are split into (this run writes one of them). */
  readonly shardCount?: number
}

/**
 * The formats of export/ other than CSV and JSON, against a CSV run of the same config (bench/formats.ts, medium
 * config): output size as a multiple of the CSV's, and what the writer holds in memory on top of the run, as a
 * multiple of its own output (GraphSON keeps every edge until the last table) plus a fixed part (Parquet's row-group
 * buffers, Neo4j's shared-identifier maps).
 */
const OTHER_FORMATS: Partial<Record<OutputFormat, { size: number; held: number; fixedBytes: number }>> = {
  parquet: { size: 0.4, held: 0, fixedBytes: 450 * 2 ** 20 },
  neo4j: { size: 1.2, held: 0, fixedBytes: 100 * 2 ** 20 },
  amlworld: { size: 0.5, held: 0.3, fixedBytes: 0 },
  graphson: { size: 6, held: 1, fixedBytes: 0 },
  'graph-ml': { size: 0.45, held: 0.1, fixedBytes: 0 },
}

/**
 * What a run will need, from the counts alone (constants measured by bench/estimate-constants.ts), so a host can
 * refuse a run that cannot fit before it starts instead of running out of memory or disk an hour in.
 */
export function estimateResources(config: ResolvedConfig, opts: EstimateOptions): ResourceEstimate {
  const c = config.counts
  const population =
    c.persons * MEMORY.perPerson +
    c.companies * MEMORY.perCompany +
    c.accounts * MEMORY.perAccount +
    c.documents * MEMORY.perDocument
  const lanes = Math.max(0, opts.lanes ?? 0)
  const peakMemoryBytes =
    MEMORY.baseBytes + MEMORY.eventsBytes + population + lanes * (MEMORY.perLaneBytes + population)

  const other = OTHER_FORMATS[opts.format]
  const perRow = BYTES_PER_ROW[opts.format === 'csv' || other ? 'csv' : 'jsonl'] // dataset.json holds the JSONL rows
  const small =
    c.persons * perRow.persons +
    c.companies * perRow.companies +
    c.companies * OWNERSHIP_PER_COMPANY * perRow.ownership +
    c.accounts * perRow.accounts
  const events =
    c.transactions * perRow.transactions +
    c.communications * perRow.communications +
    c.trades * perRow.trades +
    c.travels * perRow.travels +
    c.documents * perRow.documents +
    c.documents * LINES_PER_DOCUMENT * perRow.document_lines +
    c.accessEvents * perRow.access_events
  const shards = Math.max(1, opts.shardCount ?? 1)
  // The first shard writes the small tables; assume this is it (the larger of the parts).
  const outputBytes = Math.ceil((FIXED_OUTPUT_BYTES + small + events / shards) * (other?.size ?? 1))
  const held = other ? other.held * outputBytes + other.fixedBytes : 0
  return { peakMemoryBytes: Math.ceil(peakMemoryBytes + held), outputBytes }
}

/**
 * The memory a run in a browser tab may use. Browsers cap a tab's memory (a Chromium tab dies at about 4 GB); half
 * of that leaves room for the page, the graph and the download's copy of the files. The page and the worker both
 * refuse by it.
 */
export const TAB_MEMORY_BUDGET_BYTES = 2 * 1024 * 1024 * 1024
