import { utcOffsetSeconds } from '../../reference/time-zones.ts'
import { civilFromDays, DAY, daysFromCivil, HOUR, weekday } from '../../model/time.ts'
import type { World } from '../../model/world.ts'
import { unitHash } from '../../random/hash.ts'
import { isHoliday } from './calendar.ts'

/**
 * What a standing obligation pays for, in the order a too-small transaction count gives them up (salaries last).
 * PayrollFunding is an employer topping up its payroll provider before the provider pays the staff; Income is what
 * people without an employer live on (a pension, or a freelancer's fee from a regular client); Settlement is a
 * card acquirer paying a merchant its card takings, net of its fee, one of several settlement days a month.
 */
export const Duty = {
  Salary: 0,
  PayrollFunding: 1,
  Income: 2,
  Rent: 3,
  Utility: 4,
  Loan: 5,
  Savings: 6,
  Subscription: 7,
  Investing: 8,
  Settlement: 9,
} as const
export type Duty = (typeof Duty)[keyof typeof Duty]
export const DUTY_COUNT = 10

/** How a due date on a weekend or public holiday moves: salaries come the business day before, debits the day after. */
export const Shift = { None: 0, Earlier: 1, Later: 2 } as const
export type Shift = (typeof Shift)[keyof typeof Shift]

/** Day rule 0: the last business day of the month (payroll). */
export const LAST_BUSINESS_DAY = 0

/**
 * One standing obligation, before it is placed in time: payer and payee accounts (payee −1 for a card subscription,
 * paid to a merchant), the due-day rule in the payer's local calendar, the local booking hour and a base amount in
 * minor units of the payer's currency. `aux` is duty-specific: the person for salaries, the employer for payroll
 * funding, the subscription's slot, 1 for a mortgage (else a loan), 1 for a pension (else a freelance fee) and the
 * merchant company for a settlement.
 */
export type ObligationInput = Omit<
  Obligation,
  'monthShare' | 'monthSalt' | 'raise' | 'raiseFrom' | 'bonus' | 'bonusMonth'
> &
  Partial<Obligation>

/** An obligation with every field set, always in the same order: one object shape, so hot loops stay monomorphic. */
export function obligation(o: ObligationInput): Obligation {
  return {
    duty: o.duty,
    payer: o.payer,
    payee: o.payee,
    day: o.day,
    shift: o.shift,
    hour: o.hour,
    base: o.base,
    aux: o.aux,
    country: o.country,
    monthShare: o.monthShare ?? 1,
    monthSalt: o.monthSalt ?? 0,
    raise: o.raise ?? 1,
    raiseFrom: o.raiseFrom ?? 1e9,
    bonus: o.bonus ?? 0,
    bonusMonth: o.bonusMonth ?? 0,
  }
}

export interface Obligation {
  readonly duty: Duty
  readonly payer: number
  readonly payee: number
  readonly day: number
  readonly shift: Shift
  readonly hour: number
  readonly base: number
  readonly aux: number
  readonly country: string
  /** Due in every month when 1; otherwise in month m when unitHash(monthSalt, m) < monthShare (occasional duties). */
  readonly monthShare: number
  readonly monthSalt: number
  /** Salaries: the yearly raise (a factor) in window month `raiseFrom` and every 12 months after, and a bonus (in base units) in calendar month `bonusMonth`. */
  readonly raise: number
  readonly raiseFrom: number
  readonly bonus: number
  readonly bonusMonth: number
}

/** A window month: its calendar year and month and its 0-based position in the window. */
export interface WindowMonth {
  readonly year: number
  readonly month: number
  readonly index: number
}

