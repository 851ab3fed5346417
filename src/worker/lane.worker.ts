import { createRangeEncoder, packedBuffers, type LaneTable, type LegColumns } from '../engine/index.ts'

/**
 * A lane in the tab: a dedicated worker nested in the engine worker. It builds the background once from the config
 * it is sent first, then encodes (or fills the legs of) the ranges the engine worker asks for, transferring the
 * bytes back. The same code as the CLI's worker_threads lanes (createRangeEncoder), so the same bytes.
 */
type Ask =
  | { kind: 'start'; config: unknown }
  | { id: number; kind: 'encode'; table: LaneTable; from: number; to: number; fields?: string[] }
  | { id: number; kind: 'fill'; from: number; to: number }

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Ask>) => void) | null
  postMessage(message: unknown, transfer: Transferable[]): void
}
let encoder: ReturnType<typeof createRangeEncoder> | null = null

const buffersOf = (legs: LegColumns | undefined): ArrayBuffer[] =>
  legs ? Object.values(legs).map((column: { buffer: ArrayBuffer }) => column.buffer) : []

function answer(m: Exclude<Ask, { kind: 'start' }>, lane: ReturnType<typeof createRangeEncoder>): void {
  if (m.kind === 'fill') {
    const legs = lane.fillLegs(m.from, m.to)
    scope.postMessage({ id: m.id, legs }, buffersOf(legs))
    return
  }
  const r = lane.encode(m.table, m.from, m.to, m.fields)
  scope.postMessage({ id: m.id, range: r }, [
    r.bytes.buffer as ArrayBuffer,
    r.times.buffer as ArrayBuffer,
    r.ends.buffer as ArrayBuffer,
    ...packedBuffers(r.packed),
    ...buffersOf(r.legs),
  ])
}

scope.onmessage = (e) => {
  const m = e.data
  try {
    if (m.kind === 'start') encoder = createRangeEncoder(m.config, 'csv')
    else if (!encoder) throw new Error('a lane was asked to encode before it was started')
    else answer(m, encoder)
  } catch (error) {
    // The engine worker fails the run with this rather than wait for an answer that never comes.
    const message = error instanceof Error ? error.message : String(error)
    scope.postMessage({ id: 'id' in m ? m.id : -1, error: message }, [])
  }
}
