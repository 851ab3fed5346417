import { describe, expect, it } from 'vitest'
import { createClock, DAY, HOUR } from '../../model/time.ts'
import { utcOffsetSeconds } from '../../reference/time-zones.ts'
import { LocalRhythm } from './local-rhythm.ts'

describe('LocalRhythm', () => {
  const clock = createClock('2025-03-03', 14)
  // Office hours only, on each country's own clock; Japan has twice Britain's share.
  const rhythm = new LocalRhythm(
    clock,
    ['GB', 'JP'],
    [1, 2],
    Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0)),
    () => 1,
  )
  const n = 6000
  const rows = Array.from({ length: n }, (_, i) => {
    const t = rhythm.timeline.at((i + 0.5) / n)
    const c = rhythm.countryAt(((i * 7919) % n) / n, t)
    return { t, c }
  })

  it('puts every row in its country’s local office hours', () => {
    for (const { t, c } of rows) {
      const local = t + utcOffsetSeconds(['GB', 'JP'][c])
      const hour = Math.floor((((local % DAY) + DAY) % DAY) / HOUR)
      expect(hour, `row at ${t} for country ${c}`).toBeGreaterThanOrEqual(9)
      expect(hour).toBeLessThan(17)
      expect(rhythm.local(t, c)).toBe(local)
    }
  })

  it('keeps rows in time order and splits them by share', () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i].t).toBeGreaterThanOrEqual(rows[i - 1].t)
    const jp = rows.filter((r) => r.c === 1).length / n
    expect(jp).toBeGreaterThan(0.62)
    expect(jp).toBeLessThan(0.72)
  })
})
