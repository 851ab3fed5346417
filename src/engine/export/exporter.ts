import type { ByteSink } from './byte-sink.ts'
import type { HasherFactory } from './file-writer.ts'
import type { DatasetWriter } from './formats.ts'
import type { GroundTruth } from './ground-truth.ts'
import type { ValidConfig } from '../config/schema.ts'

/** What a run knows before its first table: graph formats label nodes with the truth, graph ML cuts time by the window. */
export interface ExportRun {
  readonly truth: GroundTruth
  readonly config: ValidConfig
}

/**
 * An output format added from outside the engine (see `createEngine`). It receives tables one after another as
 * row objects and writes bytes to the sink through `FileWriter`s, so the manifest can hash every file.
 */
export interface Exporter {
  /** The `format` name runs ask for; it must not be a built-in format's. */
  readonly name: string
  /** One file per table (a run may then be sharded; manifest rows are counted per file). */
  readonly perTable: boolean
  create(sink: ByteSink, manifest: unknown, hasher: HasherFactory, run: ExportRun): DatasetWriter
}
