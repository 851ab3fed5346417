import { DAY, HOUR, weekday } from '../model/time.ts'
import { DAY_SHAPE } from '../generators/events/timeline.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Rng } from '../random/rng.ts'
import { weighted } from '../random/sampling.ts'
import type { InjectContext } from './types.ts'
import type { DifficultyKnobs } from '../config/difficulty.ts'
import type { TransactionKind } from '../model/tables/transactions.ts'
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
/** Salaries, rent, bills and invoices: background ones fall on a weekend about one time in sixty. */
export const OFFICE_WEEK: readonly number[] = [1, 1, 1, 1, 1, 0.03, 0.03]

/** Timing spread up to which a pattern's payments keep the even week the plain typologies were drawn on (medium's). */
const EVEN_UP_TO = 2
/** Timing spread from which they keep the background's week in full (hard's). */
const BANKING_FROM = 4

/**
 * The week a pattern's payment of `kind` falls on at the run's timing spread: an even week up to medium (easy and
 * medium bytes as they were), the background's week of that kind (BANKING_WEEK for transfers, wires and cash,
 * OFFICE_WEEK for salaries, rent, bills and invoices) at hard, weekends in between. Measured at hard before this:
 * suspicious transfers fell on a weekend 24 % of the time (background 14 %), a laundering shape's 36 %, so the
 * share of an account's incoming payments at weekends alone found shape intermediaries at AUC 0.86 (background
 * median 0: its inflows are salaries).
 */
export function paymentWeek(knobs: DifficultyKnobs, kind: TransactionKind): readonly number[] {
  if (kind === 'card_purchase' || kind === 'cash_withdrawal') return EVEN_WEEK
  const h = pastMedium(knobs)
  if (h === 0) return EVEN_WEEK
  return blendWeeks(EVEN_WEEK, isOfficeKind(kind) ? OFFICE_WEEK : BANKING_WEEK, h)
}

/**
 * The week of a camouflage payment of `kind` (a pattern account's ordinary life): BANKING_WEEK for every payment
 * up to medium, as before; past it salaries, rent, bills and invoices move on to OFFICE_WEEK, as the background's do.
 */
export function lifeWeek(knobs: DifficultyKnobs, kind: TransactionKind): readonly number[] {
  if (kind === 'card_purchase' || kind === 'cash_withdrawal') return EVEN_WEEK
  const h = isOfficeKind(kind) ? pastMedium(knobs) : 0
  return h === 0 ? BANKING_WEEK : blendWeeks(BANKING_WEEK, OFFICE_WEEK, h)
}

const isOfficeKind = (kind: TransactionKind) =>
  kind === 'salary' || kind === 'rent' || kind === 'bill_payment' || kind === 'invoice_payment'

/** 0 up to medium's timing spread, 1 from hard's, linear between. */
const pastMedium = (knobs: DifficultyKnobs) =>
  Math.min(1, Math.max(0, (knobs.timingSpread - EVEN_UP_TO) / (BANKING_FROM - EVEN_UP_TO)))

const blendWeeks = (from: readonly number[], to: readonly number[], h: number) =>
  from.map((w, d) => w + (to[d] - w) * h)

/**
 * When a pattern's payment of `kind` is made, on the acting account's `country` clock: humanTime in [start, end) on
 * `paymentWeek`. A range under a week (a hop due a few hours after the last one) cannot be reshaped inside itself,
 * so a payment due at a weekend is put off to the Monday as often as the week says background payments are not
 * made at weekends (people and banks settle it on the next business day); never past the window's end. Later hops
 * wait for it: callers read the times back.
 */
export function paymentTime(
  ctx: InjectContext,
  start: number,
  end: number,
  country: string,
  kind: TransactionKind,
): number {
  const week = paymentWeek(ctx.knobs, kind)
  const t = humanTime(ctx.rng, start, end, country, week)
  if (end - start >= 7 * DAY) return t
  return onPaymentDay(ctx, t, country, kind)
}

/**
 * For typologies that drew their payments on BANKING_WEEK at every rung (structuring, fraud rings): up to medium as
 * they were (their bytes kept); past it through paymentTime, so a range under a week, which humanTime cannot
 * reshape, still has its weekend payments put off to the Monday as the background's are. Measured at hard before
 * this: their instances' weekend share of payments stood well above the background's (structuring's slots and a
 * ring's windows are mostly under a week).
 */
export function bankingWeekTime(
  ctx: InjectContext,
  start: number,
  end: number,
  country: string,
  kind: TransactionKind,
): number {
  return keepsHumanHours(ctx.knobs)
    ? paymentTime(ctx, start, end, country, kind)
    : humanTime(ctx.rng, start, end, country, BANKING_WEEK)
}

/**
 * A payment of `kind` due at `t` (on `country`'s clock), put off to the Monday when it falls at a weekend as
 * often as `paymentWeek` says background payments are not made then: a rent or a wage due on a fixed date is
 * settled on the next business day. Never past the window's end; no draw on an even week (easy and medium).
 */
export function onPaymentDay(ctx: InjectContext, t: number, country: string, kind: TransactionKind): number {
  const week = paymentWeek(ctx.knobs, kind)
  if (week === EVEN_WEEK) return t
  const wd = weekday(Math.floor((t + utcOffsetSeconds(country)) / DAY))
  if (wd < 5 || ctx.rng.next() < week[wd]) return t
  const monday = t + (7 - wd) * DAY
  return monday < ctx.clock.end ? monday : t
}

/**
 * Whether a pattern's moments squeezed between others (a sweep between two payments in, a payment hours after a
 * login) keep human hours: from the rung past medium on which payments keep the background's week. Up to medium
 * they stay uniform in their gap, so easy and medium keep their bytes.
 */
export function keepsHumanHours(knobs: DifficultyKnobs): boolean {
  return pastMedium(knobs) > 0
}

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
