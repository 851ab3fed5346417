/** Bounded concurrency: `size` jobs run at once, at most `queue` wait; beyond that `acquire` returns null (refuse). */
export interface Slots {
  acquire(signal: AbortSignal): Promise<(() => void) | null> | null
  readonly running: number
  readonly queued: number
}

export function createSlots(size: number, queue: number): Slots {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    running--
    const next = waiting.shift()
    if (next) next()
  }
  return {
    acquire(signal) {
      if (running < size) {
        running++
        return Promise.resolve(release)
      }
      if (waiting.length >= queue) return null
      return new Promise((resolve) => {
        const start = () => {
          signal.removeEventListener('abort', cancel)
          running++
          resolve(release)
        }
        // A client that leaves while queued gives its place up.
        const cancel = () => {
          const i = waiting.indexOf(start)
          if (i >= 0) waiting.splice(i, 1)
          resolve(null)
        }
        waiting.push(start)
        signal.addEventListener('abort', cancel, { once: true })
      })
    },
    get running() {
      return running
    },
    get queued() {
      return waiting.length
    },
  }
}
