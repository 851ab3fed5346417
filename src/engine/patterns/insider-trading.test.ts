import { describe, expect, it } from 'vitest'
import type { ParamValues } from '../config/params.ts'
import { exchangeByCode, isOpen } from '../generators/events/trade-row.ts'
import { DAY, MINUTE, parseDate } from '../model/time.ts'
import { insiderTrading } from './insider-trading.ts'
import { integrityProblems, makeFixture, testCounts, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { SUBTYPES } from './specs/insider-trading.ts'

type Params = ParamValues<typeof insiderTrading.params>
const SEEDS = [1, 42, 1337, 2024]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

/** The announcement follows the close of the session on the narrative's date by 15–90 minutes. */
function announcement(narrative: string, exchange: string): { earliest: number; latest: number } {
  const date = /(\d{4}-\d{2}-\d{2}) [a-z ]+ announcement/.exec(narrative)?.[1] ?? ''
  const day = parseDate(date) ?? NaN
  const ex = exchangeByCode.get(exchange)!
  let close = NaN
  for (let m = 1439; m >= 0 && Number.isNaN(close); m--) {
    const t = day * DAY + m * MINUTE
    if (isOpen(ex, t) && !isOpen(ex, t + MINUTE)) close = t + MINUTE
  }
  return { earliest: close + 15 * MINUTE, latest: close + 90 * MINUTE }
}

function run(f: Fixture, params: Partial<Params>, instance = 0) {
  const { out, ctx } = f.run(insiderTrading, params, instance)
  const trades = out.rows.trades ?? []
  const comms = out.rows.communications ?? []
  const company = out.members.find((m) => m.role === 'issuer')!.entityId
  const ownership = [...f.world.ownership, ...(out.rows.ownership ?? [])]
  const isInsider = (person: string) =>
    ownership.some(
      (o) => o.companyId === company && o.ownerId === person && (o.role === 'officer' || o.role === 'director'),
    )
  return { out, ctx, trades, comms, company, isInsider, problems: integrityProblems(f.world, ctx, out) }
}

describe('insiderTrading', () => {
  for (const seed of SEEDS) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}, seed ${seed}: linked traders trade one way, in session, before the announcement and clustered towards it`, () => {
        const f = fixture(seed)
        const params = { subtype, insiders: 3, trades: 12, daysBefore: 10 }
        const { out, trades, comms, company, isInsider, problems } = run(f, params)
        expect(problems).toEqual([])
        expect(out.subtype).toBe(subtype)
        expect(trades).toHaveLength(12)
        const traders = [...new Set(trades.map((t) => t.personId))]
        expect(traders).toHaveLength(subtype === 'pre_announcement' ? 2 : 3)
        expect(new Set(trades.map((t) => t.side)).size).toBe(1)
        expect(new Set(trades.map((t) => t.companyId))).toEqual(new Set([company]))
        const ann = announcement(out.narrative, trades[0].exchange)
        expect(Number.isFinite(ann.earliest), out.narrative).toBe(true)
        for (const t of trades) {
          expect(isOpen(exchangeByCode.get(t.exchange)!, t.timestamp)).toBe(true)
          expect(t.timestamp).toBeLessThan(ann.earliest)
          expect(t.timestamp).toBeGreaterThanOrEqual(ann.latest - 10 * DAY)
        }
        const distances = trades.map((t) => ann.latest - t.timestamp).sort((a, b) => a - b)
        const median = (distances[5] + distances[6]) / 2
        expect(median).toBeLessThan(5 * DAY)
        // Talk precedes trading; every trader is an officer or director of the issuer, or was tipped before trading.
        const first = trades[0].timestamp
        for (const c of comms) expect(c.timestamp).toBeLessThan(first)
        if (subtype === 'tipping' || subtype === 'coordinated') expect(comms.length).toBeGreaterThan(0)
        for (const person of traders) {
          const own = trades.filter((t) => t.personId === person)[0].timestamp
          const tipped = comms.some((c) => c.recipientId === person && c.timestamp < own && c.patternRole === 'tip')
          expect(isInsider(person) || tipped, `trader ${person} is linked to ${company}`).toBe(true)
        }
        const tipper = out.members.find((m) => m.role === 'tipper')
        if (subtype === 'tipping') {
          expect(tipper && isInsider(tipper.entityId)).toBe(true)
          expect(traders).not.toContain(tipper?.entityId)
        } else expect(tipper).toBeUndefined()
        if (subtype === 'executive') {
          for (const person of traders) expect(isInsider(person)).toBe(true)
        }
        if (subtype === 'coordinated') {
          const firsts = traders.map((p) => trades.find((t) => t.personId === p)!.timestamp)
          expect(Math.max(...firsts) - Math.min(...firsts)).toBeLessThan(DAY)
        }
        expect(out.totalMinor).toBe(trades.reduce((s, t) => s + t.value, 0))
        expect(out.currency).toBe(trades[0].currency)
        expect(out.narrative).toContain(trades[0].ticker)
      })
    }

    it(`seed ${seed}: direction, trade count and window length are honoured; clustering holds for one trade too`, () => {
      const f = fixture(seed)
      for (const [direction, trades, daysBefore, insiders] of [
        ['buy', 1, 1, 1],
        ['sell', 40, 30, 5],
        ['buy', 7, 60, 2],
        ['sell', 2, 3, 2],
      ] as const) {
        for (const subtype of ['pre_announcement', 'executive', 'tipping', 'coordinated'] as const) {
          if (subtype === 'coordinated' && insiders < 2) continue
          const r = run(f, { direction, trades, daysBefore, insiders, subtype }, trades)
          expect(r.problems).toEqual([])
          expect(r.trades).toHaveLength(trades)
          expect(r.trades.every((t) => t.side === direction)).toBe(true)
          const ann = announcement(r.out.narrative, r.trades[0].exchange)
          const d = r.trades.map((t) => ann.latest - t.timestamp).sort((a, b) => a - b)
          const median = d.length % 2 ? d[(d.length - 1) / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2
          expect(median, r.out.narrative).toBeLessThan((daysBefore * DAY) / 2)
          for (const t of r.trades) expect(t.timestamp).toBeGreaterThanOrEqual(ann.latest - daysBefore * DAY)
        }
      }
    })
  }

  it('opens an investment account for an insider who has none, and finds people in a population without relatives', () => {
    const f = makeFixture(5, { persons: 40, companies: 10, accounts: 51 })
    const { out, problems, trades } = run(f, { subtype: 'tipping', insiders: 6, trades: 12 })
    expect(problems).toEqual([])
    expect((out.rows.accounts ?? []).every((a) => a.accountType === 'investment')).toBe(true)
    expect((out.rows.accounts ?? []).length).toBeGreaterThan(0)
    for (const a of out.rows.accounts ?? []) expect(a.openedAt * DAY).toBeLessThan(trades[0].timestamp)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(makeFixture(9).run(insiderTrading, {}).out)).toBe(
      JSON.stringify(makeFixture(9).run(insiderTrading, {}).out),
    )
  })

  it('validate() explains impossible settings', () => {
    const cfg = (over = {}, durationDays = 365) => ({
      ...makeFixture(1).config,
      durationDays,
      counts: testCounts(over),
    })
    const v = (params: Partial<Params>, c = cfg()) =>
      insiderTrading.validate?.(
        { insiders: 3, trades: 10, daysBefore: 10, direction: 'any', subtype: 'any', ...params },
        c,
      ) ?? []
    expect(v({})).toEqual([])
    expect(v({}, cfg({ companies: 0 }))[0]?.path).toBe('patterns.insiderTrading.count')
    expect(
      v({}, cfg({ accounts: 360 }))
        .map((i) => i.message)
        .join(),
    ).toMatch(/investment accounts/)
    expect(v({ insiders: 20 }, cfg({ persons: 10, accounts: 200 }))[0]?.path).toBe(
      'patterns.insiderTrading.params.insiders',
    )
    expect(v({ subtype: 'coordinated', insiders: 1 })[0]?.path).toBe('patterns.insiderTrading.params.insiders')
    expect(v({ trades: 2, insiders: 5 })[0]?.path).toBe('patterns.insiderTrading.params.trades')
    expect(v({ daysBefore: 30 }, cfg({}, 30))[0]?.path).toBe('patterns.insiderTrading.params.daysBefore')
  })
})
