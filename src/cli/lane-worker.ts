import { parentPort, workerData } from 'node:worker_threads'
import { createRangeEncoder, packedBuffers, type LaneTable, type OutputFormat } from '../engine/index.ts'

/** A lane: builds the background once, then encodes the ranges the main thread asks for and transfers the bytes back. */
const { config, format } = workerData as { config: unknown; format: Extract<OutputFormat, 'csv' | 'jsonl'> }
const encoder = createRangeEncoder(config, format)
parentPort?.on('message', (m: { id: number; table: LaneTable; from: number; to: number; fields?: string[] }) => {
  const r = encoder.encode(m.table, m.from, m.to, m.fields)
  const legs = r.legs ? Object.values(r.legs).map((column: { buffer: ArrayBuffer }) => column.buffer) : []
  parentPort?.postMessage({ id: m.id, bytes: r.bytes, times: r.times, ends: r.ends, packed: r.packed, legs: r.legs }, [
    r.bytes.buffer,
    r.times.buffer,
    r.ends.buffer,
    ...packedBuffers(r.packed),
    ...legs,
  ] as ArrayBuffer[])
})
