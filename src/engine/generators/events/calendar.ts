import { holidayRules, lunarNewYear } from '../../reference/holidays.ts'
import { civilFromDays, daysFromCivil } from '../../model/time.ts'
import { hashString, unitHash } from '../../random/hash.ts'

/** Western Easter Sunday of a Gregorian year as a day number (the anonymous Gregorian algorithm). */
export function easterDay(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return daysFromCivil(year, month, day)
}

function monthDay(year: number, md: string): number {
  return daysFromCivil(year, Number(md.slice(0, 2)), Number(md.slice(3, 5)))
}

function holidaysIn(country: string, year: number): Set<number> {
  const days = new Set<number>()
  for (const rule of holidayRules[country] ?? []) {
    const rel = /^(easter|lny)([+-]\d+)$/.exec(rule)
    if (rel === null) days.add(monthDay(year, rule))
    else if (rel[1] === 'easter') days.add(easterDay(year) + Number(rel[2]))
    else if (lunarNewYear[year] !== undefined) days.add(monthDay(year, lunarNewYear[year]) + Number(rel[2]))
  }
  return days
}

const holidayCache = new Map<string, Map<number, Set<number>>>()

/** Per country, the year last asked about as one flag a day (rows come in time order: one array read a row). */
const yearFlags = new Map<string, { first: number; flags: Uint8Array }>()

/** Whether `day` is a public holiday in `country` (holidays.ts). */
export function isHoliday(country: string, day: number): boolean {
  const f = yearFlags.get(country)
  if (f !== undefined) {
    const k = day - f.first
    if (k >= 0 && k < f.flags.length) return f.flags[k] === 1
  }
  const year = civilFromDays(day).year
  const first = daysFromCivil(year, 1, 1)
  const flags = new Uint8Array(daysFromCivil(year + 1, 1, 1) - first)
  // Each day is checked against its own year's holidays: a rule's day that falls in another year never counted.
  for (const d of holidaysOf(country, year)) if (d >= first && d - first < flags.length) flags[d - first] = 1
  yearFlags.set(country, { first, flags })
  return flags[day - first] === 1
}

function holidaysOf(country: string, year: number): Set<number> {
  let byYear = holidayCache.get(country)
  if (byYear === undefined) holidayCache.set(country, (byYear = new Map()))
  let days = byYear.get(year)
  if (days === undefined) byYear.set(year, (days = holidaysIn(country, year)))
  return days
}

/** Spending by weekday (Monday first): building towards Friday, a busy Saturday morning, a quiet Sunday. */
export const WEEKDAY_VOLUME = [0.95, 0.97, 0.99, 1.02, 1.12, 0.8, 0.6]
/** Seasonal level by month: a January lull, a November run-up and the December rise. */
const MONTH_VOLUME = [0.92, 0.95, 0.99, 1, 1.01, 1, 0.98, 0.97, 1, 1.01, 1.06, 1.22]

/** A roughly standard normal from a hash (sum of four uniforms): per-day noise without any running state. */
function hashNormal(a: number, b: number): number {
  let s = 0
  for (let k = 0; k < 4; k++) s += unitHash(a, b, k)
  return (s - 2) * Math.sqrt(3)
}

/**
 * Relative volume of a country's day apart from its weekday: season, pre-Christmas shopping, a dip on public
 * holidays (deepest on Christmas and New Year's Day) and noise: a shared part (weather, news) and a national one.
 */
export function dayVolume(seedKey: number, country: string, day: number): number {
  const { month, day: dom } = civilFromDays(day)
  let v = MONTH_VOLUME[month - 1]
  if (month === 12 && dom >= 10 && dom <= 23) v *= 1.15
  if (isHoliday(country, day)) v *= (month === 12 && dom === 25) || (month === 1 && dom === 1) ? 0.4 : 0.6
  const noise = 0.08 * hashNormal(seedKey ^ 0xca1e, day) + 0.06 * hashNormal(seedKey ^ hashString(country), day)
  return v * Math.exp(noise)
}
