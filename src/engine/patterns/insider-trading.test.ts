import { describe, expect, it } from 'vitest'
import type { ParamValues } from '../config/params.ts'
import { exchangeByCode, isOpen, sharePrice } from '../generators/events/trade-row.ts'
import { DAY, MINUTE } from '../model/time.ts'
import { insiderTrading } from './insider-trading.ts'
import { integrityProblems, makeFixture, testCounts, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { SUBTYPES } from './specs/insider-trading.ts'

type Params = ParamValues<typeof insiderTrading.params>
const SEEDS = [1, 42, 1337, 2024]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

/** The announcement the narrative names: a row of the announcements table, released 15–90 minutes after a session closes. */
function announcement(f: Fixture, narrative: string, exchange: string): { earliest: number; latest: number } {
  const id = /ANN-[0-9A-Z]+/.exec(narrative)?.[0]
  const row = f.world.announcements.find((a) => a.id === id)
  if (!row) return { earliest: NaN, latest: NaN }
  const ex = exchangeByCode.get(exchange)!
  let closed = row.timestamp
  while (!isOpen(ex, closed - MINUTE) && row.timestamp - closed < 90 * MINUTE) closed -= MINUTE
  expect(row.timestamp - closed, 'released 15–90 minutes after the close').toBeGreaterThanOrEqual(15 * MINUTE)
  expect(isOpen(ex, closed - MINUTE), 'released 15–90 minutes after the close').toBe(true)
  return { earliest: row.timestamp, latest: row.timestamp }
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
        const ann = announcement(f, out.narrative, trades[0].exchange)
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
          const ann = announcement(f, r.out.narrative, r.trades[0].exchange)
          const d = r.trades.map((t) => ann.latest - t.timestamp).sort((a, b) => a - b)
          const median = d.length % 2 ? d[(d.length - 1) / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2
          expect(median, r.out.narrative).toBeLessThan((daysBefore * DAY) / 2)
          for (const t of r.trades) expect(t.timestamp).toBeGreaterThanOrEqual(ann.latest - daysBefore * DAY)
        }
      }
    })
  }

  it('trades on a real announcement of the issuer: buys before good news, sells before bad, and the price then moves', () => {
    for (const seed of SEEDS) {
      const f = fixture(seed)
      for (let instance = 0; instance < 6; instance++) {
        const { out, trades, company } = run(f, { trades: 8 }, instance)
        const id = /ANN-[0-9A-Z]+/.exec(out.narrative)?.[0]
        const news = f.world.announcements.find((a) => a.id === id)
        expect(news, out.narrative).toBeDefined()
        expect(news!.companyId).toBe(company)
        const side = news!.priceEffectPct > 0 ? 'buy' : 'sell'
        for (const t of trades) {
          expect(t.side).toBe(side)
          expect(t.timestamp).toBeLessThan(news!.timestamp)
        }
        // The first background session after the news trades at the moved price: with the same draw, the price
        // an instant after the release differs from the one an instant before by the stated effect.
        const c = f.world.companies[f.world.companyIndex.get(company)!]
        const before = sharePrice(f.world, c, trades[0].currency, news!.timestamp - 1, 0.5)
        const after = sharePrice(f.world, c, trades[0].currency, news!.timestamp, 0.5)
        expect(after / before - 1).toBeCloseTo(news!.priceEffectPct / 100, 2)
      }
    }
  })

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
