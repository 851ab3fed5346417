import { utcOffsetSeconds } from '../../reference/time-zones.ts'
import { civilFromDays, DAY, daysFromCivil, HOUR, weekday } from '../../model/time.ts'
import type { World } from '../../model/world.ts'
import { unitHash } from '../../random/hash.ts'
import { isHoliday } from './calendar.ts'
import { Duty, DUTY_COUNT, LAST_BUSINESS_DAY, Shift, type Obligations } from './obligations.ts'

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
 * An (obligation, month) is placed to count its obligation's occurrences only when the row budget is not yet spent,
 * and once more if its obligation is kept, with no per-occurrence objects and no table of every obligation's months,
 * so any row can find its entry by hour and rank without running through earlier rows.
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
    readonly obligations: Obligations,
    budget: number,
  ) {
    const n = obligations.length
    const months = windowMonths(world).length
    const hours = world.clock.days * 24
    const place = placer(world, obligations)
    // Counted when first asked for: once the budget is spent, no other obligation's months are looked at.
    const occurrences = new Uint8Array(n).fill(UNCOUNTED)
    const count = (o: number): number => {
      if (occurrences[o] === UNCOUNTED) {
        let k = 0
        for (let m = 0; m < months; m++) if (place(o, m) >= 0) k++
        occurrences[o] = k
      }
      return occurrences[o]
    }
    const keep = chooseWithin(obligations, count, budget)
    this.planned = n
    let kept = 0
    for (let o = 0; o < n; o++) kept += keep[o]
    this.kept = kept
    // The kept obligations' hours by month, placed again: at most the row budget of them, where every obligation's
    // months would be 50 bytes an obligation.
    const keptAt = new Int32Array(kept)
    const placed = new Int32Array(kept * months)
    const perHour = new Int32Array(hours + 1)
    for (let o = 0, k = 0; o < n; o++) {
      if (keep[o] === 0) continue
      keptAt[k] = o
      for (let m = 0; m < months; m++) {
        const h = place(o, m)
        placed[k * months + m] = h
        if (h >= 0) perHour[h + 1]++
      }
      k++
    }
    for (let h = 0; h < hours; h++) perHour[h + 1] += perHour[h]
    this.hourStart = perHour
    const total = perHour[hours]
    this.entryObligation = new Int32Array(total)
    this.entryMonth = new Uint8Array(total)
    const fill = perHour.slice(0, hours)
    for (let k = 0; k < kept; k++) {
      for (let m = 0; m < months; m++) {
        const h = placed[k * months + m]
        if (h < 0) continue
        const at = fill[h]++
        this.entryObligation[at] = keptAt[k]
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
/** An occurrence count not worked out yet (a window has at most 121 months). */
const UNCOUNTED = 255

/**
 * Where obligation o falls in window month m: the UTC hour of the window it is booked in, or −1 when that falls
 * outside the window, outside either account's open period, or in a month the obligation skips. Business days are
 * tabulated once per country, so placing is a few array reads per occurrence.
 */
function placer(world: World, obligations: Obligations): (o: number, m: number) => number {
  const months = windowMonths(world)
  const firstDay = world.clock.startDay - MARGIN
  const span = world.clock.days + 2 * MARGIN
  const business = obligations.countries.map((country) => {
    const days = new Uint8Array(span)
    for (let d = 0; d < span; d++) days[d] = weekday(firstDay + d) < 5 && !isHoliday(country, firstDay + d) ? 1 : 0
    return days
  })
  const offsets = obligations.countries.map((country) => utcOffsetSeconds(country))
  const monthStart = months.map((m) => daysFromCivil(m.year, m.month, 1))
  const monthEnd = months.map((m) =>
    m.month === 12 ? daysFromCivil(m.year + 1, 1, 1) : daysFromCivil(m.year, m.month + 1, 1),
  )
  const { start, end } = world.clock
  const { accountFrom, accountTo } = world
  const { payer, payee, day: dueDay, shift, hour, country, share, salt, shares } = obligations
  return (o, m) => {
    const monthShare = shares[share[o]]
    if (monthShare < 1 && unitHash(salt[o], m) >= monthShare) return -1
    const days = business[country[o]]
    const rule = dueDay[o]
    const step = rule === LAST_BUSINESS_DAY || shift[o] === Shift.Earlier ? -1 : shift[o] === Shift.Later ? 1 : 0
    let day = rule === LAST_BUSINESS_DAY ? monthEnd[m] - 1 : monthStart[m] + rule - 1
    for (let k = 0; step !== 0 && k < 7 && days[day - firstDay] === 0; k++) day += step
    const h = Math.floor((day * DAY + hour[o] * HOUR - offsets[country[o]] - start) / HOUR)
    const from = start + h * HOUR
    const to = from + HOUR - 1
    if (from < start || to >= end) return -1
    const a = payer[o]
    if (accountFrom[a] > from || accountTo[a] < to) return -1
    const b = payee[o]
    if (b >= 0 && (accountFrom[b] > from || accountTo[b] < to)) return -1
    return h
  }
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
function chooseWithin(obligations: Obligations, occurrences: (o: number) => number, budget: number): Uint8Array {
  const n = obligations.length
  const duty = obligations.duty
  const keep = new Uint8Array(n)
  let left = budget
  // Once nothing is left, nothing more is taken: every loop stops there.
  const take = (o: number, limit: number): boolean => {
    if (keep[o] === 1) return false
    const k = occurrences(o)
    if (k === 0 || k > limit || k > left) return false
    keep[o] = 1
    left -= k
    return true
  }
  for (let o = 0; o < n && left > 0; o++) {
    const d = duty[o]
    if (d === Duty.Salary || d === Duty.PayrollFunding) take(o, left)
  }
  if (left <= 0) return keep
  const order = byPayeePopularity(obligations)
  const quota = QUOTA.map((q) => Math.floor(q * left))
  for (let i = 0; i < n && left > 0; i++) {
    const o = order[i]
    const d = duty[o]
    if (QUOTA[d] > 0 && take(o, quota[d])) quota[d] -= occurrences(o)
  }
  // The rest in duty order, popular payees' households first within a duty: `order` split by duty, stably.
  const byDuty = new Int32Array(DUTY_COUNT + 1)
  for (let i = 0; i < n; i++) byDuty[duty[i] + 1]++
  for (let d = 0; d < DUTY_COUNT; d++) byDuty[d + 1] += byDuty[d]
  const at = byDuty.slice(0, DUTY_COUNT)
  const sorted = new Int32Array(n)
  for (let i = 0; i < n; i++) sorted[at[duty[order[i]]]++] = order[i]
  for (let i = byDuty[Duty.Income]; i < n && left > 0; i++) take(sorted[i], left)
  return keep
}

/**
 * Obligation indices by household: a household (its checking account; the plan lists its duties together) whose
 * rent or bill payee is the most popular comes first, with all its duties (ties in list order). Keeping whole
 * households keeps a kept rent next to a kept income, and putting the big payees' customers first keeps their
 * in-degree.
 */
function byPayeePopularity(obligations: Obligations): Int32Array {
  const { length: n, duty, payer, payee } = obligations
  const hubbed = (o: number) => payee[o] >= 0 && (duty[o] === Duty.Utility || duty[o] === Duty.Rent)
  let accounts = 0
  for (let o = 0; o < n; o++) if (hubbed(o)) accounts = Math.max(accounts, payee[o] + 1)
  const demand = new Int32Array(accounts)
  for (let o = 0; o < n; o++) if (hubbed(o)) demand[payee[o]]++
  const home = (o: number) => (duty[o] === Duty.Income || duty[o] === Duty.Settlement ? payee[o] : payer[o])
  // Runs of obligations with one home, each scored by its most popular hubbed payee.
  let runs = 0
  for (let o = 0, previous = -2; o < n; o++) {
    if (home(o) !== previous) runs++
    previous = home(o)
  }
  const starts = new Int32Array(runs + 1)
  const scores = new Int32Array(runs)
  let top = 0
  for (let o = 0, r = -1, previous = -2; o < n; o++) {
    if (home(o) !== previous) starts[++r] = o
    previous = home(o)
    if (hubbed(o) && demand[payee[o]] > scores[r]) scores[r] = demand[payee[o]]
    top = Math.max(top, scores[r])
  }
  starts[runs] = n
  // Runs by score, highest first, ties in list order: a counting sort (scores are counts of obligations).
  const firstOfScore = new Int32Array(top + 2)
  for (let r = 0; r < runs; r++) firstOfScore[top - scores[r] + 1]++
  for (let s = 0; s <= top; s++) firstOfScore[s + 1] += firstOfScore[s]
  const sorted = new Int32Array(runs)
  for (let r = 0; r < runs; r++) sorted[firstOfScore[top - scores[r]]++] = r
  const order = new Int32Array(n)
  let k = 0
  for (let i = 0; i < runs; i++) {
    const r = sorted[i]
    for (let o = starts[r]; o < starts[r + 1]; o++) order[k++] = o
  }
  return order
}
