import { legColumns, type LegColumns, type TransactionStream } from '../generators/events/transaction-legs.ts'
import { LANE_RANGE_ROWS, LOCAL_RANGE_ROWS, type Lanes } from './lanes.ts'
import type { LedgerPlan, LowWater, PlannedRange } from './ledger.ts'

type FillingLanes = Lanes & Required<Pick<Lanes, 'fillLegs'>>

export function canFillLegs(lanes: Lanes | undefined): lanes is FillingLanes {
  return typeof lanes?.fillLegs === 'function'
}

type Part = { readonly r: PlannedRange; cols: LegColumns | null; wait: Promise<LegColumns> | null }

/**
 * The ledger's pre-pass spread over the lanes: each range of rows is drawn lean by the least busy lane, which keeps
 * the specs so that encoding the same range later only adds the text (one draw a row in all, as on one thread). With
 * `idle`, this thread draws short ranges of its own while the next one in order is not back yet, and encodes them
 * later too. The legs are fed to `water` in file order. The plan's ranges say who drew what, for the writer.
 */
export async function planLedgerInLanes(
  water: LowWater,
  stream: TransactionStream,
  lanes: FillingLanes,
  idle?: () => Promise<void>,
): Promise<LedgerPlan> {
  const parts: Part[] = []
  const busy = new Int32Array(lanes.count)
  let next = 0
  const request = () => {
    for (;;) {
      let lane = 0
      for (let k = 1; k < lanes.count; k++) if (busy[k] < busy[lane]) lane = k
      if (busy[lane] >= 2 || next >= stream.count) return
      const r = { from: next, to: (next = Math.min(stream.count, next + LANE_RANGE_ROWS)), lane }
      const part: Part = { r, cols: null, wait: null }
      busy[lane]++
      part.wait = lanes.fillLegs(r.from, r.to, lane).then((cols) => {
        part.cols = cols
        busy[lane]--
        return cols
      })
      // A lane that fails rejects every range it holds: the run fails on the first one it awaits, once.
      part.wait.catch(() => undefined)
      parts.push(part)
    }
  }
  const ranges: PlannedRange[] = []
  request()
  while (parts.length > 0) {
    const head = parts[0]
    while (idle && !head.cols && next < stream.count) {
      const r = { from: next, to: (next = Math.min(stream.count, next + LOCAL_RANGE_ROWS)), lane: -1 }
      const cols = legColumns(r.to - r.from)
      stream.fill(r.from, r.to, cols, true)
      parts.push({ r, cols, wait: null })
      await idle()
    }
    const cols = head.cols ?? (await (head.wait as Promise<LegColumns>))
    parts.shift()
    request()
    water.feed(cols, head.r.to - head.r.from)
    ranges.push(head.r)
  }
  return { ...water.finish(stream), ranges }
}
