import type { SchemaElement } from 'hyparquet-writer'
import { currencyByCode } from '../../reference/currencies.ts'
import { moneyCurrency, type Column, type TableDef } from '../../model/field.ts'

type Row = Record<string, unknown>

/**
 * Every currency we generate has 0 or 2 minor digits, so DECIMAL(18, 2) holds every amount exactly: minor units
 * scaled up to cents. Readers then see the same number as the CSV's decimal string, not minor units to rescale.
 */
export const MONEY_SCALE = 2
const DECIMAL_PRECISION = 18

/** One Parquet column: its schema elements (several for a LIST) and how a row's value becomes a column value. */
export interface ParquetColumn {
  readonly name: string
  readonly elements: SchemaElement[]
  readonly value: (row: Row) => unknown
  /** Min/max statistics: kept where readers prune on them (ids, codes, numbers, times), not for free text. */
  readonly statistics: boolean
}

function scaleOf(code: unknown): bigint {
  const digits = currencyByCode[code as string]?.minorDigits ?? MONEY_SCALE
  return 10n ** BigInt(MONEY_SCALE - digits)
}

function column(c: Column): ParquetColumn {
  const s = c.spec
  const repetition_type = s.nullable ? 'OPTIONAL' : 'REQUIRED'
  const key = c.key
  const leaf = (el: Omit<SchemaElement, 'name' | 'repetition_type'>, value: (v: never, row: Row) => unknown) => ({
    name: c.name,
    statistics: s.kind !== 'text',
    elements: [{ name: c.name, repetition_type, ...el } as SchemaElement],
    value: (row: Row) => {
      const v = row[key]
      return v === null || v === undefined ? null : value(v as never, row)
    },
  })
  switch (s.kind) {
    case 'id':
    case 'ref':
    case 'text':
    case 'enum':
      // Dictionary encoding is the writer's default wherever it pays (enums, currencies, countries, ref ids).
      return leaf({ type: 'BYTE_ARRAY', converted_type: 'UTF8' }, (v: string) => v)
    case 'int':
      // Counts, durations and quantities: all far below 2^31.
      return leaf({ type: 'INT32' }, (v: number) => v)
    case 'decimal': {
      const digits = s.digits ?? 2
      const factor = 10 ** digits
      return leaf(
        { type: 'INT64', converted_type: 'DECIMAL', scale: digits, precision: DECIMAL_PRECISION },
        (v: number) => BigInt(Math.round(v * factor)),
      )
    }
    case 'money': {
      return leaf(
        { type: 'INT64', converted_type: 'DECIMAL', scale: MONEY_SCALE, precision: DECIMAL_PRECISION },
        (v: number, row) => BigInt(v) * scaleOf(moneyCurrency(s, row)),
      )
    }
    case 'date':
      return leaf({ type: 'INT32', converted_type: 'DATE' }, (v: number) => v)
    case 'timestamp':
      return leaf(
        { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } },
        (v: number) => BigInt(v) * 1000n,
      )
    case 'bool':
      return leaf({ type: 'BOOLEAN' }, (v: boolean) => v)
    case 'list':
      // The three-level LIST layout the Parquet spec requires (DuckDB, Arrow and Spark read it as list<string>).
      return {
        name: c.name,
        statistics: false,
        elements: [
          { name: c.name, repetition_type, converted_type: 'LIST', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', repetition_type: 'REQUIRED', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        ],
        value: (row) => {
          const v = row[key] as readonly string[] | null | undefined
          return v === null || v === undefined ? null : [...v]
        },
      }
  }
}

export function parquetColumns(table: TableDef): ParquetColumn[] {
  return table.columns.map(column)
}

export function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.flatMap((c) => c.elements)]
}
