import { utcOffsetSeconds } from '../../reference/time-zones.ts'
import { civilFromDays, DAY, daysFromCivil, HOUR, weekday } from '../../model/time.ts'
import type { World } from '../../model/world.ts'
import { isHoliday } from './calendar.ts'

/**
 * What a standing obligation pays for, in the order a too-small transaction count gives them up (salaries last).
 * PayrollFunding is an employer topping up its payroll provider before the provider pays the staff.
 */
export const Duty = {
  Salary: 0,
  PayrollFunding: 1,
  Rent: 2,
  Utility: 3,
  Loan: 4,
  Savings: 5,
  Subscription: 6,
  Investing: 7,
} as const
export type Duty = (typeof Duty)[keyof typeof Duty]
export const DUTY_COUNT = 8

/** How a due date on a weekend or public holiday moves: salaries come the business day before, debits the day after. */
export const Shift = { None: 0, Earlier: 1, Later: 2 } as const
export type Shift = (typeof Shift)[keyof typeof Shift]

/** Day rule 0: the last business day of the month (payroll). */
export const LAST_BUSINESS_DAY = 0

/**
 * One standing obligation, before it is placed in time: payer and payee accounts (payee −1 for a card subscription,
 * paid to a merchant), the due-day rule in the payer's local calendar, the local booking hour and a base amount in
 * minor units of the payer's currency. `aux` is duty-specific (the person for salaries, the employer for payroll
 * funding, the merchant rank for subscriptions). `months` limits an obligation to some months (Investing).
 */
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
  /** Whether the obligation falls due in window month m (0-based); every month when absent. */
  readonly inMonth?: (m: number) => boolean
  /** Salaries: the yearly raise (a factor) from window month `raiseFrom` on, and a bonus (in base units) in calendar month `bonusMonth`. */
  readonly raise?: number
  readonly raiseFrom?: number
  readonly bonus?: number
  readonly bonusMonth?: number
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

function businessDay(country: string, day: number): boolean {
  return weekday(day) < 5 && !isHoliday(country, day)
}

/** The local day an obligation falls due in a month, after moving off weekends and holidays. */
export function dueDay(o: Obligation, year: number, month: number): number {
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)
  let day = o.day === LAST_BUSINESS_DAY ? next - 1 : daysFromCivil(year, month, o.day)
  const step = o.day === LAST_BUSINESS_DAY || o.shift === Shift.Earlier ? -1 : o.shift === Shift.Later ? 1 : 0
  for (let k = 0; step !== 0 && k < 7 && !businessDay(o.country, day); k++) day += step
  return day
}

/**
 * The scheduled half of the transaction table: every kept obligation's occurrences, grouped by the UTC hour they
 * are booked in (a CSR index: `hourStart[h]` … `hourStart[h + 1]` are hour h's entries, ordered by obligation).
 * Built in two passes over (obligation × month) with no per-occurrence objects, so any row can find its entry by
 * hour and rank without running through earlier rows.
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
    const months = windowMonths(world)
    const hours = world.clock.days * 24
    const occurrences = new Int32Array(obligations.length)
    for (let o = 0; o < obligations.length; o++) {
      for (const m of months) if (this.hourOf(world, obligations[o], m) >= 0) occurrences[o]++
    }
    const keep = chooseWithin(obligations, occurrences, budget)
    this.planned = obligations.length
    this.kept = keep.reduce((n, k) => n + k, 0)
    const perHour = new Int32Array(hours + 1)
    const each = (visit: (h: number, o: number, m: number) => void) => {
      for (let o = 0; o < obligations.length; o++) {
        if (keep[o] === 0) continue
        for (const m of months) {
          const h = this.hourOf(world, obligations[o], m)
          if (h >= 0) visit(h, o, m.index)
        }
      }
    }
    each((h) => perHour[h + 1]++)
    for (let h = 0; h < hours; h++) perHour[h + 1] += perHour[h]
    this.hourStart = perHour
    const total = perHour[hours]
    this.entryObligation = new Int32Array(total)
    this.entryMonth = new Uint8Array(total)
    const fill = perHour.slice(0, hours)
    each((h, o, m) => {
      const at = fill[h]++
      this.entryObligation[at] = o
      this.entryMonth[at] = m
    })
  }

  get total(): number {
    return this.hourStart[this.hourStart.length - 1]
  }

  countIn(hour: number): number {
    return this.hourStart[hour + 1] - this.hourStart[hour]
  }

  /**
   * UTC hour of the window an obligation is booked in during month m, or −1 when that falls outside the window,
   * outside either account's open period, or in a month the obligation skips.
   */
  private hourOf(world: World, o: Obligation, m: WindowMonth): number {
    if (o.inMonth !== undefined && !o.inMonth(m.index)) return -1
    const local = dueDay(o, m.year, m.month) * DAY + o.hour * HOUR
    const { start, end } = world.clock
    const h = Math.floor((local - utcOffsetSeconds(o.country) - start) / HOUR)
    const from = start + h * HOUR
    const to = from + HOUR - 1
    if (from < start || to >= end) return -1
    if (world.accountFrom[o.payer] > from || world.accountTo[o.payer] < to) return -1
    if (o.payee >= 0 && (world.accountFrom[o.payee] > from || world.accountTo[o.payee] < to)) return -1
    return h
  }
}

/**
 * Share of the row budget left after salaries that each other duty may take first (what remains then goes in duty
 * order): a small table still has some rent, bills and savings rather than rent alone.
 */
const QUOTA: readonly number[] = [0, 0, 0.4, 0.25, 0.08, 0.1, 0.12, 0.05]

/**
 * Which obligations fit a row budget: salaries and payroll funding first (in list order, which is deterministic),
 * then each other duty up to its quota of what is left, then whatever still fits in duty order. Whole obligations
 * are kept or dropped, so a kept one recurs every month.
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
  const quota = QUOTA.map((q) => Math.floor(q * left))
  for (let o = 0; o < obligations.length; o++) {
    const d = obligations[o].duty
    if (QUOTA[d] > 0 && take(o, quota[d])) quota[d] -= occurrences[o]
  }
  for (let d = Duty.Rent; d < DUTY_COUNT; d++) {
    for (let o = 0; o < obligations.length; o++) if (obligations[o].duty === d) take(o, left)
  }
  return keep
}
