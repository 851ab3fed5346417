/** The output formats a run can write; each has an entry in registry.ts (the compiler checks the two agree). */
export type OutputFormat = 'csv' | 'json' | 'jsonl' | 'parquet' | 'neo4j' | 'amlworld' | 'graphson' | 'graph-ml'

/** One file written to the sink, as the manifest lists it. */
export interface FileInfo {
  readonly name: string
  readonly bytes: number
  readonly sha256: string
  /** Data rows in the file, where the format's writer counts them itself (files that are not one table each). */
  readonly rows?: number | null
}
