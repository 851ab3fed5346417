import { describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow } from './helpers/dataset.ts'

const withoutKind = (rows: CsvRow[], ids: Set<string>) => rows.filter((r) => !ids.has(r.pattern_id))

/** A row without the given columns. */
const without = (r: CsvRow | undefined, ...keys: string[]) =>
  r && Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)))

const BALANCES = ['from_balance_after', 'to_balance_after']

/** Accounts the kind's rows move money on, in either run: the only ones whose balances may differ. */
function touchedBy(rows: CsvRow[], ids: Set<string>): Set<string> {
  const out = new Set<string>()
  for (const r of rows) {
    if (!ids.has(r.pattern_id)) continue
    if (r.from_account_id) out.add(r.from_account_id)
    if (r.to_account_id) out.add(r.to_account_id)
  }
  return out
}

describe('stability under tweaks', () => {
  it('raising counts.communications leaves persons, companies, accounts and transactions byte-identical', async () => {
    const base = smallConfig(11)
    const a = await generate(base)
    const b = await generate({ ...base, counts: { ...base.counts, communications: 2500 } })
    for (const file of [
      'persons.csv',
      'companies.csv',
      'ownership.csv',
      'accounts.csv',
      'transactions.csv',
      'trades.csv',
      'documents.csv',
    ]) {
      expect(b.hashes[file], file).toBe(a.hashes[file])
    }
    expect(b.hashes['communications.csv']).not.toBe(a.hashes['communications.csv'])
  })

  for (const kind of ['structuring', 'tbml', 'accountTakeover'] as const) {
    it(`changing ${kind}'s count leaves every background row and every other pattern's rows identical`, async () => {
      const base = smallConfig(21, 2)
      const a = await generate(base)
      const b = await generate({ ...base, patterns: { ...base.patterns, [kind]: { count: 4 } } })
      // The kind's look-alikes come with it (their number follows its count).
      const ofKind = (p: CsvRow) => p.kind === kind || p.resembles === kind
      const kindIds = (g: typeof a) => new Set(g.tables.patterns.filter(ofKind).map((p) => p.id))
      const idsA = kindIds(a)
      const idsB = kindIds(b)
      expect(b.tables.patterns.filter((p) => p.kind === kind).length).toBe(4)
      for (const id of idsA) expect(idsB.has(id), 'the first instances keep their ids').toBe(true)
      // Balances are the one thing a pattern changes on background rows: those of the accounts its rows touch
      // (an account's opening balance, and so every balance of it, follows every row that moves its money).
      const touched = new Set([...touchedBy(a.tables.transactions, idsA), ...touchedBy(b.tables.transactions, idsB)])
      const txA = withoutKind(a.tables.transactions, idsA)
      const txB = withoutKind(b.tables.transactions, idsB)
      expect(txB.map((r) => without(r, ...BALANCES))).toEqual(txA.map((r) => without(r, ...BALANCES)))
      let moved = 0
      txB.forEach((r, k) => {
        for (const side of ['from', 'to'] as const) {
          if (r[`${side}_balance_after`] === txA[k][`${side}_balance_after`]) continue
          moved++
          expect(touched.has(r[`${side}_account_id`]), `${r.id}: ${side} balance of an untouched account`).toBe(true)
        }
      })
      // The narrowing is needed: the kind's extra instances do move some background balances.
      expect(moved).toBeGreaterThan(0)
      for (const table of ['communications', 'trades', 'travels', 'documents', 'access_events', 'ownership'] as const) {
        expect(withoutKind(b.tables[table], idsB), table).toEqual(withoutKind(a.tables[table], idsA))
      }
      expect(b.tables.patterns.filter((p) => !ofKind(p))).toEqual(a.tables.patterns.filter((p) => !ofKind(p)))
      // Entity rows present in both runs are identical (but for the label of a member of the changed kind, which
      // follows its membership); rows only one run has are members of the changed kind.
      const members = (g: typeof a, ids: Set<string>) =>
        new Set(g.tables.pattern_members.filter((m) => ids.has(m.pattern_id)).map((m) => m.entity_id))
      const membersA = members(a, idsA)
      const membersB = members(b, idsB)
      for (const table of ['persons', 'companies', 'accounts'] as const) {
        const rowsA = new Map(a.tables[table].map((r) => [r.id, r]))
        const rowsB = new Map(b.tables[table].map((r) => [r.id, r]))
        for (const [id, row] of rowsB) {
          const unlabelled = (r: CsvRow | undefined) => {
            const row = membersA.has(id) || membersB.has(id) ? { ...r, is_suspicious: '' } : r
            return table === 'accounts' && touched.has(id) ? without(row as CsvRow, 'opening_balance') : row
          }
          if (rowsA.has(id)) expect(unlabelled(row), `${table} ${id}`).toEqual(unlabelled(rowsA.get(id)))
          else expect(membersB.has(id), `${table} ${id} only in the changed run is a member of ${kind}`).toBe(true)
        }
        for (const id of rowsA.keys()) if (!rowsB.has(id)) expect(membersA.has(id), `${table} ${id}`).toBe(true)
        expect(rowsB.size - rowsA.size).toBeGreaterThanOrEqual(0)
      }
    })
  }
})
