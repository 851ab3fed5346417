import { describe, expect, it } from 'vitest'
import { patternRegistry } from '../src/engine/patterns/registry.ts'
import { snakeCase } from '../src/engine/model/field.ts'
import { tables, type TableName } from '../src/engine/model/schema.ts'
import { eventTables } from '../src/engine/orchestrator/event-span.ts'
import { validateConfig } from '../src/engine/index.ts'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'

const kinds = Object.keys(patternRegistry) as (keyof typeof patternRegistry)[]
const EVENT_TABLES = eventTables
/** The CSV column of each event table's declared time field. */
const timeOf = Object.fromEntries(eventTables.map((t) => [t, snakeCase(tables[t].time as string)])) as Record<
  (typeof EVENT_TABLES)[number],
  string
>

function only(kind: string, count: number, seed: number, extra: Record<string, number> = {}) {
  const base = smallConfig(seed, 0)
  // The plain typology (no look-alikes or camouflage): look-alikes and camouflage have tests of their own.
  return {
    ...base,
    difficulty: 'easy',
    difficultyKnobs: { lookalikeRatio: 0 },
    patterns: {
      ...base.patterns,
      ...Object.fromEntries(Object.entries(extra).map(([k, n]) => [k, { count: n }])),
      [kind]: { count },
    },
  }
}

function labelled(g: Generated, patternId: string) {
  return EVENT_TABLES.flatMap((t) =>
    g.tables[t].filter((r) => r.pattern_id === patternId).map((r) => ({ table: t, row: r })),
  )
}

describe.each(kinds)('pattern %s (registry-wide invariants)', (kind) => {
  for (const seed of [1, 42, 1337]) {
    it(`seed ${seed}: ground truth resolves, events sit in the window, members cover the events`, async () => {
      const g = await generate(only(kind, 2, seed))
      const instances = g.tables.patterns
      expect(instances.map((p) => p.kind)).toEqual([kind, kind])
      const ids: Record<string, Set<string>> = {
        person: new Set(g.tables.persons.map((r) => r.id)),
        company: new Set(g.tables.companies.map((r) => r.id)),
        account: new Set(g.tables.accounts.map((r) => r.id)),
      }
      for (const p of instances) {
        const members = g.tables.pattern_members.filter((m) => m.pattern_id === p.id)
        expect(members.length, 'member_count').toBe(Number(p.member_count))
        expect(members.length).toBeGreaterThanOrEqual(2)
        for (const m of members)
          expect(ids[m.entity_type].has(m.entity_id), `${m.entity_type} ${m.entity_id}`).toBe(true)
        const events = labelled(g, p.id)
        expect(events.length, 'event_count').toBe(Number(p.event_count))
        expect(events.length).toBeGreaterThan(0)
        for (const { table, row } of events) {
          const t = row[timeOf[table]]
          expect(t >= p.start && t <= p.end, `${table} ${row.id} at ${t} inside ${p.start}..${p.end}`).toBe(true)
          expect(row.pattern_role, 'every labelled row has a role').not.toBe('')
        }
        const memberIds = new Set(members.map((m) => m.entity_id))
        for (const { table, row } of events) {
          const touched =
            table === 'transactions'
              ? [row.from_account_id, row.to_account_id]
              : table === 'communications'
                ? [row.sender_id, row.recipient_id]
                : table === 'trades'
                  ? [row.person_id, row.account_id]
                  : table === 'documents'
                    ? [row.issuer_id, row.recipient_id]
                    : table === 'access_events'
                      ? [row.account_id]
                      : [row.person_id]
          for (const id of touched.filter((x) => x !== ''))
            expect(memberIds.has(id), `${table} ${row.id} touches ${id}, a member of ${p.id}`).toBe(true)
        }
        expect(
          members.some((m) => p.narrative.includes(m.entity_id)),
          `narrative names a member: ${p.narrative}`,
        ).toBe(true)
        expect(() => JSON.parse(p.params)).not.toThrow()
      }
    })
  }

  it('is deterministic and unaffected by other patterns', async () => {
    const other = kinds.find((k) => k !== kind) as string
    const a = await generate(only(kind, 2, 77, { [other]: 1 }))
    const b = await generate(only(kind, 2, 77, { [other]: 3 }))
    const c = await generate(only(kind, 2, 77, { [other]: 1 }))
    expect(c.hashes).toEqual(a.hashes)
    const mine = (g: Generated) => new Set(g.tables.patterns.filter((p) => p.kind === kind).map((p) => p.id))
    for (const t of [...EVENT_TABLES, 'ownership'] as TableName[]) {
      const pick = (g: Generated) => g.tables[t].filter((r) => mine(g).has(r.pattern_id))
      expect(pick(b), t).toEqual(pick(a))
    }
    expect(b.tables.patterns.filter((p) => p.kind === kind)).toEqual(a.tables.patterns.filter((p) => p.kind === kind))
  })

  it('background rows never carry a label and labelled rows always carry a known pattern id', async () => {
    const g = await generate(only(kind, 1, 5))
    const known = new Set(g.tables.patterns.map((p) => p.id))
    for (const t of Object.keys(tables) as TableName[]) {
      if (!tables[t].labelled) continue
      for (const r of g.tables[t]) if (r.pattern_id !== '') expect(known.has(r.pattern_id), `${t} ${r.id}`).toBe(true)
    }
    expect(
      g.result.injected.transactions +
        g.result.injected.communications +
        g.result.injected.trades +
        g.result.injected.documents +
        g.result.injected.access_events,
    ).toBeGreaterThan(0)
  })

  it('every parameter has a default inside its bounds and help text; defaults validate', () => {
    for (const [key, d] of Object.entries(patternRegistry[kind].params)) {
      expect(d.help.length, `${kind}.${key} help`).toBeGreaterThan(10)
      if (d.type === 'enum') expect(d.options).toContain(d.default)
      else expect(d.default >= d.min && d.default <= d.max, `${kind}.${key} default in bounds`).toBe(true)
    }
    expect(validateConfig({ patterns: { [kind]: { count: 3 } } }).ok).toBe(true)
  })
})
