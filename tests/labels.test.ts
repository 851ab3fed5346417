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

  it('marks exactly the target members of suspicious instances among persons, companies and accounts', () => {
    const targets = new Set(g.tables.pattern_members.filter((m) => m.is_suspicious === 'true').map((m) => m.entity_id))
    expect(targets.size).toBeGreaterThan(0)
    for (const name of ['persons', 'companies', 'accounts'] as const)
      for (const r of g.tables[name])
        expect(r.is_suspicious, `${name} ${r.id}`).toBe(targets.has(r.id) ? 'true' : 'false')
  })

  it("makes no member of a look-alike a target, and keeps a crime's unwitting parties out of the target", () => {
    const kindOf = new Map(g.tables.patterns.map((p) => [p.id, p]))
    for (const m of g.tables.pattern_members)
      if (kindOf.get(m.pattern_id)?.is_suspicious !== 'true') expect(m.is_suspicious, m.entity_id).toBe('false')
    const role = (kind: string, r: string) =>
      g.tables.pattern_members.filter((m) => kindOf.get(m.pattern_id)?.kind === kind && m.role === r)
    // Who paid a fraud ring or a mule chain is its victim, not its member; the payment itself stays suspicious.
    const victims = [...role('fraudRing', 'victim_account'), ...role('muleChain', 'victim')]
    expect(victims.length).toBeGreaterThan(0)
    for (const v of victims) expect(v.is_suspicious, `${v.role} ${v.entity_id}`).toBe('false')
    const paid = g.tables.transactions.filter((t) =>
      victims.some((v) => v.entity_id === t.from_account_id && v.pattern_id === t.pattern_id),
    )
    expect(paid.length).toBeGreaterThan(0)
    expect(paid.every((t) => t.is_suspicious === 'true')).toBe(true)
    // A taken-over account is where the crime happens: a target, though its holder is a victim.
    const taken = role('accountTakeover', 'victim')
    expect(taken.filter((m) => m.entity_type === 'account').every((m) => m.is_suspicious === 'true')).toBe(true)
    expect(taken.filter((m) => m.entity_type === 'person').every((m) => m.is_suspicious === 'false')).toBe(true)
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
