import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  laneRequests,
  type EncodedRange,
  type LaneTable,
  type Lanes,
  type LegColumns,
  type OutputFormat,
  type ResolvedConfig,
} from '../engine/index.ts'

// Bundled (dist-cli/) the lane is plain JavaScript beside this file; run from source (tests, bench) it needs tsx.
const laneEntry = import.meta.url.endsWith('.ts')
  ? new URL('./lane-worker-entry.mjs', import.meta.url)
  : new URL('./lane-worker.js', import.meta.url)

/**
 * The fewest lanes a run gets by default; with fewer spare cores it runs on one thread. A single lane encodes every
 * range it drew while the main thread only merges, so it does a whole run's work plus a second population: on two
 * cores, median wall 3.1 s with no lane against 4.1 s with one at 1M transactions, and 19.4 s against 23.8 s (two
 * lanes 23.4 s) at 2M. (The tab keeps its single lane: its engine worker also zips and builds the graph.)
 */
export const MIN_DEFAULT_LANES = 2

/**
 * Lanes a run gets by default on a machine with `cores` cores: one fewer than the cores (the main thread merges on
 * the last one), at most 4 (each lane holds its own copy of the population), or none.
 */
export function defaultLaneCount(cores: number): number {
  const spare = Math.max(0, Math.min(Math.floor(cores) - 1, 4))
  return spare >= MIN_DEFAULT_LANES ? spare : 0
}

export function defaultThreads(): number {
  return defaultLaneCount(availableParallelism())
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
