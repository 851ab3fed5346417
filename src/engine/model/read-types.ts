import type { FieldSpec } from './field.ts'

/** How a reader should type a column: a pandas dtype and a DuckDB SQL type. */
export interface ReadTypes {
  /** `string`, `Int64`, `float64`, `boolean`, or `datetime64[s]` / `datetime64[s, UTC]` (parse after reading as text). */
  readonly pandas: string
  readonly duckdb: string
}

/**
 * Reader types for a column. Everything that is a code rather than a quantity (ids, phones, HS codes, merchant
 * category codes, postal codes) is text, so a reader keeps leading zeros and `+` signs; money is exact in
 * DECIMAL(18,2) because every currency has 0 or 2 minor digits.
 */
export function readTypesOf(spec: FieldSpec): ReadTypes {
  switch (spec.kind) {
    case 'id':
    case 'ref':
    case 'text':
    case 'enum':
    case 'list':
      return { pandas: 'string', duckdb: 'VARCHAR' }
    case 'int':
      return { pandas: 'Int64', duckdb: 'BIGINT' }
    case 'decimal':
      return { pandas: 'float64', duckdb: `DECIMAL(18,${spec.digits ?? 2})` }
    case 'money':
      return { pandas: 'float64', duckdb: 'DECIMAL(18,2)' }
    case 'date':
      return { pandas: 'datetime64[s]', duckdb: 'DATE' }
    case 'timestamp':
      return { pandas: 'datetime64[s, UTC]', duckdb: 'TIMESTAMPTZ' }
    case 'bool':
      return { pandas: 'boolean', duckdb: 'BOOLEAN' }
  }
}
