import { DAY, HOUR, weekday } from '../model/time.ts'
import { DAY_SHAPE } from '../generators/events/timeline.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Rng } from '../random/rng.ts'
import { weighted } from '../random/sampling.ts'
import type { InjectContext } from './types.ts'
import { newPerson } from './select.ts'
import type { Country } from '../reference/countries.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'

/** Pattern events take their hour of day from the same daily shape as background events, so the clock alone cannot find them. */
const HOURS = weighted(
  Array.from({ length: 24 }, (_, h) => h),
  DAY_SHAPE,
)

/**
 * Relative chance of each weekday (Monday first) for a pattern's payments: banks move money on business days, so
 * background transfers, wires and cash deposits fall on a weekend about one time in ten (not the two in seven of
 * an even week); the share of an account's payments at weekends would otherwise find pattern accounts.
 */
export const BANKING_WEEK: readonly number[] = [1, 1, 1, 1, 1, 0.4, 0.25]
/** An even week: spending and logins, which go on at weekends. */
export const EVEN_WEEK: readonly number[] = [1, 1, 1, 1, 1, 1, 1]

/**
 * An instant in [start, end) whose hour of day follows the background rhythm and whose weekday follows `week`
 * (an even week unless told) when the range spans a week or more; uniform when the range is too short to reshape. With `country`, the hour and day
 * are on that country's clock, as background events are (pass the acting account's country): without it they are
 * read in UTC, which puts Asia-Pacific actors at their night.
 */
export function humanTime(
  rng: Rng,
  start: number,
  end: number,
  country?: string,
  week: readonly number[] = EVEN_WEEK,
): number {
  const span = Math.max(1, end - start)
  const offset = country === undefined ? 0 : utcOffsetSeconds(country)
  // A range under a week is a moment the caller chose (a sweep after a payment): only its hours are reshaped.
  const weekly = week !== EVEN_WEEK && span >= 7 * DAY
  for (let tries = 0, most = weekly ? 12 : 6; tries < most; tries++) {
    const day = Math.floor((start + offset + Math.floor(rng.next() * span)) / DAY)
    if (weekly && rng.next() >= week[weekday(day)]) continue
    const t = day * DAY + HOURS.sample(rng) * HOUR + rng.below(HOUR) - offset
    if (t >= start && t < end) return t
  }
  return start + Math.floor(rng.next() * span)
}

/** Accounts open at 18 at the earliest (as in generateAccount); the same bound says who may act in an event. */
export function adultFromDay(p: Person): number {
  return p.dateOfBirth + 18 * 366
}

export function isAdultOn(p: Person, day: number): boolean {
  return adultFromDay(p) <= day
}

/**
 * A new person (accomplice, mule, synthetic identity) who is an adult well before `day`, even in a window of
 * several years: generatePerson measures age at the window's end.
 */
export function newAdult(ctx: InjectContext, label: string, day: number, country?: Country, maxAge = 60): Person {
  const endDay = ctx.clock.startDay + ctx.clock.days
  const minAge = 20 + Math.ceil(Math.max(0, endDay - day + 400) / 365)
  return newPerson(ctx, label, {
    country,
    minAge: Math.min(minAge, 90),
    maxAge: Math.max(Math.min(minAge, 90) + 5, maxAge),
  })
}
