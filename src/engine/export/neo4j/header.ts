import { currencyByCode } from '../../reference/currencies.ts'
import { moneyCurrency, type Column, type FieldSpec, type TableDef } from '../../model/field.ts'
import { formatMinor } from '../../model/money.ts'
import { formatDate, formatTimestamp } from '../../model/time.ts'
import { quoteCsv } from '../cells.ts'

type Row = Record<string, unknown>

/**
 * Property types of `neo4j-admin database import` headers (`name:type`). Money is a double in major units
 * (the currency is its own property), lists are `string[]` split on the importer's default array delimiter `;`.
 */
export function neo4jType(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'int':
      return 'long'
    case 'decimal':
    case 'money':
      return 'double'
    case 'date':
      return 'date'
    case 'timestamp':
      return 'datetime'
    case 'bool':
      return 'boolean'
    case 'list':
      return 'string[]'
    default:
      return 'string'
  }
}

/** One cell as the importer reads it: RFC 4180 quoting, empty for null (the importer then sets no property). */
function cell(spec: FieldSpec, key: string): (row: Row) => string {
  const text = (row: Row): string => {
    const v = row[key]
    if (v === null || v === undefined) return ''
    switch (spec.kind) {
      case 'int':
        return String(v)
      case 'decimal':
        return (v as number).toFixed(spec.digits ?? 2)
      case 'money':
        return formatMinor(v as number, currencyByCode[moneyCurrency(spec, row) ?? '']?.minorDigits ?? 2)
      case 'date':
        return formatDate(v as number)
      case 'timestamp':
        return formatTimestamp(v as number)
      case 'bool':
        return v ? 'true' : 'false'
      case 'list':
        return quoteCsv((v as readonly string[]).join(';'))
      default:
        return quoteCsv(v as string)
    }
  }
  return text
}

/** A column of a Neo4j CSV: its header field and how a row fills it. */
export interface Neo4jColumn {
  readonly header: string
  readonly value: (row: Row) => string
}

/** The table's columns as typed properties, leaving out those the file spends on ids, labels or types. */
export function propertyColumns(table: TableDef, omit: readonly string[] = []): Neo4jColumn[] {
  return table.columns
    .filter((c: Column) => !omit.includes(c.key))
    .map((c) => ({ header: `${c.name}:${neo4jType(c.spec)}`, value: cell(c.spec, c.key) }))
}

export function idColumn(key: string, space: string, property = 'id'): Neo4jColumn {
  return { header: `${property}:ID(${space})`, value: (row) => quoteCsv(String(row[key])) }
}

export function endpoint(kind: 'START' | 'END', space: string, value: (row: Row) => string): Neo4jColumn {
  return { header: `:${kind}_ID(${space})`, value: (row) => quoteCsv(value(row)) }
}

export function fixed(header: string, value: (row: Row) => string): Neo4jColumn {
  return { header, value }
}
