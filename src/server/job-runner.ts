import { Worker } from 'node:worker_threads'
import type { ByteSink, FileSink, OutputFormat, Progress, ValidConfig } from '../engine/index.ts'
import type { JobInput, JobMessage } from './job-protocol.ts'

// Bundled (dist-cli/) the job is plain JavaScript beside this file; run from source (tests) it needs tsx.
const jobEntry = import.meta.url.endsWith('.ts')
  ? new URL('./job-worker-entry.mjs', import.meta.url)
  : new URL('./job-worker.js', import.meta.url)

export interface JobResult {
  readonly rows: number
  readonly injected: Record<string, number>
}

const abortError = () => Object.assign(new Error('the job was cancelled'), { name: 'AbortError' })

/**
 * Runs one job on its own worker thread (so jobs use one core each and never stall the server's event loop) and
 * writes its files into `sink` in order, acknowledging each chunk once `sink` has taken it. Aborting terminates
 * the thread at once.
 */
export function runJobThread(
  config: ValidConfig,
  format: OutputFormat,
  sink: ByteSink,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<JobResult> {
  if (signal.aborted) return Promise.reject(abortError())
  const worker = new Worker(jobEntry, { workerData: { config, format } satisfies JobInput })
  const files = new Map<number, FileSink>()
  let queue: Promise<unknown> = Promise.resolve()
  return new Promise<JobResult>((resolve, reject) => {
    let settled = false
    const finish = (error: Error | null, result?: JobResult) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      void worker.terminate()
      if (error) reject(error)
      else resolve(result as JobResult)
    }
    const onAbort = () => finish(abortError())
    signal.addEventListener('abort', onAbort, { once: true })
    worker.on('error', (e) => finish(e))
    worker.on('exit', (code) => finish(new Error(`the job thread exited with code ${code}`)))
    // Messages are handled strictly in order: a file's chunks must reach the zip before its close.
    worker.on('message', (m: JobMessage) => {
      queue = queue
        .then(async () => {
          if (settled) return
          switch (m.t) {
            case 'open':
              files.set(m.file, await sink.open(m.name))
              break
            case 'chunk':
              await files.get(m.file)?.write(m.bytes)
              worker.postMessage('ack')
              break
            case 'close':
              await files.get(m.file)?.close()
              break
            case 'progress':
              onProgress(m.progress)
              break
            case 'done':
              finish(null, { rows: m.rows, injected: m.injected })
              break
            case 'error':
              finish(Object.assign(new Error(m.message), { name: m.name }))
              break
          }
        })
        .catch((e: Error) => finish(e))
    })
  })
}
