import { describe, expect, it } from 'vitest'
import { createMemorySink, parseConfig, runGeneration } from '../src/engine/index.ts'
import { tables } from '../src/engine/model/schema.ts'
import { generate, smallConfig } from './helpers/dataset.ts'
import { duckdb, generateToDir } from './helpers/export.ts'

interface Manifest {
  files: { name: string; sha256: string }[]
  dictionary: {
    name: string
    columns: { name: string; nullable: boolean; readAs: { pandas: string; duckdb: string } }[]
  }[]
}

describe('CSV loaders (load.py, load.sql)', () => {
  it('ship with the CSV files, listed in the manifest, and type every column of the dictionary', async () => {
    const g = await generate(smallConfig(3, 0))
    const manifest = JSON.parse(g.text('manifest.json')) as Manifest
    for (const name of ['load.py', 'load.sql']) {
      expect(manifest.files.find((f) => f.name === name)?.sha256, name).toBe(g.hashes[name])
    }
    const sql = g.text('load.sql')
    const py = g.text('load.py')
    expect(py).toContain('c["readAs"]["pandas"]')
    for (const t of manifest.dictionary) {
      expect(sql).toContain(`CREATE OR REPLACE TABLE ${t.name} AS SELECT * FROM read_csv(\n  '${t.name}.csv'`)
      for (const c of t.columns) {
        expect(c.readAs.pandas, `${t.name}.${c.name}`).toMatch(
          /^(string|Int64|float64|boolean|datetime64\[s(, UTC)?\])$/,
        )
        expect(sql).toContain(`    '${c.name}': '${c.readAs.duckdb}'`)
      }
      expect(t.columns.map((c) => c.name)).toEqual(tables[t.name as keyof typeof tables].columns.map((c) => c.name))
    }
    // The columns a plain reader mangles are text in the dictionary.
    const type = (table: string, column: string) =>
      manifest.dictionary.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.readAs
    for (const [table, column] of [
      ['persons', 'phone'],
      ['companies', 'phone'],
      ['document_lines', 'hs_code'],
      ['transactions', 'merchant_category'],
      ['transactions', 'pattern_id'],
    ])
      expect(type(table, column), `${table}.${column}`).toEqual({ pandas: 'string', duckdb: 'VARCHAR' })
  })

  it('travel with the first shard only and are not part of JSON Lines output', async () => {
    const run = async (format: 'csv' | 'jsonl', shard?: { index: number; count: number }) => {
      const sink = createMemorySink()
      await runGeneration(parseConfig(smallConfig(4, 0)), { format, sink, shard })
      return [...sink.files.keys()]
    }
    expect(await run('csv', { index: 0, count: 2 })).toContain('load.sql')
    expect(await run('csv', { index: 1, count: 2 })).not.toContain('load.py')
    expect(await run('jsonl')).not.toContain('load.py')
  })

  it('load.sql loads every table into DuckDB with its types, and every value reads back as the CSV cell', async () => {
    const g = await generateToDir(smallConfig(5, 1), 'csv')
    const db = await duckdb()
    try {
      const manifest = JSON.parse(g.text('manifest.json')) as Manifest
      let sql = g.text('load.sql')
      for (const t of manifest.dictionary) sql = sql.replace(`'${t.name}.csv'`, `'${g.path(`${t.name}.csv`)}'`)
      await db.query(sql)
      let cells = 0
      for (const t of manifest.dictionary) {
        const rows = await db.query(`SELECT * FROM ${t.name}`)
        const csv = g.tables[t.name as keyof typeof g.tables]
        expect(rows.length, t.name).toBe(csv.length)
        for (const c of t.columns) {
          for (let i = 0; i < rows.length; i++) {
            const text = csv[i][c.name]
            const value = rows[i][c.name]
            const where = `${t.name}.${c.name} row ${i}: ${JSON.stringify(text)} vs ${JSON.stringify(value)}`
            if (value === null) {
              if (text !== '' || !c.nullable) expect.fail(where)
              continue
            }
            const type = c.readAs.duckdb
            const same =
              type === 'VARCHAR' || type === 'DATE'
                ? String(value) === text
                : type === 'TIMESTAMPTZ'
                  ? Date.parse(String(value)) === Date.parse(text)
                  : type === 'BOOLEAN'
                    ? String(value) === text
                    : Number(value) === Number(text)
            if (!same) expect.fail(where)
            cells++
          }
        }
      }
      expect(cells).toBeGreaterThan(10_000)
    } finally {
      db.close()
      await g.remove()
    }
  }, 120_000)
})
