import type { EngineApi } from './api.ts'

/**
 * How one call crosses the worker boundary: how many arguments the api function takes, which of them are callbacks
 * into the page (progress, a download's block sink: proxied, released after the call), and which result buffers
 * move instead of being copied (toolchain.md §4d).
 */
export interface Crossing<R = unknown> {
  readonly arity: number
  readonly callbackArgs: readonly number[]
  transfer(result: R): ArrayBuffer[]
}

/**
 * The worker's calls, declared once. `engine.worker.ts` exposes exactly these and `client.ts` offers exactly these,
 * both derived from this table and `EngineApi`; a call added to api.ts fails to compile until it is listed here.
 * Holds no engine code, so the page can import it.
 */
export const crossings = {
  describeCatalog: { arity: 0, callbackArgs: [], transfer: () => [] },
  generate: {
    arity: 2,
    callbackArgs: [1],
    transfer: (r) => (r.ok ? Object.values(r.summary.heads).map((h) => h.buffer as ArrayBuffer) : []),
  },
  layoutGraph: { arity: 1, callbackArgs: [], transfer: (l) => (l ? [l.xy.buffer as ArrayBuffer] : []) },
  activity: { arity: 1, callbackArgs: [], transfer: () => [] },
  neighbours: { arity: 2, callbackArgs: [], transfer: () => [] },
  ringThumbs: { arity: 2, callbackArgs: [], transfer: () => [] },
  ringGraph: { arity: 2, callbackArgs: [], transfer: (r) => (r ? [r.layout.xy.buffer as ArrayBuffer] : []) },
  streamDownload: { arity: 4, callbackArgs: [2, 3], transfer: () => [] },
  exportZip: { arity: 2, callbackArgs: [1], transfer: (d) => [d.bytes.buffer as ArrayBuffer] },
  exportJson: { arity: 2, callbackArgs: [1], transfer: (d) => [d.bytes.buffer as ArrayBuffer] },
  exportFormat: { arity: 3, callbackArgs: [2], transfer: (d) => [d.bytes.buffer as ArrayBuffer] },
} satisfies { readonly [K in keyof EngineApi]: Crossing<Awaited<ReturnType<EngineApi[K]>>> }

export type CallName = keyof typeof crossings
