import { ByteWriter, ParquetWriter } from 'hyparquet-writer'
import type { ByteSink } from '../byte-sink.ts'
import { FileWriter, type HasherFactory } from '../file-writer.ts'
import type { DatasetWriter } from '../formats.ts'
import type { FileInfo } from '../output.ts'
import { PRODUCT_VERSION } from '../../version.ts'
import { parquetColumns, parquetSchema, type ParquetColumn } from './schema.ts'

type Row = Record<string, unknown>

/** Rows buffered per row group: ~10–30 MB of column arrays for the widest table, big enough for good compression. */
export const ROW_GROUP_ROWS = 100_000

/** hyparquet-writer's byte writer, emptied into our file writer (which hashes and sends) after every row group. */
class SinkWriter extends ByteWriter {
  constructor(private readonly file: FileWriter) {
    super(1 << 20)
  }
  flush(): Promise<void> | void {
    const bytes = new Uint8Array(this.buffer, 0, this.index).slice()
    this.index = 0
    return this.file.raw(bytes)
  }
  override finish(): Promise<void> | void {
    return this.flush()
  }
}

interface OpenTable {
  readonly file: FileWriter
  readonly parquet: ParquetWriter
  readonly columns: readonly ParquetColumn[]
  data: unknown[][]
  rows: number
  total: number
}

/** One Snappy-compressed Parquet file per table, typed from the table's field descriptors (see schema.ts). */
export function parquetWriter(sink: ByteSink, hasher: HasherFactory): DatasetWriter {
  const files: FileInfo[] = []
  let open: OpenTable | null = null

  const flushGroup = (t: OpenTable): Promise<void> | void => {
    if (t.rows === 0) return
    const columnData = t.columns.map((c, i) => ({ name: c.name, data: t.data[i], statistics: c.statistics }))
    t.data = t.columns.map(() => [])
    const n = t.rows
    t.rows = 0
    return t.parquet.write({ columnData, rowGroupSize: n })
  }

  return {
    async beginTable(table) {
      const file = await FileWriter.open(sink, `${table.name}.parquet`, hasher)
      const columns = parquetColumns(table)
      const parquet = new ParquetWriter({
        writer: new SinkWriter(file),
        schema: parquetSchema(columns),
        codec: 'SNAPPY',
        // Fixed, so the same config gives the same bytes with every release of the writer library.
        createdBy: `fincrime-synth ${PRODUCT_VERSION}`,
        kvMetadata: [{ key: 'fincrime_synth.table', value: table.name }],
      })
      const t: OpenTable = { file, parquet, columns, data: columns.map(() => []), rows: 0, total: 0 }
      open = t
      return (row: Row) => {
        for (let i = 0; i < columns.length; i++) t.data[i].push(columns[i].value(row))
        t.total++
        if (++t.rows >= ROW_GROUP_ROWS) return flushGroup(t)
      }
    },
    async endTable() {
      const t = open
      if (!t) return
      open = null
      await flushGroup(t)
      await t.parquet.finish()
      files.push({ ...(await t.file.close()), rows: t.total } as FileInfo)
    },
    async finish() {
      return files
    },
  }
}
