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

/** Is daylight-saving time in force at UTC instant t under the rule, for a zone of standard offset `std` seconds? */
function inDst(rule: Rule, t: number, std: number): boolean {
  const { year } = civilFromDays(Math.floor((t + std) / DAY))
  const at = (day: number, localStdHour: number) => day * DAY + localStdHour * HOUR - std
  switch (rule) {
    case 'eu':
      return t >= sunday(year, 3, -1) * DAY + HOUR && t < sunday(year, 10, -1) * DAY + HOUR
    case 'us':
      return t >= at(sunday(year, 3, 2), 2) && t < at(sunday(year, 11, 1), 1)
    case 'au':
      return t < at(sunday(year, 4, 1), 2) || t >= at(sunday(year, 10, 1), 2)
    case 'nz':
      return t < at(sunday(year, 4, 1), 2) || t >= at(sunday(year, 9, -1), 2)
  }
}

/** Seconds to add to a UTC instant for the country's local wall-clock time. */
export function localOffsetSeconds(country: string, t: number): number {
  const std = utcOffsetSeconds(country)
  const rule = RULES[country]
  return rule && inDst(rule, t, std) ? std + HOUR : std
}
