import { EngineError } from '../errors.ts'
import type { LegColumns, TransactionStream } from '../generators/events/transaction-legs.ts'
import { LANE_RANGE_ROWS, type Lanes } from './lanes.ts'
import type { LedgerPlan, LowWater, PlannedRange } from './ledger.ts'

type FillingLanes = Lanes & Required<Pick<Lanes, 'fillLegs'>>

export function canFillLegs(lanes: Lanes | undefined): lanes is FillingLanes {
  return typeof lanes?.fillLegs === 'function' && lanes.count > 0
}

/** Legs drawn ahead of the consumer at most (32 bytes a row: 64 MB), so a huge table's pre-pass stays bounded. */
const AHEAD_ROWS = 2_000_000

type Part = { readonly r: PlannedRange; wait: Promise<LegColumns> }

/**
 * The ledger's pre-pass drawn by the lanes, started as soon as the run starts: background rows depend on the seed
 * alone, so the lanes draw their legs (each range by the least busy lane, which keeps the specs and later encodes
 * the same range) while this thread builds the population and injects the patterns, when they would be idle.
 * This thread only adds the legs up in order (planLedgerInLanes), so in the write pass it is free to merge.
 */
export class LegPrefetch {
  private readonly parts: Part[] = []
  private readonly busy: Int32Array
  private next = 0
  private taken = 0

  constructor(
    private readonly lanes: FillingLanes,
    readonly rows: number,
  ) {
    this.busy = new Int32Array(lanes.count)
    this.request()
  }

  private request() {
    const { lanes, busy } = this
    for (;;) {
      let lane = 0
      for (let k = 1; k < lanes.count; k++) if (busy[k] < busy[lane]) lane = k
      if (busy[lane] >= 2 || this.next >= this.rows || this.next - this.taken >= AHEAD_ROWS) return
      const r = { from: this.next, to: (this.next = Math.min(this.rows, this.next + LANE_RANGE_ROWS)), lane }
      busy[lane]++
      const wait = lanes.fillLegs(r.from, r.to, lane).then((cols) => {
        busy[lane]--
        this.request()
        return cols
      })
      // A lane that fails rejects every range it holds: the run fails on the first one it awaits, once.
      wait.catch(() => undefined)
      this.parts.push({ r, wait })
    }
  }

  /** The next range in row order and its legs (null after the last). */
  async take(): Promise<{ r: PlannedRange; cols: LegColumns } | null> {
    const part = this.parts.shift()
    if (!part) return null
    const cols = await part.wait
    this.taken = part.r.to
    this.request()
    return { r: part.r, cols }
  }
}

/** The pre-pass's sum over the prefetched legs, in file order; the plan's ranges say which lane drew each. */
export async function planLedgerInLanes(
  water: LowWater,
  stream: TransactionStream,
  prefetch: LegPrefetch,
  check?: () => void,
): Promise<LedgerPlan> {
  if (prefetch.rows !== stream.count)
    throw new EngineError(`the lanes drew ${prefetch.rows} transaction rows' legs, the table has ${stream.count}`)
  const ranges: PlannedRange[] = []
  for (let part = await prefetch.take(); part; part = await prefetch.take()) {
    check?.()
    water.feed(part.cols, part.r.to - part.r.from)
    ranges.push(part.r)
  }
  return { ...water.finish(stream), ranges }
}
