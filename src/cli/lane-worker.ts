import { parentPort, workerData } from 'node:worker_threads'
import {
  createRangeEncoder,
  packedBuffers,
  type LaneTable,
  type LegColumns,
  type OutputFormat,
} from '../engine/index.ts'

/** A lane: builds the background once, then encodes the ranges the main thread asks for and transfers the bytes back. */
const { config, format } = workerData as { config: unknown; format: Extract<OutputFormat, 'csv' | 'jsonl'> }
const encoder = createRangeEncoder(config, format)
type Ask =
  | { id: number; kind: 'encode'; table: LaneTable; from: number; to: number; fields?: string[] }
  | { id: number; kind: 'fill'; from: number; to: number }

const buffersOf = (legs: LegColumns | undefined) =>
  legs ? Object.values(legs).map((column: { buffer: ArrayBuffer }) => column.buffer) : []

parentPort?.on('message', (m: Ask) => {
  if (m.kind === 'fill') {
    const legs = encoder.fillLegs(m.from, m.to)
    parentPort?.postMessage({ id: m.id, ...legs }, buffersOf(legs) as ArrayBuffer[])
    return
  }
  const r = encoder.encode(m.table, m.from, m.to, m.fields)
  parentPort?.postMessage({ id: m.id, bytes: r.bytes, times: r.times, ends: r.ends, packed: r.packed, legs: r.legs }, [
    r.bytes.buffer,
    r.times.buffer,
    r.ends.buffer,
    ...packedBuffers(r.packed),
    ...buffersOf(r.legs),
  ] as ArrayBuffer[])
})
