import { describe, expect, it } from 'vitest'
import { DAY, HOUR } from '../src/engine/model/time.ts'
import { utcOffsetSeconds } from '../src/engine/reference/time-zones.ts'
import { generate, type Generated } from './helpers/dataset.ts'

/** A background-only dataset big enough for per-country shares (no patterns: the question is what they hide in). */
const config = {
  seed: 7,
  startDate: '2025-01-01',
  durationDays: 365,
  counts: {
    persons: 1500,
    companies: 300,
    accounts: 3000,
    transactions: 40_000,
    communications: 10,
    trades: 10,
    travels: 10,
    documents: 200,
    accessEvents: 10,
  },
  patterns: {},
}

let cached: Promise<Generated> | null = null
const dataset = () => (cached ??= generate(config))

function localHour(timestamp: string, country: string): number {
  const local = Date.parse(timestamp) / 1000 + utcOffsetSeconds(country)
  return Math.floor((((local % DAY) + DAY) % DAY) / HOUR)
}

describe('background realism', () => {
  it('card purchases happen at night (00–06 local) 2–8 % of the time in every country', async () => {
    const g = await dataset()
    const country = new Map(g.tables.accounts.map((a) => [a.id, a.country]))
    const by = new Map<string, { n: number; night: number }>()
    for (const t of g.tables.transactions) {
      if (t.kind !== 'card_purchase') continue
      const c = country.get(t.from_account_id) ?? ''
      const s = by.get(c) ?? { n: 0, night: 0 }
      s.n++
      if (localHour(t.timestamp, c) < 6) s.night++
      by.set(c, s)
    }
    const measured = [...by].filter(([, s]) => s.n >= 500)
    expect(measured.length).toBeGreaterThanOrEqual(8)
    for (const [c, s] of measured) {
      expect(s.night / s.n, `${c}: ${s.night} of ${s.n} at night`).toBeGreaterThan(0.02)
      expect(s.night / s.n, `${c}: ${s.night} of ${s.n} at night`).toBeLessThan(0.08)
    }
  }, 120_000)
})
