import type { ByteSink } from '../export/byte-sink.ts'
import type { HasherFactory } from '../export/file-writer.ts'
import type { Lanes } from './lanes.ts'
import type { Shard } from './shards.ts'
import type { PatternMember, PatternRow } from '../model/tables/patterns.ts'
import type { TableName } from '../model/schema.ts'
import type { ResolvedConfig } from '../config/schema.ts'
import type { GraphData } from '../export/subgraph.ts'
import type { FileInfo, OutputFormat } from '../export/output.ts'
import type { AuditSummary } from '../audit/summary.ts'
import type { BenchmarkOptions } from './benchmark.ts'

export interface Progress {
  /** Name of the running phase: population, injection, a table name, or done. */
  readonly phase: string
  /** The phase for people: "Building the population", "Writing transactions". */
  readonly label: string
  readonly phaseIndex: number
  readonly phaseCount: number
  /** Overall completion in [0, 1], weighted by the expected work of each phase. */
  readonly fraction: number
  /** Rows written so far, all tables. */
  readonly rows: number
}

export interface RunOptions {
  /** A built-in format, or the name of an exporter the engine was created with. */
  readonly format: OutputFormat | (string & {})
  readonly sink: ByteSink
  readonly signal?: AbortSignal
  readonly onProgress?: (p: Progress) => void
  /** Milliseconds from a monotonic clock, supplied by the host (the engine never reads the clock itself); used only for statistics. */
  readonly now?: () => number
  /** Collect a capped subgraph of the pattern rings plus background context for a graph view. */
  readonly graph?: { readonly maxContextEdges: number }
  /** A native SHA-256 for the manifest's file hashes (same digests as the built-in one, faster). */
  readonly hasher?: HasherFactory
  /**
   * Other threads that encode background rows of the big event tables (see lanes.ts); the output bytes are the
   * same with or without them. Per-table formats only (any other is refused, never quietly run on one thread).
   * The graph and the previews draw the few rows they keep again here, whole. Tables under LANE_RANGE_ROWS
   * background rows are encoded here (a lane's start-up would cost more).
   */
  readonly lanes?: Lanes
  /**
   * Write only shard `index` (0-based) of `count` of every event table (the first shard also writes the small
   * tables); the shards' files concatenated in order are the whole run's files. Not for dataset.json.
   */
  readonly shard?: Shard
  /**
   * Compute the separability audit while the rows stream and write it as `audit.json` (listed in the manifest).
   * It reads every row on this thread, so not with `lanes` or `shard`.
   */
  readonly audit?: boolean
  /**
   * Benchmark mode: the run is keyed by `secret` (ids and rows alike, so the published seed decodes nothing), the
   * sink gets the tables without label columns, and `answers` gets the ground truth, the audit and the secret.
   * csv or jsonl, without lanes or shards.
   */
  readonly benchmark?: BenchmarkOptions
  /** Keep the first rows of each table as objects for previews. */
  readonly previewRows?: number
  /**
   * Gives the host's event loop a turn (e.g. `setImmediate` in Node) during long synchronous phases such as the
   * population build, so a signal handler or a cancel button can abort the run promptly.
   */
  readonly pause?: () => Promise<void>
  /**
   * Write realism.json (background realism figures, computed while the rows stream; see realism/collector.ts).
   * On unless false. Lanes then send the rows of the tables it reads (transactions) back with their bytes. A
   * sharded run writes none: only the whole dataset gives whole-dataset figures.
   */
  readonly realism?: boolean
}

export interface PhaseStat {
  readonly name: string
  readonly ms: number
  readonly rows: number
}

export interface RunResult {
  readonly config: ResolvedConfig
  /** Rows per table (background plus injected). */
  readonly counts: Readonly<Record<TableName, number>>
  /** Injected rows per table. */
  readonly injected: Readonly<Record<TableName, number>>
  readonly phases: readonly PhaseStat[]
  readonly totalMs: number
  readonly rowsPerSecond: number
  readonly files: readonly FileInfo[]
  readonly patterns: readonly PatternRow[]
  readonly members: readonly PatternMember[]
  readonly graph: GraphData | null
  /** The audit at a glance (the whole report is `audit.json`), or null when the run was not audited. */
  readonly audit: AuditSummary | null
  /** Benchmark mode: the files written to the answers sink (its manifest.json last); null otherwise. */
  readonly answers: readonly FileInfo[] | null
  readonly preview: Readonly<Partial<Record<TableName, readonly Record<string, unknown>[]>>>
}
