import type { ByteSink } from './byte-sink.ts'
import type { HasherFactory } from './file-writer.ts'
import { createDatasetWriter, type DatasetWriter } from './formats.ts'
import { amlworldWriter } from './amlworld/writer.ts'
import type { GroundTruth } from './ground-truth.ts'
import { graphMlWriter } from './graph-ml/writer.ts'
import { graphsonWriter } from './graphson/writer.ts'
import { neo4jWriter } from './neo4j/writer.ts'
import { parquetWriter } from './parquet/writer.ts'
import type { OutputFormat } from './output.ts'
import type { ResolvedConfig } from '../config/schema.ts'

export interface ExportTarget {
  readonly sink: ByteSink
  /** The manifest without its file list (dataset.json embeds it). */
  readonly manifest: unknown
  readonly hasher: HasherFactory
  /** Instances and members, known before the first table is written. */
  readonly truth: GroundTruth
  readonly config: ResolvedConfig
}

export interface Exporter {
  /** One line for --help and the download menu. */
  readonly description: string
  /** Rows arrive in table order; shards and parallel lanes need a format whose files simply concatenate. */
  readonly concatenates: boolean
  create(target: ExportTarget): DatasetWriter
}

/** Every output format. Adding one means adding a folder under export/ and one entry here. */
export const exporters: Readonly<Record<OutputFormat, Exporter>> = {
  csv: {
    description: 'one CSV file per table (RFC 4180, header row)',
    concatenates: true,
    create: (t) => createDatasetWriter('csv', t.sink, t.manifest, t.hasher),
  },
  json: {
    description: 'one dataset.json holding the manifest and every table',
    concatenates: false,
    create: (t) => createDatasetWriter('json', t.sink, t.manifest, t.hasher),
  },
  jsonl: {
    description: 'one JSON Lines file per table',
    concatenates: true,
    create: (t) => createDatasetWriter('jsonl', t.sink, t.manifest, t.hasher),
  },
  parquet: {
    description: 'one Parquet file per table (typed columns, Snappy)',
    concatenates: false,
    create: (t) => parquetWriter(t.sink, t.hasher),
  },
  neo4j: {
    description: 'node and relationship CSVs for neo4j-admin database import full, with import.sh',
    concatenates: false,
    create: (t) => neo4jWriter(t.sink, t.hasher, t.truth),
  },
  amlworld: {
    description:
      "IBM AMLworld (Kaggle IT-AML) layout: _Trans.csv, _accounts.csv, _Patterns.txt, for Multi-GNN's converter",
    concatenates: false,
    create: (t) => amlworldWriter(t.sink, t.hasher, t.truth),
  },
  graphson: {
    description: 'GraphSON 3.0 adjacency list with a JanusGraph schema-and-load Groovy script',
    concatenates: false,
    create: (t) => graphsonWriter(t.sink, t.hasher, t.truth),
  },
  'graph-ml': {
    description: 'transaction graph for PyTorch Geometric / DGL: integer ids, feature tables, time-based masks',
    concatenates: false,
    create: (t) => graphMlWriter(t.sink, t.hasher, t.truth, t.config),
  },
}

export const outputFormats = Object.keys(exporters) as OutputFormat[]

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(exporters, name)
}
