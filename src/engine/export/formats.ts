import type { TableDef } from '../model/field.ts'
import type { ByteSink } from './byte-sink.ts'
import { csvHeader, csvRowWriter, jsonRowEncoder, type TextOut } from './cells.ts'
import { FileWriter, type HasherFactory } from './file-writer.ts'
import { LOAD_PY, loadSql } from './loaders.ts'
import type { FileInfo } from './output.ts'

/** The text formats written here; the others live in their own folders (see registry.ts). */
export type TextFormat = 'csv' | 'json' | 'jsonl'

type Row = Record<string, unknown>

/** Writes tables one after another in one of the output formats. */
export interface DatasetWriter {
  /** Starts a table; returns the function that writes one row (it may return a promise for backpressure). */
  /** `header: false` for the later parts of a sharded table, so the parts concatenate into the whole file. */
  beginTable(table: TableDef, header?: boolean): Promise<(row: Row) => Promise<void> | void>
  endTable(): Promise<void>
  /** Appends rows already encoded in this format by a parallel lane (per-table formats only). */
  raw?(bytes: Uint8Array): Promise<void> | void
  /**
   * CSV only: the table's file, for encoders that write their rows' lines into it themselves (between rows
   * written by the row function, never during one); call its `drain` between rows.
   */
  csvFile?(): FileWriter | null
  /** Closes the data files and returns them (manifest.json is written by the caller). */
  finish(): Promise<FileInfo[]>
}

export const formatFiles: Record<TextFormat, (table: string) => string> = {
  csv: (t) => `${t}.csv`,
  jsonl: (t) => `${t}.jsonl`,
  json: () => 'dataset.json',
}

/** Writes one row, with its line end, in a per-table format. */
export function rowWriter(format: 'csv' | 'jsonl', table: TableDef): (row: Row, out: TextOut) => void {
  if (format === 'csv') return csvRowWriter(table)
  const encode = jsonRowEncoder(table)
  return (row, out) => {
    out.put(encode(row))
    out.byte(10)
  }
}

/** One file per table: CSV (header row, RFC 4180, `\n`) or JSON Lines. */
function perTableWriter(sink: ByteSink, format: 'csv' | 'jsonl', hasher: HasherFactory): DatasetWriter {
  const files: FileInfo[] = []
  let current: FileWriter | null = null
  const written: TableDef[] = []
  return {
    async beginTable(table, header = true) {
      // Only a writer that starts files (the whole run, or a sharded run's first part) ships the loaders.
      if (header) written.push(table)
      current = await FileWriter.open(sink, formatFiles[format](table.name), hasher)
      const file = current
      if (format === 'csv' && header) await file.write(csvHeader(table) + '\n')
      const encode = rowWriter(format, table)
      return (row) => {
        encode(row, file)
        return file.drain()
      }
    },
    async endTable() {
      if (current) files.push(await current.close())
      current = null
    },
    raw(bytes) {
      return current?.raw(bytes)
    },
    csvFile: () => (format === 'csv' ? current : null),
    async finish() {
      if (format === 'csv' && written.length > 0) {
        for (const [name, text] of [
          ['load.py', LOAD_PY],
          ['load.sql', loadSql(written)],
        ] as const) {
          const file = await FileWriter.open(sink, name, hasher)
          await file.write(text)
          files.push({ ...(await file.close()), rows: null }) // scripts, not tables
        }
      }
      return files
    },
  }
}

/** One `dataset.json`: `{"manifest": …, "tables": {"persons": [ … ], …}}`, streamed row by row. */
function singleJsonWriter(sink: ByteSink, manifest: unknown, hasher: HasherFactory): DatasetWriter {
  let file: FileWriter | null = null
  let tablesWritten = 0
  return {
    async beginTable(table) {
      if (!file) {
        file = await FileWriter.open(sink, 'dataset.json', hasher)
        await file.write('{"manifest":' + JSON.stringify(manifest) + ',"tables":{')
      }
      const out = file
      await out.write((tablesWritten++ > 0 ? ',\n' : '\n') + JSON.stringify(table.name) + ':[')
      const encode = jsonRowEncoder(table)
      let first = true
      return (row) => {
        const text = (first ? '\n' : ',\n') + encode(row)
        first = false
        return out.write(text)
      }
    },
    async endTable() {
      await file?.write(']')
    },
    async finish() {
      if (!file) return []
      await file.write('\n}}\n')
      return [await file.close()]
    },
  }
}

export function createDatasetWriter(
  format: TextFormat,
  sink: ByteSink,
  manifestCore: unknown,
  hasher: HasherFactory,
): DatasetWriter {
  return format === 'json' ? singleJsonWriter(sink, manifestCore, hasher) : perTableWriter(sink, format, hasher)
}
