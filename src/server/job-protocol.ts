import type { OutputFormat, Progress, ValidConfig } from '../engine/index.ts'

/** What a job thread is started with. */
export interface JobInput {
  readonly config: ValidConfig
  readonly format: OutputFormat
}

/** Job thread → server, in order. Chunks are transferred, not copied. */
export type JobMessage =
  | { readonly t: 'open'; readonly file: number; readonly name: string }
  | { readonly t: 'chunk'; readonly file: number; readonly bytes: Uint8Array }
  | { readonly t: 'close'; readonly file: number }
  | { readonly t: 'progress'; readonly progress: Progress }
  | { readonly t: 'done'; readonly rows: number; readonly injected: Record<string, number> }
  | { readonly t: 'error'; readonly name: string; readonly message: string }

/** Chunks a job thread may have in flight before it waits for the server to pass them on (backpressure). */
export const CHUNKS_IN_FLIGHT = 8
