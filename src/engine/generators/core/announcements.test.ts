import { describe, expect, it } from 'vitest'
import { exchangeByCode, isOpen, sharePrice } from '../events/trade-row.ts'
import { DAY, HOUR, MINUTE } from '../../model/time.ts'
import type { World } from '../../model/world.ts'
import { makeFixture } from '../../../../tests/helpers/pattern-fixture.ts'

const worlds = new Map<number, World>()
/** 500 companies (30 listed) over a year. */
const world = (seed: number) =>
  worlds.get(seed) ?? worlds.set(seed, makeFixture(seed, { companies: 500 }).world).get(seed)!

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}

/** One instant in the middle of each trading day's session of the company's exchange. */
function sessionMids(w: World, exchange: string): number[] {
  const ex = exchangeByCode.get(exchange)!
  const mids: number[] = []
  for (let d = w.clock.startDay; d < w.clock.startDay + w.clock.days; d++)
    for (let h = 0; h < 24; h++) {
      const t = d * DAY + h * HOUR + 30 * MINUTE
      if (isOpen(ex, t) && isOpen(ex, t + 2 * HOUR)) {
        mids.push(t + HOUR)
        break
      }
    }
  return mids
}

describe('announcements', () => {
  for (const seed of [1, 7]) {
    it(`seed ${seed}: every listed company reports quarterly, outside its session, inside the window, with the stated effects`, () => {
      const w = world(seed)
      expect(w.listedCompanies.length).toBeGreaterThanOrEqual(20)
      const ids = new Set(w.announcements.map((a) => a.id))
      expect(ids.size).toBe(w.announcements.length)
      for (let i = 1; i < w.announcements.length; i++)
        expect(w.announcements[i].timestamp).toBeGreaterThanOrEqual(w.announcements[i - 1].timestamp)
      for (const ci of w.listedCompanies) {
        const own = w.announcementsOf[ci]
        const earnings = own.filter((a) => a.kind === 'earnings')
        expect(earnings.length).toBeGreaterThanOrEqual(3)
        expect(earnings.length).toBeLessThanOrEqual(5)
        for (let k = 1; k < earnings.length; k++) {
          const gap = (earnings[k].timestamp - earnings[k - 1].timestamp) / DAY
          expect(gap).toBeGreaterThan(80)
          expect(gap).toBeLessThan(102)
        }
      }
      for (const a of w.announcements) {
        const c = w.companies[w.companyIndex.get(a.companyId)!]
        expect(c.isListed).toBe(true)
        expect(a.ticker).toBe(c.ticker)
        expect(a.id).toMatch(/^ANN-[0-9A-HJKMNP-TV-Z]{10}$/)
        expect(a.timestamp).toBeGreaterThanOrEqual(w.clock.start)
        expect(a.timestamp).toBeLessThan(w.clock.end)
        expect(isOpen(exchangeByCode.get(a.exchange)!, a.timestamp)).toBe(false)
        expect(a.headline).toContain(c.legalName)
        expect(a.direction).toBe(a.priceEffectPct > 0 ? 'positive' : 'negative')
        const size = Math.abs(a.priceEffectPct)
        const [lo, hi] = a.kind === 'earnings' ? [4.5, 25] : a.kind === 'guidance' ? [4.5, 15] : [4.5, 45]
        expect(size).toBeGreaterThanOrEqual(lo)
        expect(size).toBeLessThanOrEqual(hi)
        expect(a.priceEffectPct * 100 - Math.round(a.priceEffectPct * 100)).toBeCloseTo(0, 6)
      }
      const good = w.announcements.filter((a) => a.kind === 'earnings' && a.direction === 'positive').length
      const share = good / w.announcements.filter((a) => a.kind === 'earnings').length
      expect(share).toBeGreaterThan(0.4)
      expect(share).toBeLessThan(0.7)
    })

    it(`seed ${seed}: the price moves across an announcement by far more than on an ordinary day`, () => {
      const w = world(seed)
      const ordinary: number[] = []
      const across: number[] = []
      for (const ci of w.listedCompanies) {
        const c = w.companies[ci]
        const cur = exchangeByCode.get(c.exchange!)!.currency
        const mids = sessionMids(w, c.exchange!)
        for (let k = 1; k < mids.length; k++) {
          const move = Math.abs(sharePrice(w, c, cur, mids[k], 0.5) / sharePrice(w, c, cur, mids[k - 1], 0.5) - 1)
          const news = w.announcementsOf[ci].some((a) => a.timestamp > mids[k - 1] && a.timestamp <= mids[k])
          ;(news ? across : ordinary).push(move)
        }
      }
      const p95 = quantile(ordinary, 0.95)
      const median = quantile(across, 0.5)
      expect(across.length).toBeGreaterThan(80)
      // Measured: ordinary p95 ≈ 3.0 %, median move across an announcement ≈ 7.6 % (it was 0.5 % before the jumps).
      expect(median).toBeGreaterThan(2 * p95)
    })
  }

  it("adding companies keeps every existing company's announcements and ids", () => {
    const a = makeFixture(3, { companies: 200 }).world
    const b = makeFixture(3, { companies: 400 }).world
    const key = (x: World['announcements'][number]) => JSON.stringify(x)
    const inB = new Set(b.announcements.map(key))
    for (const x of a.announcements) expect(inB.has(key(x))).toBe(true)
  })
})
