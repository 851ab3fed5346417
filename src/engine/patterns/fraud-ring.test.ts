import { describe, expect, it } from 'vitest'
import type { ParamValues } from '../config/params.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Account } from '../model/tables/accounts.ts'
import { DAY } from '../model/time.ts'
import { fraudRing } from './fraud-ring.ts'
import { ATTRIBUTES, SUBTYPES, existingMembers } from './specs/fraud-ring.ts'
import { integrityProblems, makeFixture, testCounts, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'

type Params = ParamValues<typeof fraudRing.params>
const SEEDS = [1, 42, 1337, 2024]
const RING_ROLES = ['ring_leader', 'mule', 'synthetic_identity', 'ring_member']
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

function run(f: Fixture, params: Partial<Params>, instance = 0) {
  const { out, ctx } = f.run(fraudRing, params, instance)
  const newPersons = new Map<string, Person>((out.rows.persons ?? []).map((p) => [p.id, p]))
  const person = (id: string): Person => newPersons.get(id) ?? f.world.persons[f.world.personIndex.get(id)!]
  const ring = out.members.filter((m) => RING_ROLES.includes(m.role)).map((m) => m.entityId)
  const txs = out.rows.transactions ?? []
  const logins = out.rows.access_events ?? []
  const accounts = new Map<string, Account>([...f.world.accounts, ...(out.rows.accounts ?? [])].map((a) => [a.id, a]))
  return { out, ctx, ring, person, txs, logins, accounts, problems: integrityProblems(f.world, ctx, out) }
}

/** Which of the chosen attributes two persons share, from the persons rows and the ring's logins. */
function sharedBetween(r: ReturnType<typeof run>, a: string, b: string): string[] {
  const pa = r.person(a)
  const pb = r.person(b)
  const seen = (id: string, key: 'deviceId' | 'ipAddress') =>
    new Set(r.logins.filter((e) => e.personId === id).map((e) => e[key]))
  const overlap = (x: Set<string>, y: Set<string>) => [...x].some((v) => y.has(v))
  return [
    pa.phone === pb.phone && 'phone',
    pa.street === pb.street && pa.city === pb.city && pa.postalCode === pb.postalCode && 'address',
    overlap(seen(a, 'deviceId'), seen(b, 'deviceId')) && 'device',
    overlap(seen(a, 'ipAddress'), seen(b, 'ipAddress')) && 'ip',
  ].filter((x): x is string => x !== false)
}

describe('fraudRing', () => {
  for (const seed of SEEDS) {
    for (const subtype of SUBTYPES) {
      for (const sharedAttributes of ATTRIBUTES) {
        it(`${subtype} sharing ${sharedAttributes}, seed ${seed}: a ring that really shares, opens accounts together and moves money`, () => {
          const f = fixture(seed)
          const r = run(f, { subtype, sharedAttributes, ringSize: 6, transactions: 40, windowDays: 45 })
          expect(r.problems).toEqual([])
          expect(r.out.subtype).toBe(subtype)
          expect(r.ring).toHaveLength(6)
          expect(new Set(r.ring).size).toBe(6)
          expect(r.txs).toHaveLength(40)
          const chosen = sharedAttributes === 'all' ? ['phone', 'address', 'device', 'ip'] : [sharedAttributes]
          for (const [i, a] of r.ring.entries()) {
            for (const b of r.ring.slice(i + 1))
              expect(
                sharedBetween(r, a, b).filter((x) => chosen.includes(x)),
                `${a} and ${b} share ${sharedAttributes}`,
              ).not.toEqual([])
          }
          const fromWorld = r.ring.filter((id) => f.world.personIndex.has(id)).length
          expect(fromWorld).toBe(existingMembers(subtype, sharedAttributes, 6))
          // The ring's new accounts open within two weeks of each other, before any of its activity.
          const opened = (r.out.rows.accounts ?? []).map((a) => a.openedAt)
          expect(opened.length).toBeGreaterThanOrEqual(6)
          expect(Math.max(...opened) - Math.min(...opened)).toBeLessThanOrEqual(14)
          const firstEvent = Math.min(...r.txs.map((t) => t.timestamp), ...r.logins.map((e) => e.timestamp))
          expect(Math.max(...opened) * DAY).toBeLessThan(firstEvent)
          const hub = r.out.members.find((m) => m.role === 'hub')!.entityId
          expect(r.accounts.get(hub)?.ownerId).toBe(r.ring[0])
          expect(r.out.totalMinor).toBeGreaterThan(0)
          expect(r.out.narrative).toContain(hub)
          if (subtype === 'money_mule_network') {
            expect(r.txs.filter((t) => t.fromAccountId === hub || t.toAccountId === hub).length).toBeGreaterThanOrEqual(
              20,
            )
          }
          if (subtype === 'synthetic_identity') {
            expect(fromWorld).toBe(0)
            for (const id of r.ring) {
              const own = (r.out.rows.accounts ?? [])
                .filter((a) => a.ownerId === id)
                .map((a) => a.accountType)
                .sort()
              expect(own).toEqual(['checking', 'credit_card'])
              expect(f.world.clock.startDay + f.world.clock.days - r.person(id).dateOfBirth).toBeLessThan(40 * 366)
            }
          }
          if (subtype === 'bust_out') checkBustOut(r)
        })
      }
    }
  }

  function checkBustOut(r: ReturnType<typeof run>) {
    const burst = r.txs.filter(
      (t) => t.patternRole === 'bust_out_purchase' || t.patternRole === 'bust_out_cash_advance',
    )
    const build = r.txs.filter((t) => t.patternRole === 'credit_building')
    expect(burst.length).toBeGreaterThan(0)
    expect(build.length).toBeGreaterThan(0)
    const sum = (list: typeof burst) => list.reduce((s, t) => s + t.amount, 0)
    expect(sum(burst)).toBeGreaterThan(sum(build))
    expect(Math.min(...burst.map((t) => t.timestamp))).toBeGreaterThan(Math.max(...build.map((t) => t.timestamp)))
    for (const id of new Set(burst.map((t) => t.fromAccountId))) {
      const card = r.accounts.get(id ?? '')!
      expect(card.accountType).toBe('credit_card')
      expect(card.creditLimit).not.toBeNull()
      const drawn = sum(burst.filter((t) => t.fromAccountId === id))
      expect(drawn).toBeLessThanOrEqual(card.creditLimit! + 1)
      expect(drawn).toBeGreaterThan(card.creditLimit! * 0.85)
      // Abandoned: nothing touches the card after its burst.
      const last = Math.min(...burst.filter((t) => t.fromAccountId === id).map((t) => t.timestamp))
      expect(r.txs.filter((t) => t.toAccountId === id && t.timestamp >= last)).toEqual([])
    }
  }

  it('honours ring size, transaction count and window at the extremes', () => {
    const f = fixture(42)
    for (const [ringSize, transactions, windowDays] of [
      [3, 5, 7],
      [30, 500, 180],
      [12, 9, 20],
    ]) {
      for (const subtype of SUBTYPES) {
        const r = run(f, { subtype, ringSize, transactions, windowDays, sharedAttributes: 'all' })
        expect(r.problems).toEqual([])
        expect(r.ring).toHaveLength(ringSize)
        expect(r.txs).toHaveLength(transactions)
        const times = r.txs.map((t) => t.timestamp)
        expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(windowDays * DAY)
        if (subtype === 'money_mule_network') {
          const hub = r.out.members.find((m) => m.role === 'hub')!.entityId
          expect(
            2 * r.txs.filter((t) => t.fromAccountId === hub || t.toAccountId === hub).length,
          ).toBeGreaterThanOrEqual(transactions)
        }
        if (subtype === 'bust_out') checkBustOut(r)
      }
    }
  })

  it('creates identities when the population is too small', () => {
    const f = makeFixture(3, { persons: 4, companies: 2, accounts: 8 })
    const r = run(f, { subtype: 'money_mule_network', sharedAttributes: 'device', ringSize: 8 })
    expect(r.problems).toEqual([])
    expect(r.ring).toHaveLength(8)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(makeFixture(11).run(fraudRing, {}).out)).toBe(
      JSON.stringify(makeFixture(11).run(fraudRing, {}).out),
    )
  })

  it('validate() flags rings larger than the population when members must be real customers', () => {
    const cfg = (persons: number) => ({ ...makeFixture(1).config, counts: testCounts({ persons }) })
    const v = (params: Partial<Params>, persons: number) =>
      fraudRing.validate?.(
        { ringSize: 6, sharedAttributes: 'all', transactions: 40, windowDays: 45, subtype: 'any', ...params },
        cfg(persons),
      ) ?? []
    expect(v({}, 300)).toEqual([])
    expect(v({ ringSize: 20, sharedAttributes: 'device' }, 10)[0]?.path).toBe('patterns.fraudRing.params.ringSize')
    expect(v({ ringSize: 20, sharedAttributes: 'phone' }, 10)).toEqual([])
    expect(v({ ringSize: 20, subtype: 'synthetic_identity', sharedAttributes: 'ip' }, 10)).toEqual([])
    expect(v({ ringSize: 20, subtype: 'bust_out', sharedAttributes: 'all' }, 10)[0]?.message).toMatch(
      /needs 14 persons/,
    )
  })
})
