import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tableNames } from '../src/engine/index.ts'
import { smallConfig } from './helpers/dataset.ts'
import { duckdb, generateToDir, type Query } from './helpers/export.ts'

type Dir = Awaited<ReturnType<typeof generateToDir>>

/** Parquet read back by a real reader (DuckDB), against the CSV of the same config read by the same reader. */
describe('parquet export', () => {
  let csv: Dir
  let pq: Dir
  let db: Awaited<ReturnType<typeof duckdb>>
  let query: Query
  const P = (t: string) => `read_parquet('${pq.path(`${t}.parquet`)}')`
  // all_varchar: the CSV's own text, cast explicitly, so the comparison does not depend on DuckDB's type guessing.
  const C = (t: string) => `read_csv('${csv.path(`${t}.csv`)}', header = true, all_varchar = true)`

  beforeAll(async () => {
    csv = await generateToDir(smallConfig('parquet', 2), 'csv')
    pq = await generateToDir(smallConfig('parquet', 2), 'parquet')
    db = await duckdb()
    query = db.query
  }, 120_000)
  afterAll(async () => {
    db?.close()
    await csv?.remove()
    await pq?.remove()
  })

  it('writes one file per table with the row counts of the CSV', async () => {
    for (const t of tableNames) {
      const [p] = await query(`select count(*)::INTEGER n from ${P(t)}`)
      const [c] = await query(`select count(*)::INTEGER n from ${C(t)}`)
      expect(p.n, t).toBe(c.n)
      expect(p.n, t).toBe(pq.result.counts[t])
    }
    expect(pq.result.counts.transactions).toBeGreaterThan(4000)
  }, 120_000) // a busy 2-core machine: the whole dataset's files are read

  it('has real column types', async () => {
    const types = async (t: string) =>
      Object.fromEntries((await query(`describe select * from ${P(t)}`)).map((r) => [r.column_name, r.column_type]))
    const txn = await types('transactions')
    expect(txn.timestamp).toBe('TIMESTAMP WITH TIME ZONE')
    expect(txn.amount).toBe('DECIMAL(18,2)')
    expect(txn.fx_rate).toBe('DECIMAL(18,6)')
    expect(txn.kind).toBe('VARCHAR')
    const com = await types('companies')
    expect(com).toMatchObject({
      incorporated_on: 'DATE',
      employees: 'INTEGER',
      is_listed: 'BOOLEAN',
      tax_haven_links: 'VARCHAR[]',
    })
  })

  it('dictionary-encodes the categories and compresses every column', async () => {
    const meta = await query(
      `select path_in_schema p, encodings e, compression c from parquet_metadata('${pq.path('transactions.parquet')}') where row_group_id = 0`,
    )
    const of = (p: string) => meta.find((m) => m.p === p)
    for (const category of ['kind', 'channel', 'currency', 'origin_country'])
      expect(String(of(category)?.e), category).toContain('RLE_DICTIONARY')
    for (const m of meta) expect(m.c, String(m.p)).toBe('SNAPPY')
  })

  it('holds the same values as the CSV: ids, times, amounts and labels of every transaction', async () => {
    const [diff] = await query(`
      select count(*)::INTEGER n from (
        select id, epoch(timestamp) t, amount, to_amount, pattern_id from ${P('transactions')}
        except all
        select id, epoch(timestamp::TIMESTAMPTZ), amount::DECIMAL(18,2), to_amount::DECIMAL(18,2), pattern_id
        from ${C('transactions')})`)
    expect(diff.n).toBe(0)
    const [lists] = await query(`
      select count(*)::INTEGER n from (
        select id, array_to_string(tax_haven_links, ';') l from ${P('companies')}
        except all select id, coalesce(tax_haven_links, '') from ${C('companies')})`)
    expect(lists.n).toBe(0)
  })

  it('gives the same answer to a join across tables as the CSV', async () => {
    const join = (src: (t: string) => string, amount: string) => `
      select a.owner_type, t.currency, count(*)::INTEGER n, sum(${amount})::VARCHAR total,
             count(t.pattern_id)::INTEGER labelled
      from ${src('transactions')} t join ${src('accounts')} a on t.from_account_id = a.id
      group by all order by all`
    const fromParquet = await query(join(P, 't.amount'))
    const fromCsv = await query(join(C, 't.amount::DECIMAL(18,2)'))
    expect(fromParquet.length).toBeGreaterThan(2)
    expect(fromParquet).toEqual(fromCsv)
  })

  it('lists every file with its hash and rows in the manifest, and gives the same bytes twice', async () => {
    const manifest = JSON.parse(pq.text('manifest.json')) as {
      format: string
      files: { name: string; sha256: string; rows: number }[]
    }
    expect(manifest.format).toBe('parquet')
    for (const t of tableNames) {
      const entry = manifest.files.find((f) => f.name === `${t}.parquet`)
      expect(entry?.sha256, t).toBe(pq.hashes[`${t}.parquet`])
      expect(entry?.rows, t).toBe(pq.result.counts[t])
    }
    const again = await generateToDir(smallConfig('parquet', 2), 'parquet')
    await again.remove()
    expect(again.hashes).toEqual(pq.hashes)
  }, 60_000)
})
