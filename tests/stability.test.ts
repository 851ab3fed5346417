import { describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow } from './helpers/dataset.ts'

const withoutKind = (rows: CsvRow[], ids: Set<string>) => rows.filter((r) => !ids.has(r.pattern_id))

describe('stability under tweaks', () => {
  it('raising counts.communications leaves persons, companies, accounts and transactions byte-identical', async () => {
    const base = smallConfig(11)
    const a = await generate(base)
    const b = await generate({ ...base, counts: { ...base.counts, communications: 2500 } })
    for (const file of ['persons.csv', 'companies.csv', 'ownership.csv', 'accounts.csv', 'transactions.csv', 'trades.csv', 'documents.csv']) {
      expect(b.hashes[file], file).toBe(a.hashes[file])
    }
    expect(b.hashes['communications.csv']).not.toBe(a.hashes['communications.csv'])
  })

  for (const kind of ['structuring', 'tbml', 'accountTakeover'] as const) {
    it(`changing ${kind}'s count leaves every background row and every other pattern's rows identical`, async () => {
      const base = smallConfig(21, 2)
      const a = await generate(base)
      const b = await generate({ ...base, patterns: { ...base.patterns, [kind]: { count: 4 } } })
      const kindIds = (g: typeof a) => new Set(g.tables.patterns.filter((p) => p.kind === kind).map((p) => p.id))
      const idsA = kindIds(a)
      const idsB = kindIds(b)
      expect(idsB.size).toBe(4)
      for (const id of idsA) expect(idsB.has(id), 'the first instances keep their ids').toBe(true)
      for (const table of ['transactions', 'communications', 'trades', 'travels', 'documents', 'access_events', 'ownership'] as const) {
        expect(withoutKind(b.tables[table], idsB), table).toEqual(withoutKind(a.tables[table], idsA))
      }
      expect(b.tables.patterns.filter((p) => p.kind !== kind)).toEqual(a.tables.patterns.filter((p) => p.kind !== kind))
      // Entities the changed kind did not add stay identical too.
      const added = (g: typeof a, ids: Set<string>) => new Set(g.tables.pattern_members.filter((m) => ids.has(m.pattern_id)).map((m) => m.entity_id))
      const addedA = added(a, idsA)
      const addedB = added(b, idsB)
      for (const table of ['persons', 'companies', 'accounts'] as const) {
        expect(b.tables[table].filter((r) => !addedB.has(r.id))).toEqual(a.tables[table].filter((r) => !addedA.has(r.id)))
      }
    })
  }
})
