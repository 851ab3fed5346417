/**
 * The engine's public surface. The worker and the CLI import from here and nowhere deeper;
 * the UI imports types from here and, at runtime, only `config/*`.
 */
export { runGeneration } from './orchestrator/run.ts'
export { createRangeEncoder, laneTables, type Lanes, type LaneTable, type EncodedRange } from './orchestrator/lanes.ts'
export type { LegColumns } from './generators/events/transaction-legs.ts'
export { laneRequests } from './orchestrator/lane-requests.ts'
export { LANE_MIN_ROWS, biggestEventTable } from './orchestrator/lane-threshold.ts'
export { packedBuffers, type PackedRows } from './orchestrator/packed-rows.ts'
export type { Shard } from './orchestrator/shards.ts'
export type { Progress, RunOptions, RunResult, PhaseStat } from './orchestrator/types.ts'
export { auditByDefault, AUDIT_DEFAULT_MAX_ROWS, type AuditSummary } from './audit/summary.ts'
export { AUDIT_FILE } from './orchestrator/audit-step.ts'
export type { BenchmarkOptions } from './orchestrator/benchmark.ts'
export type { OutputFormat, FileInfo } from './export/output.ts'
export { validateConfig, parseConfig, type ValidationResult } from './config/validate.ts'
export { DATASET_COUNTS, DATASET_PREVALENCE, datasetConfig, defaultConfig, emptyConfig } from './config/defaults.ts'
export { CONFIG_VERSION } from './config/schema.ts'
export { countKeys, countTable, type CountKey, type CountTable } from './config/general.ts'
export type { ResolvedConfig, ValidConfig, InputConfig, Counts, PatternConfig, PatternParams } from './config/schema.ts'
export { ConfigError, EngineError } from './errors.ts'
export type { ConfigIssue } from './config/issues.ts'
export { issueText } from './config/issues.ts'
export { checkShape } from './config/shape.ts'
export { shownText } from './config/display.ts'
export { groupThousands } from './patterns/money-text.ts'
export {
  estimateResources,
  TAB_MEMORY_BUDGET_BYTES,
  type ResourceEstimate,
  type EstimateOptions,
} from './config/resource-estimate.ts'
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
export { fixedBlocks } from './export/fixed-blocks.ts'
export { formatInfo, outputFormats, isOutputFormat, type FormatInfo } from './export/registry.ts'
export { streamEvents, streamTables, type StreamEvent } from './export/stream/event-stream.ts'
export type { Hasher, HasherFactory } from './export/file-writer.ts'
export type { GraphData, GraphNode, GraphEdge, GraphNodeType, GraphEdgeType } from './export/subgraph.ts'
export { tableNames, type TableName } from './model/schema.ts'
export type { PatternRow, PatternMember } from './model/tables/patterns.ts'
export { PRODUCT_VERSION } from './version.ts'

// Extending the engine (docs: src/engine/README.md § Library use; a worked example: examples/custom-pattern.ts).
export { createEngine, type Engine, type EngineOptions } from './engine.ts'
export { p, type ParamDescriptors, type ParamValues } from './config/params.ts'
export { definePattern, definePatternSpec } from './patterns/types.ts'
export type {
  AnyPattern,
  InjectContext,
  InstanceIds,
  PatternDefinition,
  PatternOutput,
  PatternRows,
  PatternSpec,
  PatternTable,
  RunShape,
} from './patterns/types.ts'
export { chooseWindow, instant, member, pickPersonsWithAccounts, type Member } from './patterns/select.ts'
export { buildTransaction, type TransactionSpec } from './generators/events/transaction-row.ts'
export { usdToMinor } from './model/money.ts'
export type { World } from './model/world.ts'
export type { SimClock } from './model/time.ts'
export type { Rng } from './random/rng.ts'
export type { Account } from './model/tables/accounts.ts'
export type { Person } from './model/tables/persons.ts'
export type { Transaction } from './model/tables/transactions.ts'
export type { Exporter } from './export/exporter.ts'
export type { DatasetWriter } from './export/formats.ts'
export { FileWriter } from './export/file-writer.ts'
export { tables } from './model/schema.ts'
export type { Column, TableDef } from './model/field.ts'
