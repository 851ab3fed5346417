import { describe, expect, it } from 'vitest'
import { civilFromDays, daysFromCivil, formatDate, formatTimestamp, parseDate, weekday } from './time.ts'

describe('simulated time', () => {
  it('formats the same as the ISO standard for every day over four centuries', () => {
    for (let d = -25_000; d < 60_000; d += 37)
      expect(formatDate(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10))
  })
  it('formats timestamps as ISO-8601 UTC with Z and whole seconds', () => {
    for (const s of [0, 1_735_689_599, 1_741_079_553, 4_102_444_799])
      expect(formatTimestamp(s)).toBe(new Date(s * 1000).toISOString().replace('.000', ''))
  })
  it('round-trips civil dates and rejects impossible ones', () => {
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 })
    expect(parseDate('2025-02-30')).toBeNull()
    expect(parseDate('2025-13-01')).toBeNull()
    expect(parseDate('25-01-01')).toBeNull()
    expect(parseDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29))
  })
  it('knows weekdays (2025-01-01 was a Wednesday)', () => {
    expect(weekday(daysFromCivil(2025, 1, 1))).toBe(2)
  })
})
