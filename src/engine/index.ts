/**
 * The engine's public surface. The worker and the CLI import from here and nowhere deeper;
 * the UI imports types from here and, at runtime, only `config/*`.
 */
export { runGeneration } from './orchestrator/run.ts'
export { createRangeEncoder, laneTables, type Lanes, type LaneTable, type EncodedRange } from './orchestrator/lanes.ts'
export type { Shard } from './orchestrator/shards.ts'
export type { OutputFormat, Progress, RunOptions, RunResult, PhaseStat, FileInfo } from './orchestrator/types.ts'
export { validateConfig, type ValidationResult } from './config/validate.ts'
export { defaultConfig } from './config/defaults.ts'
export type { ResolvedConfig, InputConfig, Counts, PatternConfig } from './config/schema.ts'
export type { ConfigIssue } from './config/issues.ts'
export { issueText } from './config/issues.ts'
export type { ParamDescriptor, IntParam, NumberParam, EnumParam } from './config/params.ts'
export {
  describeCatalog,
  describeTables,
  type Catalog,
  type PatternCatalogEntry,
  type TableDictionaryEntry,
  type ColumnDictionaryEntry,
} from './catalog.ts'
export { createMemorySink, type ByteSink, type FileSink } from './export/byte-sink.ts'
export { exporters, outputFormats, isOutputFormat, type Exporter } from './export/registry.ts'
export { streamEvents, streamTables, type StreamEvent } from './export/stream/event-stream.ts'
export type { Hasher, HasherFactory } from './export/file-writer.ts'
export type { GraphData, GraphNode, GraphEdge, GraphNodeType, GraphEdgeType } from './export/subgraph.ts'
export { tableNames, type TableName } from './model/schema.ts'
export type { PatternRow, PatternMember } from './model/tables/patterns.ts'
export { PRODUCT_VERSION } from './version.ts'
