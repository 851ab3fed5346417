import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  defaultLaneCount,
  laneRequests,
  type EncodedRange,
  type LaneTable,
  type Lanes,
  type LegColumns,
  type OutputFormat,
  type ResolvedConfig,
} from '../engine/index.ts'

/** Each lane holds its own copy of the population: leave a core (and memory) to the main thread, and stop at 4. */
// Bundled (dist-cli/) the lane is plain JavaScript beside this file; run from source (tests, bench) it needs tsx.
const laneEntry = import.meta.url.endsWith('.ts')
  ? new URL('./lane-worker-entry.mjs', import.meta.url)
  : new URL('./lane-worker.js', import.meta.url)

export function defaultThreads(): number {
  return defaultLaneCount(availableParallelism(), 4)
}

/**
 * worker_threads that encode background rows of the big event tables (the engine's lanes), so generation uses
 * every core. Each lane builds the same background population from the config; the main thread merges and writes.
 */
export function createLanePool(
  config: ResolvedConfig,
  format: Extract<OutputFormat, 'csv' | 'jsonl'>,
  count: number,
): Lanes & { close(): Promise<void> } {
  const workers = Array.from({ length: count }, () => new Worker(laneEntry, { workerData: { config, format } }))
  const requests = laneRequests<EncodedRange & LegColumns>(count, (lane, m) => workers[lane].postMessage(m))
  let closing = false
  for (const w of workers) {
    // A lane that dies fails the run (exit 1) instead of leaving a promise that never settles.
    w.on('message', (m: EncodedRange & LegColumns & { id: number }) => requests.answer(m.id, m))
    w.on('error', requests.fail)
    w.on('exit', (code) => {
      if (!closing) requests.fail(new Error(`a generation thread stopped (exit code ${code})`))
    })
  }
  return {
    count,
    encode: (table: LaneTable, from: number, to: number, fields?: readonly string[], lane?: number) =>
      requests.ask(lane, { kind: 'encode', table, from, to, fields }),
    fillLegs: (from: number, to: number, lane: number) => requests.ask(lane, { kind: 'fill', from, to }),
    async close() {
      closing = true
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
