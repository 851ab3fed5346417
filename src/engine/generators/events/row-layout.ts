import { HOUR, type SimClock } from '../../model/time.ts'
import { firstAbove } from '../../random/sampling.ts'
import type { ScheduleIndex } from './schedules.ts'
import type { Timeline } from './timeline.ts'

/**
 * Where row i of the transaction table falls: the table is the two streams, scheduled and flow, interleaved hour by
 * hour. Hour h holds its scheduled occurrences (known from the schedule index) and its share of the flow (the rest
 * of the count spread by the activity timeline, rounded on the cumulative so the hours add up exactly). Inside an
 * hour the scheduled rows sit at evenly spread positions and every position gets an instant in order, so rows stay
 * time-ordered and row i is found by one bisection, without any pass over earlier rows.
 */
export class RowLayout {
  /** Cumulative row count at the end of each hour. */
  private readonly rowEnd: Float64Array
  /** The instant of the row last located. */
  t = 0

  constructor(
    private readonly clock: SimClock,
    count: number,
    private readonly schedule: ScheduleIndex,
    flow: Timeline,
  ) {
    const hours = clock.days * 24
    const flowCount = count - schedule.total
    if (flowCount < 0) throw new Error('the schedule index holds more rows than the table')
    this.rowEnd = new Float64Array(hours)
    for (let h = 0; h < hours; h++) {
      const flowEnd = h === hours - 1 ? flowCount : Math.round(flowCount * flow.shareThrough(h))
      this.rowEnd[h] = flowEnd + schedule.hourStart[h + 1]
    }
  }

  /**
   * Locates row `index` (u a uniform draw for its instant within its position): sets `t` and returns the schedule
   * entry the row books, or −1 for a flow row.
   */
  locate(index: number, u: number): number {
    const h = firstAbove(this.rowEnd, index)
    const begin = h > 0 ? this.rowEnd[h - 1] : 0
    const size = this.rowEnd[h] - begin
    const p = index - begin
    this.t = this.clock.start + h * HOUR + Math.min(HOUR - 1, Math.floor(((p + u) / size) * HOUR))
    const s = this.schedule.countIn(h)
    const before = Math.floor((p * s) / size)
    return Math.floor(((p + 1) * s) / size) > before ? this.schedule.hourStart[h] + before : -1
  }
}
