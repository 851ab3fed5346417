import { describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow } from './helpers/dataset.ts'

const withoutKind = (rows: CsvRow[], ids: Set<string>) => rows.filter((r) => !ids.has(r.pattern_id))

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
      for (const table of [
        'transactions',
        'communications',
        'trades',
        'travels',
        'documents',
        'access_events',
        'ownership',
      ] as const) {
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
          const unlabelled = (r: CsvRow | undefined) =>
            membersA.has(id) || membersB.has(id) ? { ...r, is_suspicious: '' } : r
          if (rowsA.has(id)) expect(unlabelled(row), `${table} ${id}`).toEqual(unlabelled(rowsA.get(id)))
          else expect(membersB.has(id), `${table} ${id} only in the changed run is a member of ${kind}`).toBe(true)
        }
        for (const id of rowsA.keys()) if (!rowsB.has(id)) expect(membersA.has(id), `${table} ${id}`).toBe(true)
        expect(rowsB.size - rowsA.size).toBeGreaterThanOrEqual(0)
      }
    })
  }
})
