import { parentPort, workerData } from 'node:worker_threads'
import { auditByDefault, runGeneration, type ByteSink } from '../engine/index.ts'
import { CHUNKS_IN_FLIGHT, type JobInput, type JobMessage } from './job-protocol.ts'
import { nativeHasher } from './native-hasher.ts'

/** One generation job on its own thread: the engine's files go back to the server as transferred chunks. */
const { config, format } = workerData as JobInput
const port = parentPort
if (!port) throw new Error('job-worker runs as a worker thread')
const post = (m: JobMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)

let inFlight = 0
let wake: (() => void) | null = null
port.on('message', () => {
  inFlight--
  wake?.()
  wake = null
})

let nextFile = 0
const sink: ByteSink = {
  open(name) {
    const file = nextFile++
    post({ t: 'open', file, name })
    return {
      async write(chunk) {
        // The engine may reuse nothing it has sent, so the chunk's buffer can move to the server thread.
        const bytes = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice()
        inFlight++
        post({ t: 'chunk', file, bytes }, [bytes.buffer as ArrayBuffer])
        while (inFlight >= CHUNKS_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve))
      },
      close() {
        post({ t: 'close', file })
      },
    }
  },
}

try {
  const result = await runGeneration(config, {
    format,
    sink,
    onProgress: (progress) => post({ t: 'progress', progress }),
    now: () => performance.now(),
    hasher: nativeHasher,
    // audit.json as the CLI writes it by default, so an API dataset is the CLI's, byte for byte.
    audit: auditByDefault(config.counts),
  })
  const injected: Record<string, number> = {}
  for (const p of result.patterns) injected[p.kind] = (injected[p.kind] ?? 0) + 1
  post({ t: 'done', rows: Object.values(result.counts).reduce((n, v) => n + v, 0), injected })
} catch (e) {
  post({ t: 'error', name: (e as Error).name, message: (e as Error).message })
}
