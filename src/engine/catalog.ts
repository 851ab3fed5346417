import type { ParamDescriptor } from './config/params.ts'
import { describeSettings, type PatternCatalogEntry, type SettingsCatalog } from './config/settings.ts'
import { patternSpecs } from './patterns/specs.ts'
import type { PatternSpecSet } from './patterns/types.ts'
import { tables, type TableName } from './model/schema.ts'
import type { FieldKind } from './model/field.ts'
import { readTypesOf, type ReadTypes } from './model/read-types.ts'

export type { PatternCatalogEntry } from './config/settings.ts'

export interface ColumnDictionaryEntry {
  readonly name: string
  readonly type: 'string' | 'integer' | 'decimal' | 'date' | 'timestamp' | 'boolean' | 'list'
  readonly unit: string | null
  readonly nullable: boolean
  readonly references: readonly string[] | null
  readonly values: readonly string[] | null
  readonly description: string
  /** The type to read the CSV text as, in pandas and in DuckDB (the shipped load.py and load.sql apply these). */
  readonly readAs: ReadTypes
}

export interface TableDictionaryEntry {
  readonly name: TableName
  readonly description: string
  readonly columns: readonly ColumnDictionaryEntry[]
}

export interface Catalog {
  readonly general: Readonly<Record<string, ParamDescriptor>>
  readonly counts: Readonly<Record<string, ParamDescriptor>>
  readonly difficulty: SettingsCatalog['difficulty']
  readonly patterns: readonly PatternCatalogEntry[]
  readonly tables: readonly TableDictionaryEntry[]
}

const TYPE_OF: Record<FieldKind, ColumnDictionaryEntry['type']> = {
  id: 'string',
  ref: 'string',
  text: 'string',
  enum: 'string',
  int: 'integer',
  decimal: 'decimal',
  money: 'decimal',
  date: 'date',
  timestamp: 'timestamp',
  bool: 'boolean',
  list: 'list',
}

/** The data dictionary: every column of every table, derived from the table declarations. */
export function describeTables(): TableDictionaryEntry[] {
  return Object.values(tables).map((t) => ({
    name: t.name as TableName,
    description: t.description,
    columns: t.columns.map((c) => ({
      name: c.name,
      type: TYPE_OF[c.spec.kind],
      unit:
        c.spec.kind === 'timestamp'
          ? 'ISO-8601 UTC'
          : c.spec.kind === 'date'
            ? 'YYYY-MM-DD'
            : c.spec.kind === 'list'
              ? ';-joined'
              : (c.spec.unit ?? null),
      nullable: c.spec.nullable,
      references: c.spec.ref ?? null,
      values: c.spec.values ?? null,
      description: c.spec.description,
      readAs: readTypesOf(c.spec),
    })),
  }))
}

/** Everything a UI or CLI needs to render settings: labels, help, bounds and defaults, plus the data dictionary. */
export function describeCatalog(specs: PatternSpecSet = patternSpecs): Catalog {
  return { ...describeSettings(specs), tables: describeTables() }
}
