import {
  laneRequests,
  type EncodedRange,
  type LaneTable,
  type Lanes,
  type LegColumns,
  type ValidConfig,
} from '../engine/index.ts'

type Answer = { id: number; range?: EncodedRange; legs?: LegColumns; error?: string }

/**
 * The engine's lanes as dedicated workers nested in the engine worker: each builds the same background population
 * from the config and encodes the ranges it is sent (lane.worker.ts); the engine worker merges and zips. Cancelling
 * terminates the engine worker, and its nested workers with it; `close` ends them after a run.
 */
export function createTabLanes(config: ValidConfig, count: number): Lanes & { close(): void } {
  const workers = Array.from(
    { length: count },
    (_, i) => new Worker(new URL('./lane.worker.ts', import.meta.url), { type: 'module', name: `fincrime-lane-${i}` }),
  )
  const requests = laneRequests<Answer>(count, (lane, m) => workers[lane].postMessage(m))
  // A lane that fails fails the run, rather than leave a range that never comes back.
  for (const w of workers) {
    w.onmessage = (e: MessageEvent<Answer>) => {
      const a = e.data
      if (a.error !== undefined) return requests.fail(new Error(`a generation lane failed: ${a.error}`))
      requests.answer(a.id, a)
    }
    w.onerror = (e) => {
      e.preventDefault()
      requests.fail(new Error(`a generation lane failed: ${e.message || 'it could not start'}`))
    }
    w.postMessage({ kind: 'start', config })
  }
  return {
    count,
    encode: async (table: LaneTable, from: number, to: number, fields?: readonly string[], lane?: number) =>
      (await requests.ask(lane, { kind: 'encode', table, from, to, fields })).range as EncodedRange,
    fillLegs: async (from: number, to: number, lane: number) =>
      (await requests.ask(lane, { kind: 'fill', from, to })).legs as LegColumns,
    close() {
      requests.close()
      for (const w of workers) w.terminate()
    },
  }
}
