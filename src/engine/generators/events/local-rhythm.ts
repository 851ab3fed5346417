import { utcOffsetSeconds } from '../../reference/time-zones.ts'
import { civilFromDays, DAY, HOUR, weekday, type SimClock } from '../../model/time.ts'
import { Timeline } from './timeline.ts'

/** A country's level on one of its local days, apart from the hour: (country index, day number, weekday, day of month). */
export type DayLevel = (country: number, day: number, weekday: number, dayOfMonth: number) => number

/**
 * The activity of several countries, each following its rhythm on its own clock. The window's UTC hours carry the
 * sum over countries (so a table's rows still come out in time order from one Timeline), and the row's country is
 * then drawn in proportion to each country's share of that hour: Tokyo's customers act in Tokyo's daytime.
 * Everything is a function of the instant, so rows stay independent of each other. A country's weight in a local
 * hour is `hourShape[hour] × dayLevel(...)`, the day level computed once per country and local day.
 */
export class LocalRhythm {
  readonly timeline: Timeline
  /** Per UTC hour of the window, cumulative country weights: hours × countries. */
  private readonly mix: Float64Array
  private readonly offsets: Int32Array
  private readonly countryCount: number

  /** `countries` are codes and `shares` their relative sizes (account counts, say); countries with no share are dropped. */
  constructor(
    readonly clock: SimClock,
    countries: readonly string[],
    shares: readonly number[],
    hourShape: readonly number[],
    dayLevel: DayLevel,
  ) {
    const n = countries.length
    this.countryCount = n
    this.offsets = Int32Array.from(countries, utcOffsetSeconds)
    // Local days run from the day before the window to the day after it (offsets are within ±14 hours).
    const firstDay = clock.startDay - 1
    const spanDays = clock.days + 2
    const levels = new Float64Array(spanDays * n)
    for (let d = 0; d < spanDays; d++) {
      const day = firstDay + d
      const wd = weekday(day)
      const dom = civilFromDays(day).day
      for (let c = 0; c < n; c++) levels[d * n + c] = shares[c] > 0 ? dayLevel(c, day, wd, dom) : 0
    }
    const hours = clock.days * 24
    this.mix = new Float64Array(hours * n)
    const totals = new Float64Array(hours)
    for (let h = 0; h < hours; h++) {
      // The middle of the UTC hour decides the local hour, so half-hour offsets (India) fall on one side.
      const mid = clock.start + h * HOUR + HOUR / 2
      let sum = 0
      for (let c = 0; c < n; c++) {
        const local = mid + this.offsets[c]
        const day = Math.floor(local / DAY)
        const localHour = Math.floor((local - day * DAY) / HOUR)
        const w = hourShape[localHour] * levels[(day - firstDay) * n + c]
        sum += shares[c] > 0 ? shares[c] * Math.max(0, w) : 0
        this.mix[h * n + c] = sum
      }
      totals[h] = sum
    }
    this.timeline = new Timeline(clock, (h, _wd, _dom, day) => totals[(day - clock.startDay) * 24 + h])
  }

  /** Index of the country acting at instant t, for a uniform u in [0, 1). */
  countryAt(u: number, t: number): number {
    const n = this.countryCount
    const h = Math.min(this.clock.days * 24 - 1, Math.max(0, Math.floor((t - this.clock.start) / HOUR)))
    const base = h * n
    const target = u * this.mix[base + n - 1]
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.mix[base + mid] > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** Instant t read on country c's wall clock (seconds, as if that clock were UTC). */
  local(t: number, c: number): number {
    return t + this.offsets[c]
  }
}

/** Items grouped by country code, codes sorted: the countries and pools a LocalRhythm draws from. */
export function groupByCountry(
  items: readonly number[],
  countryOf: (item: number) => string,
): { codes: string[]; pools: number[][] } {
  const by = new Map<string, number[]>()
  for (const i of items) {
    const c = countryOf(i)
    const list = by.get(c)
    if (list) list.push(i)
    else by.set(c, [i])
  }
  const codes = [...by.keys()].sort()
  return { codes, pools: codes.map((c) => by.get(c) ?? []) }
}
