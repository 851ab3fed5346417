import { beforeAll, describe, expect, it } from 'vitest'
import { tables } from '../src/engine/model/schema.ts'
import { eventTables } from '../src/engine/orchestrator/event-span.ts'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'

/** The detection target: one explicit column, true exactly for what belongs to a suspicious instance. */
describe('the is_suspicious label', () => {
  let g: Generated
  beforeAll(async () => {
    g = await generate({ ...smallConfig('labels', 2), difficulty: 'medium' })
  }, 120_000)

  it('is a column of every event and entity table, documented in the dictionary', () => {
    for (const name of [...eventTables, 'persons', 'companies', 'accounts', 'ownership', 'patterns'] as const) {
      const col = tables[name].columns.find((c) => c.name === 'is_suspicious')
      expect(col?.spec.kind, name).toBe('bool')
      expect(col?.spec.description.length, name).toBeGreaterThan(20)
      expect(Object.keys(g.tables[name][0] ?? { is_suspicious: '' }), name).toContain('is_suspicious')
    }
  })

  it('is true exactly for the own rows of suspicious instances, never for camouflage or look-alike rows', () => {
    const bad = new Set(g.tables.patterns.filter((p) => p.is_suspicious === 'true').map((p) => p.id))
    expect(bad.size).toBeGreaterThan(0)
    let positives = 0
    for (const name of eventTables) {
      for (const r of g.tables[name]) {
        const want = bad.has(r.pattern_id) && r.pattern_role !== 'camouflage'
        expect(r.is_suspicious, `${name} ${r.id}`).toBe(want ? 'true' : 'false')
        if (want) positives++
      }
    }
    expect(positives).toBeGreaterThan(0)
  })

  it('gives the entities patterns create an ordinary life labelled camouflage, not suspicious', () => {
    const camouflage = g.tables.transactions.filter((t) => t.pattern_role === 'camouflage')
    expect(camouflage.length).toBeGreaterThan(0)
    expect(camouflage.every((t) => t.is_suspicious === 'false')).toBe(true)
    // Ordinary kinds, as the background has them.
    const kinds = new Set(g.tables.transactions.filter((t) => t.pattern_id === '').map((t) => t.kind))
    for (const t of camouflage) expect(kinds.has(t.kind), t.kind).toBe(true)
  })

  it('marks exactly the members of suspicious instances among persons, companies and accounts', () => {
    const bad = new Set(g.tables.patterns.filter((p) => p.is_suspicious === 'true').map((p) => p.id))
    const members = new Set(g.tables.pattern_members.filter((m) => bad.has(m.pattern_id)).map((m) => m.entity_id))
    for (const name of ['persons', 'companies', 'accounts'] as const)
      for (const r of g.tables[name])
        expect(r.is_suspicious, `${name} ${r.id}`).toBe(members.has(r.id) ? 'true' : 'false')
  })

  it('names what a benign look-alike resembles, and only for look-alikes', () => {
    for (const p of g.tables.patterns) {
      if (p.is_suspicious === 'true') expect(p.resembles, p.id).toBe('')
      else
        expect(
          g.tables.patterns.some((q) => q.kind === p.resembles && q.is_suspicious === 'true'),
          p.id,
        ).toBe(true)
    }
  })
})
