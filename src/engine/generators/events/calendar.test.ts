import { describe, expect, it } from 'vitest'
import { daysFromCivil, formatDate } from '../../model/time.ts'
import { countries } from '../../reference/countries.ts'
import { holidayRules } from '../../reference/holidays.ts'
import { dayVolume, easterDay, isHoliday } from './calendar.ts'

describe('calendar', () => {
  it('computes Western Easter (known dates)', () => {
    expect(formatDate(easterDay(2024))).toBe('2024-03-31')
    expect(formatDate(easterDay(2025))).toBe('2025-04-20')
    expect(formatDate(easterDay(2026))).toBe('2026-04-05')
    expect(formatDate(easterDay(2038))).toBe('2038-04-25')
  })

  it('knows fixed, Easter-relative and lunar holidays per country', () => {
    expect(isHoliday('GB', daysFromCivil(2025, 12, 25))).toBe(true)
    expect(isHoliday('GB', daysFromCivil(2025, 4, 18))).toBe(true) // Good Friday
    expect(isHoliday('DE', daysFromCivil(2025, 6, 9))).toBe(true) // Whit Monday
    expect(isHoliday('CN', daysFromCivil(2025, 1, 29))).toBe(true) // Lunar New Year
    expect(isHoliday('JP', daysFromCivil(2025, 12, 25))).toBe(false)
    expect(isHoliday('US', daysFromCivil(2025, 3, 12))).toBe(false)
  })

  it('has well-formed rules for every country', () => {
    for (const c of countries) {
      const rules = holidayRules[c.code]
      expect(rules, `${c.code} has no holidays`).toBeDefined()
      for (const r of rules) expect(r).toMatch(/^(\d\d-\d\d|easter[+-]\d+|lny[+-]\d+)$/)
    }
  })

  it('dips on Christmas Day, rises before it, and varies from day to day', () => {
    const level = (m: number, d: number) => dayVolume(5, 'GB', daysFromCivil(2025, m, d))
    const december = Array.from({ length: 14 }, (_, i) => level(12, 10 + i))
    const spring = Array.from({ length: 14 }, (_, i) => level(4, 1 + i))
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(december)).toBeGreaterThan(1.15 * mean(spring))
    expect(level(12, 25)).toBeLessThan(0.6 * mean(december))
    expect(new Set(spring.map((x) => x.toFixed(4))).size).toBe(spring.length)
    expect(dayVolume(5, 'GB', 20_000)).toBe(dayVolume(5, 'GB', 20_000))
  })
})
