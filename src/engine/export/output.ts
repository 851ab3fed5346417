/** The output formats a run can write. */
export type OutputFormat = 'csv' | 'json' | 'jsonl'

/** One file written to the sink, as the manifest lists it. */
export interface FileInfo {
  readonly name: string
  readonly bytes: number
  readonly sha256: string
}
