import { EngineError } from '../errors.ts'
import { amlworldWriter } from './amlworld/writer.ts'
import type { Exporter, ExportRun } from './exporter.ts'
import { graphMlWriter } from './graph-ml/writer.ts'
import { graphsonWriter } from './graphson/writer.ts'
import { neo4jWriter } from './neo4j/writer.ts'
import type { OutputFormat } from './output.ts'
import { parquetWriter } from './parquet/writer.ts'

/** What the CLI's --help, the API and the page say about a format. */
export interface FormatInfo {
  /** One line for --help and the download menu. */
  readonly description: string
  /** The files of shards (and of parallel lanes) simply concatenate: only the per-table text formats. */
  readonly concatenates: boolean
}

/** Every output format the engine writes, in the order menus list them. */
export const formatInfo: Readonly<Record<OutputFormat, FormatInfo>> = {
  csv: { description: 'one CSV file per table (RFC 4180, header row)', concatenates: true },
  json: { description: 'one dataset.json holding the manifest and every table', concatenates: false },
  jsonl: { description: 'one JSON Lines file per table', concatenates: true },
  parquet: { description: 'one Parquet file per table (typed columns, Snappy)', concatenates: false },
  neo4j: {
    description: 'node and relationship CSVs for neo4j-admin database import full, with import.sh',
    concatenates: false,
  },
  amlworld: {
    description:
      "IBM AMLworld (Kaggle IT-AML) layout: _Trans.csv, _accounts.csv, _Patterns.txt, for Multi-GNN's converter",
    concatenates: false,
  },
  graphson: {
    description: 'GraphSON 3.0 adjacency list with a JanusGraph schema-and-load Groovy script',
    concatenates: false,
  },
  'graph-ml': {
    description: 'transaction graph for PyTorch Geometric / DGL: integer ids, feature tables, time-based masks',
    concatenates: false,
  },
}

const needRun = (name: string, run: ExportRun | undefined): ExportRun => {
  if (!run) throw new EngineError(`the ${name} exporter needs the run's ground truth and config`)
  return run
}

/**
 * The formats beyond csv, json and jsonl, through the same seam as exporters added with createEngine. None is
 * `perTable` (their files do not concatenate across shards); each writer counts its files' rows itself.
 */
export const builtinExporters: Readonly<Record<string, Exporter>> = {
  parquet: { name: 'parquet', perTable: false, create: (sink, _m, hasher) => parquetWriter(sink, hasher) },
  neo4j: {
    name: 'neo4j',
    perTable: false,
    create: (sink, _m, hasher, run) => neo4jWriter(sink, hasher, needRun('neo4j', run).truth),
  },
  amlworld: {
    name: 'amlworld',
    perTable: false,
    create: (sink, _m, hasher, run) => amlworldWriter(sink, hasher, needRun('amlworld', run).truth),
  },
  graphson: {
    name: 'graphson',
    perTable: false,
    create: (sink, _m, hasher, run) => graphsonWriter(sink, hasher, needRun('graphson', run).truth),
  },
  'graph-ml': {
    name: 'graph-ml',
    perTable: false,
    create: (sink, _m, hasher, run) => {
      const r = needRun('graph-ml', run)
      return graphMlWriter(sink, hasher, r.truth, r.config)
    },
  },
}

export const outputFormats = Object.keys(formatInfo) as OutputFormat[]

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(formatInfo, name)
}
