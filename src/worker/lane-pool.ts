import type { EncodedRange, LaneTable, Lanes, LegColumns, ValidConfig } from '../engine/index.ts'

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
  const waiting = new Map<number, { resolve(a: Answer): void; reject(e: Error): void }>()
  let failure: Error | null = null
  let nextId = 0
  // A lane that fails fails the run, rather than leave a range that never comes back.
  const fail = (e: Error) => {
    failure ??= e
    for (const p of waiting.values()) p.reject(failure)
    waiting.clear()
  }
  for (const w of workers) {
    w.onmessage = (e: MessageEvent<Answer>) => {
      const a = e.data
      if (a.error !== undefined) return fail(new Error(`a generation lane failed: ${a.error}`))
      waiting.get(a.id)?.resolve(a)
      waiting.delete(a.id)
    }
    w.onerror = (e) => {
      e.preventDefault()
      fail(new Error(`a generation lane failed: ${e.message || 'it could not start'}`))
    }
    w.postMessage({ kind: 'start', config })
  }
  const ask = (lane: number | undefined, message: Record<string, unknown>) => {
    const id = nextId++
    return new Promise<Answer>((resolve, reject) => {
      if (failure) return reject(failure)
      waiting.set(id, { resolve, reject })
      workers[(lane ?? id) % workers.length].postMessage({ ...message, id })
    })
  }
  return {
    count,
    encode: async (table: LaneTable, from: number, to: number, fields?: readonly string[], lane?: number) =>
      (await ask(lane, { kind: 'encode', table, from, to, fields })).range as EncodedRange,
    fillLegs: async (from: number, to: number, lane: number) =>
      (await ask(lane, { kind: 'fill', from, to })).legs as LegColumns,
    close() {
      // A run that ended early leaves ranges nobody waits for: drop them rather than reject them unhandled.
      failure ??= new Error('the lanes were closed')
      waiting.clear()
      for (const w of workers) w.terminate()
    },
  }
}