export function windowMonths(world: World): WindowMonth[] {
  const { startDay, days } = world.clock
  const first = civilFromDays(startDay)
  const last = civilFromDays(startDay + days - 1)
  const out: WindowMonth[] = []
  for (let y = first.year, m = first.month, i = 0; y < last.year || (y === last.year && m <= last.month); i++) {
    out.push({ year: y, month: m, index: i })
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/**
 * The scheduled half of the transaction table: every kept obligation's occurrences, grouped by the UTC hour they
 * are booked in (a CSR index: `hourStart[h]` … `hourStart[h + 1]` are hour h's entries, ordered by obligation).
 * Each (obligation, month) is placed once, with no per-occurrence objects, so any row can find its entry by hour
 * and rank without running through earlier rows.
 */
export class ScheduleIndex {
  readonly hourStart: Int32Array
  /** Obligation index and window month of each occurrence. */
  readonly entryObligation: Int32Array
  readonly entryMonth: Uint8Array
  /** Obligations kept, and how many were planned before the row budget thinned them out. */
  readonly kept: number
  readonly planned: number

  constructor(
    world: World,
    readonly obligations: readonly Obligation[],
    budget: number,
  ) {
    const months = windowMonths(world).length
    const hours = world.clock.days * 24
    const placed = placeAll(world, obligations)
    const occurrences = new Int32Array(obligations.length)
    for (let o = 0; o < obligations.length; o++) {
      for (let m = 0; m < months; m++) if (placed[o * months + m] >= 0) occurrences[o]++
    }
    const keep = chooseWithin(obligations, occurrences, budget)
    this.planned = obligations.length
    this.kept = keep.reduce((n, k) => n + k, 0)
    const perHour = new Int32Array(hours + 1)
    for (let o = 0; o < obligations.length; o++) {
      for (let m = 0; keep[o] === 1 && m < months; m++)
        if (placed[o * months + m] >= 0) perHour[placed[o * months + m] + 1]++
    }
    for (let h = 0; h < hours; h++) perHour[h + 1] += perHour[h]
    this.hourStart = perHour
    const total = perHour[hours]
    this.entryObligation = new Int32Array(total)
    this.entryMonth = new Uint8Array(total)
    const fill = perHour.slice(0, hours)
    for (let o = 0; o < obligations.length; o++) {
      for (let m = 0; keep[o] === 1 && m < months; m++) {
        const h = placed[o * months + m]
        if (h < 0) continue
        const at = fill[h]++
        this.entryObligation[at] = o
        this.entryMonth[at] = m
      }
    }
  }

  get total(): number {
    return this.hourStart[this.hourStart.length - 1]
  }

  countIn(hour: number): number {
    return this.hourStart[hour + 1] - this.hourStart[hour]
  }
}

/** Days before and after the window that a due date may move through (weekends and runs of holidays). */
const MARGIN = 40

/**
 * The UTC hour of the window each obligation is booked in, per window month (obligation-major), or −1 when that
 * falls outside the window, outside either account's open period, or in a month the obligation skips. Business
 * days are tabulated once per country, so placing is a few array reads per occurrence.
 */
function placeAll(world: World, obligations: readonly Obligation[]): Int32Array {
  const months = windowMonths(world)
  const firstDay = world.clock.startDay - MARGIN
  const span = world.clock.days + 2 * MARGIN
  const business = new Map<string, Uint8Array>()
  const businessOf = (country: string): Uint8Array => {
    let days = business.get(country)
    if (days === undefined) {
      days = new Uint8Array(span)
      for (let d = 0; d < span; d++) days[d] = weekday(firstDay + d) < 5 && !isHoliday(country, firstDay + d) ? 1 : 0
      business.set(country, days)
    }
    return days
  }
  const monthStart = months.map((m) => daysFromCivil(m.year, m.month, 1))
  const monthEnd = months.map((m) =>
    m.month === 12 ? daysFromCivil(m.year + 1, 1, 1) : daysFromCivil(m.year, m.month + 1, 1),
  )
  const { start, end } = world.clock
  const out = new Int32Array(obligations.length * months.length).fill(-1)
  for (let o = 0; o < obligations.length; o++) {
    const ob = obligations[o]
    const days = businessOf(ob.country)
    const offset = utcOffsetSeconds(ob.country)
    const step = ob.day === LAST_BUSINESS_DAY || ob.shift === Shift.Earlier ? -1 : ob.shift === Shift.Later ? 1 : 0
    for (let m = 0; m < months.length; m++) {
      if (ob.monthShare < 1 && unitHash(ob.monthSalt, m) >= ob.monthShare) continue
      let day = ob.day === LAST_BUSINESS_DAY ? monthEnd[m] - 1 : monthStart[m] + ob.day - 1
      for (let k = 0; step !== 0 && k < 7 && days[day - firstDay] === 0; k++) day += step
      const h = Math.floor((day * DAY + ob.hour * HOUR - offset - start) / HOUR)
      const from = start + h * HOUR
      const to = from + HOUR - 1
      if (from < start || to >= end) continue
      if (world.accountFrom[ob.payer] > from || world.accountTo[ob.payer] < to) continue
      if (ob.payee >= 0 && (world.accountFrom[ob.payee] > from || world.accountTo[ob.payee] < to)) continue
      out[o * months.length + m] = h
    }
  }
  return out
}

/**
 * Share of the row budget left after salaries that each other duty may take first (what remains then goes in duty
 * order): a small table still has some rent, bills and savings rather than rent alone.
 */
const QUOTA: readonly number[] = [0, 0, 0.2, 0.24, 0.17, 0.07, 0.08, 0.06, 0.05, 0.13]

/**
 * Which obligations fit a row budget: salaries and payroll funding first (in list order, which is deterministic),
 * then each other duty up to its quota of what is left, then whatever still fits in duty order. Whole obligations
 * are kept or dropped, so a kept one recurs every month. Among bills and rent, the customers of the most popular
 * payees come first (ties in list order): a thinned table keeps the big utilities' and landlords' whole customer bases,
 * so its in-degree hubs survive, rather than a thin spread over every payee.
 */
function chooseWithin(obligations: readonly Obligation[], occurrences: Int32Array, budget: number): Uint8Array {
  const keep = new Uint8Array(obligations.length)
  let left = budget
  const take = (o: number, limit: number): boolean => {
    const n = occurrences[o]
    if (keep[o] === 1 || n === 0 || n > limit || n > left) return false
    keep[o] = 1
    left -= n
    return true
  }
  for (let o = 0; o < obligations.length; o++) {
    const d = obligations[o].duty
    if (d === Duty.Salary || d === Duty.PayrollFunding) take(o, left)
  }
  const order = byPayeePopularity(obligations)
  const quota = QUOTA.map((q) => Math.floor(q * left))
  for (const o of order) {
    const d = obligations[o].duty
    if (QUOTA[d] > 0 && take(o, quota[d])) quota[d] -= occurrences[o]
  }
  for (let d = Duty.Income; d < DUTY_COUNT; d++) {
    for (const o of order) if (obligations[o].duty === d) take(o, left)
  }
  return keep
}

/**
 * Obligation indices by household: a household (its checking account; the plan lists its duties together) whose
 * rent or bill payee is the most popular comes first, with all its duties (ties in list order). Keeping whole
 * households keeps a kept rent next to a kept income, and putting the big payees' customers first keeps their
 * in-degree.
 */
function byPayeePopularity(obligations: readonly Obligation[]): Int32Array {
  const hubbed = (o: Obligation) => o.payee >= 0 && (o.duty === Duty.Utility || o.duty === Duty.Rent)
  const demand = new Map<number, number>()
  for (const o of obligations) if (hubbed(o)) demand.set(o.payee, (demand.get(o.payee) ?? 0) + 1)
  const starts: number[] = []
  const scores: number[] = []
  let previous = -2
  obligations.forEach((o, i) => {
    const home = o.duty === Duty.Income || o.duty === Duty.Settlement ? o.payee : o.payer
    if (home !== previous) {
      starts.push(i)
      scores.push(0)
      previous = home
    }
    if (hubbed(o)) scores[scores.length - 1] = Math.max(scores[scores.length - 1], demand.get(o.payee) ?? 0)
  })
  const runs = starts.map((_, r) => r).sort((x, y) => scores[y] - scores[x] || x - y)
  const order = new Int32Array(obligations.length)
  let k = 0
  for (const r of runs) {
    const end = r + 1 < starts.length ? starts[r + 1] : obligations.length
    for (let i = starts[r]; i < end; i++) order[k++] = i
  }
  return order
}
