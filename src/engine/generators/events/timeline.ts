import { civilFromDays, HOUR, weekday, type SimClock } from '../../model/time.ts'
import { firstAbove } from '../../random/sampling.ts'

/** Relative activity in one hour of the window: the rhythm (time of day, weekday, day of month) of a table. */
export type HourWeight = (hourOfDay: number, weekday: number, dayOfMonth: number, day: number) => number

/**
 * Maps a quantile q ∈ [0, 1) to an instant by inverting the cumulative activity over the window's hours.
 * Row i of n takes q = (i + u) / n, so rows come out in time order with the table's rhythm, and any row can be
 * computed on its own (no running state): the table can be generated in independent index ranges.
 */
export class Timeline {
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(
    readonly clock: SimClock,
    weight: HourWeight,
  ) {
    const hours = clock.days * 24
    this.cumulative = new Float64Array(hours)
    let sum = 0
    for (let d = 0; d < clock.days; d++) {
      const day = clock.startDay + d
      const wd = weekday(day)
      const dom = civilFromDays(day).day
      for (let h = 0; h < 24; h++) {
        sum += Math.max(0, weight(h, wd, dom, day))
        this.cumulative[d * 24 + h] = sum
      }
    }
    this.total = sum
  }

  get isEmpty(): boolean {
    return this.total === 0
  }

  /** Share of the window's activity up to the end of hour h (0-based); hours share evenly when there is none. */
  shareThrough(h: number): number {
    return this.total > 0 ? this.cumulative[h] / this.total : (h + 1) / this.cumulative.length
  }

  /** Instant (whole seconds) at quantile q; non-decreasing in q. */
  at(q: number): number {
    const target = q * this.total
    const c = this.cumulative
    const lo = firstAbove(c, target)
    const before = lo === 0 ? 0 : c[lo - 1]
    const width = c[lo] - before
    const within = width > 0 ? (target - before) / width : 0
    return this.clock.start + lo * HOUR + Math.min(HOUR - 1, Math.floor(within * HOUR))
  }
}

/** Shared daily shape of human activity (UTC, a blend of time zones): quiet at night, peaks midday and evening. */
export const DAY_SHAPE = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.6, 4.4, 4.8, 5, 5.2, 5, 4.8, 4.7, 4.8, 5, 5, 4.6, 4, 3.2, 2.4, 1.6,
]
