import type { TableDef } from '../model/field.ts'
import { readTypesOf } from '../model/read-types.ts'

/**
 * `load.py`: reads this folder's CSV files into pandas with the dtypes of manifest.json's data dictionary
 * (`readAs.pandas`), so phones, HS codes and merchant codes stay text and empty cells are missing only where a
 * column is nullable. Static text: the types come from the manifest it ships with.
 */
export const LOAD_PY = `"""Loads this folder's CSV files into pandas with the column types of manifest.json's data dictionary.

    python3 load.py                       # prints every table's shape and dtypes
    import load; tables = load.load_all() # {table name: DataFrame}

Codes (ids, phones, HS codes, merchant categories, postal codes) stay text; money and decimals are float64;
timestamps are UTC. Empty cells are missing (<NA>) only in nullable columns; elsewhere text stays "".
"""

import json
import os
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def dictionary(folder=HERE):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        return {t["name"]: t["columns"] for t in json.load(f)["dictionary"]}


def load(table, folder=HERE, columns=None):
    columns = columns or dictionary(folder)[table]
    dtype, later = {}, {}
    for c in columns:
        kind = c["readAs"]["pandas"]
        if kind.startswith("datetime64"):
            dtype[c["name"]], later[c["name"]] = "string", kind
        else:
            dtype[c["name"]] = kind
    frame = pd.read_csv(
        os.path.join(folder, table + ".csv"),
        dtype=dtype,
        keep_default_na=False,
        na_values={c["name"]: [""] for c in columns if c["nullable"] or c["readAs"]["pandas"] != "string"},
        true_values=["true"],
        false_values=["false"],
        encoding="utf-8",
    )
    for name, kind in later.items():
        utc = kind.endswith("UTC]")
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%dT%H:%M:%SZ" if utc else "%Y-%m-%d", utc=utc)
    return frame


def load_all(folder=HERE):
    tables = dictionary(folder)
    present = [t for t in tables if os.path.exists(os.path.join(folder, t + ".csv"))]
    return {t: load(t, folder, tables[t]) for t in present}


if __name__ == "__main__":
    for name, frame in load_all(sys.argv[1] if len(sys.argv) > 1 else HERE).items():
        print(name, frame.shape)
        print(frame.dtypes.to_string(), end="\\n\\n")
`

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

/**
 * `load.sql`: one DuckDB \`read_csv\` per table with every column's type spelled out (no sniffing), empty cells
 * NULL only in nullable columns. Run from the output folder: \`duckdb fincrime.duckdb < load.sql\`.
 */
export function loadSql(defs: readonly TableDef[]): string {
  const out = [
    '-- Loads the CSV files of this folder into DuckDB with explicit column types (types from manifest.json).',
    '-- Run from this folder:  duckdb fincrime.duckdb < load.sql',
    '',
  ]
  for (const t of defs) {
    const columns = t.columns.map((c) => `    ${sqlString(c.name)}: ${sqlString(readTypesOf(c.spec).duckdb)}`)
    const notNull = t.columns.filter((c) => !c.spec.nullable && readTypesOf(c.spec).duckdb === 'VARCHAR')
    out.push(
      `CREATE OR REPLACE TABLE ${t.name} AS SELECT * FROM read_csv(`,
      `  ${sqlString(t.name + '.csv')},`,
      `  header = true, delim = ',', quote = '"', escape = '"', nullstr = '',`,
      `  force_not_null = [${notNull.map((c) => sqlString(c.name)).join(', ')}],`,
      `  columns = {`,
      columns.join(',\n'),
      `  }`,
      `);`,
      '',
    )
  }
  return out.join('\n')
}
