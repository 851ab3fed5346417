import { civilFromDays, DAY, daysFromCivil, HOUR, weekday } from '../model/time.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'

/**
 * The real local clock of each country's largest population centre (the zones bench/quality/realism.py uses), so
 * the report checks the engine's fixed-offset rhythm against the clock people live by rather than against itself:
 * the standard offset of reference/time-zones.ts plus an hour in daylight-saving time, by the rules in force since
 * 2007–2022 (EU since 1996, US/Canada since 2007, New Zealand since 2007, Sydney since 2008; Mexico, Brazil and
 * Turkey keep standard time all year, as they have since 2022, 2019 and 2016). No Intl: plain calendar arithmetic.
 */

type Rule = 'eu' | 'us' | 'au' | 'nz'
const RULES: Readonly<Record<string, Rule>> = {
  GB: 'eu',
  IE: 'eu',
  DE: 'eu',
  FR: 'eu',
  NL: 'eu',
  CH: 'eu',
  LU: 'eu',
  ES: 'eu',
  IT: 'eu',
  BE: 'eu',
  AT: 'eu',
  SE: 'eu',
  NO: 'eu',
  DK: 'eu',
  PL: 'eu',
  CY: 'eu',
  MT: 'eu',
  US: 'us',
  CA: 'us',
  BM: 'us',
  BS: 'us',
  AU: 'au',
  NZ: 'nz',
}

/** Day number of the n-th Sunday (n ≥ 1) of a month, or the last one with n = -1. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1)
    return first + ((6 - weekday(first) + 7) % 7) + (n - 1) * 7
  }
  const last = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1
  return last - ((weekday(last) - 6 + 7) % 7)
}

/** The UTC instants daylight-saving time starts and ends in a local year (southern rules end before they start). */
function switches(rule: Rule, year: number, std: number): [start: number, end: number] {
  const at = (day: number, localStdHour: number) => day * DAY + localStdHour * HOUR - std
  switch (rule) {
    case 'eu':
      return [sunday(year, 3, -1) * DAY + HOUR, sunday(year, 10, -1) * DAY + HOUR]
    case 'us':
      return [at(sunday(year, 3, 2), 2), at(sunday(year, 11, 1), 1)]
    case 'au':
      return [at(sunday(year, 10, 1), 2), at(sunday(year, 4, 1), 2)]
    case 'nz':
      return [at(sunday(year, 9, -1), 2), at(sunday(year, 4, 1), 2)]
  }
}

/** The stretch of time around t with one offset: [from, to) and that offset. */
function segment(country: string, t: number): { from: number; to: number; offset: number } {
  const std = utcOffsetSeconds(country)
  const rule = RULES[country]
  const { year } = civilFromDays(Math.floor((t + std) / DAY))
  const yearFrom = daysFromCivil(year, 1, 1) * DAY - std
  const yearTo = daysFromCivil(year + 1, 1, 1) * DAY - std
  if (!rule) return { from: yearFrom, to: yearTo, offset: std }
  const [start, end] = switches(rule, year, std)
  const cuts = [yearFrom, Math.min(start, end), Math.max(start, end), yearTo]
  const k = t < cuts[1] ? 0 : t < cuts[2] ? 1 : 2
  // Northern rules are in daylight time between the cuts, southern ones outside them.
  const dst = start < end ? k === 1 : k !== 1
  return { from: cuts[k], to: cuts[k + 1], offset: dst ? std + HOUR : std }
}

/** Seconds to add to a UTC instant for the country's local wall-clock time. */
export function localOffsetSeconds(country: string, t: number): number {
  return segment(country, t).offset
}

/**
 * The same offsets, remembering each country's current stretch: rows come in time order, so almost every call
 * is two comparisons. Countries are numbered by the caller (`codes[i]`).
 */
export function localClock(codes: readonly string[]): (country: number, t: number) => number {
  const from: number[] = []
  const to: number[] = []
  const offset: number[] = []
  return (c, t) => {
    if (!(t >= from[c] && t < to[c])) {
      const s = segment(codes[c], t)
      from[c] = s.from
      to[c] = s.to
      offset[c] = s.offset
    }
    return offset[c]
  }
}
