/**
 * What both hosts' lane pools (worker_threads in the CLI, Web Workers in the tab) keep of their requests: an id
 * each, the lane it goes to (`lane`, or spread by id), and every waiting request failed at once when a lane fails,
 * so no promise is left that never settles.
 */
export function laneRequests<A>(count: number, post: (lane: number, message: Record<string, unknown>) => void) {
  const waiting = new Map<number, { resolve(a: A): void; reject(e: Error): void }>()
  let failure: Error | null = null
  let nextId = 0
  return {
    ask(lane: number | undefined, message: Record<string, unknown>): Promise<A> {
      const id = nextId++
      return new Promise<A>((resolve, reject) => {
        if (failure) return reject(failure)
        waiting.set(id, { resolve, reject })
        post((lane ?? id) % count, { ...message, id })
      })
    },
    answer(id: number, a: A): void {
      waiting.get(id)?.resolve(a)
      waiting.delete(id)
    },
    fail(e: Error): void {
      failure ??= e
      for (const p of waiting.values()) p.reject(failure)
      waiting.clear()
    },
    /** After a run: what nobody waits for any more is dropped (not rejected unhandled), and no request is taken. */
    close(): void {
      failure ??= new Error('the lanes were closed')
      waiting.clear()
    },
  }
}
