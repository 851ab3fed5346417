import * as Comlink from 'comlink'
import type {
  Activity,
  Download,
  GenerateResponse,
  GraphLayout,
  Neighbourhood,
  RingGraph,
  RingThumb,
  RunSummary,
  Written,
} from './api.ts'
import type { WorkerApi } from './engine.worker.ts'
import { crossings, type CallName } from './surface.ts'

export type {
  Activity,
  Download,
  GenerateResponse,
  GraphLayout,
  Neighbourhood,
  RingGraph,
  RingThumb,
  RunSummary,
  Written,
}

interface Pending {
  readonly reject: (reason: unknown) => void
}

/** Cancellation is not a failure: callers show "Cancelled" for this, not an error. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
}

function abortError(): DOMException {
  return new DOMException('Cancelled', 'AbortError')
}

/**
 * The page's only door to the engine. A busy worker cannot read a "stop" message until its loop yields, so
 * cancelling terminates it and starts a fresh one (squoosh's WorkerBridge); every call still waiting on the old
 * worker is rejected as cancelled. The worker starts on first use (or `startEngine`), so importing this module
 * costs nothing.
 */
function createEngineClient() {
  let worker: Worker | null = null
  let remote: Comlink.Remote<WorkerApi> | null = null
  let pending = new Set<Pending>()

  function connect(): Comlink.Remote<WorkerApi> {
    if (remote) return remote
    const created = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'fincrime-engine',
    })
    created.addEventListener('error', (event) => {
      event.preventDefault()
      failAll(new Error(`The engine worker failed: ${event.message || 'it could not start'}`))
      restart(false) // a worker that cannot start would fail again at once; the next call retries
    })
    worker = created
    remote = Comlink.wrap<WorkerApi>(created)
    return remote
  }

  function failAll(reason: unknown): void {
    const waiting = pending
    pending = new Set()
    for (const p of waiting) p.reject(reason)
  }

  /** After a cancel the replacement starts loading at once, so the next run does not also pay for start-up. */
  function restart(eager: boolean): void {
    worker?.terminate()
    worker = null
    remote = null
    if (eager) connect()
  }

  function call<T>(run: (api: Comlink.Remote<WorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError())
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { reject }
      const onAbort = () => {
        failAll(abortError())
        restart(true)
      }
      pending.add(entry)
      signal?.addEventListener('abort', onAbort, { once: true })
      run(connect())
        .then(resolve, reject)
        .finally(() => {
          pending.delete(entry)
          signal?.removeEventListener('abort', onAbort)
        })
    })
  }

  /** The page's side of call `name`: its callbacks proxied, an optional AbortSignal after the api's arguments. */
  function offered(name: CallName) {
    const { arity, callbackArgs } = crossings[name]
    return (...args: unknown[]) => {
      const signal = args[arity] as AbortSignal | undefined
      const sent = args.slice(0, arity)
      for (const at of callbackArgs)
        if (typeof sent[at] === 'function') sent[at] = Comlink.proxy(sent[at] as (...a: unknown[]) => unknown)
      return call((api) => (api[name] as unknown as (...a: unknown[]) => Promise<unknown>)(...sent), signal)
    }
  }

  const client = Object.fromEntries(
    (Object.keys(crossings) as CallName[]).map((name) => [name, offered(name)]),
  ) as EngineClient
  return { client, start: () => void connect() }
}

/** Every worker call as the page makes it: the api's own arguments, then an optional AbortSignal that cancels it. */
type Offered<F> = F extends (...args: infer P) => infer R
  ? (...args: [...P, signal?: AbortSignal]) => Promise<Awaited<R>>
  : never

export type EngineClient = { readonly [K in CallName]: Offered<WorkerApi[K]> }

const created = createEngineClient()

export const engine: EngineClient = created.client

/**
 * Starts the worker now rather than on the first call, so the first run does not also pay for loading the engine
 * (the page builds its settings form without the worker, so nothing else would start it early).
 */
export const startEngine: () => void = created.start

export { downloadFile, fileStem } from './file-names.ts'
