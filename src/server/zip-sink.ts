import type { Writable } from 'node:stream'
import { Zip, ZipDeflate } from 'fflate'
import { fixedBlocks, type ByteSink } from '../engine/index.ts'

/** The page's zip uses the same fixed DOS time: same files, same zip bytes on any day. */
const FIXED_MTIME = new Date(2025, 0, 1, 0, 0, 0)

/**
 * A ByteSink that streams every file the engine writes into one zip on `out` (deflate level 1). fflate emits
 * entries in the order they were opened and holds back later ones until earlier ones close, so exporters that
 * keep several files open still produce a valid zip. Writes wait for `out` to drain (backpressure to the engine).
 */
export function createZipSink(out: Writable): ByteSink & { end(): Promise<void>; bytes(): number } {
  let failure: Error | null = null
  let sent = 0
  const zip = new Zip((err, chunk) => {
    if (err) failure = err
    else {
      sent += chunk.length
      out.write(chunk)
    }
  })
  const drained = () =>
    out.writableNeedDrain && !out.destroyed
      ? new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done)
            out.off('close', done)
            resolve()
          }
          out.on('drain', done)
          out.on('close', done)
        })
      : undefined
  return {
    open(name) {
      const entry = new ZipDeflate(name, { level: 1 })
      entry.mtime = FIXED_MTIME
      zip.add(entry)
      // In fixed blocks: with job threads the chunks arrive batched as the thread sent them, and deflate's output
      // would follow their cuts; the zip must be the same bytes with jobs on the server thread or on job threads.
      const blocks = fixedBlocks((block, final) => entry.push(block, final))
      return {
        write(chunk) {
          if (failure) throw failure
          if (out.destroyed) throw Object.assign(new Error('client went away'), { name: 'AbortError' })
          blocks.write(chunk)
          return drained()
        },
        close() {
          blocks.end()
        },
      }
    },
    async end() {
      zip.end()
      if (failure) throw failure
      await drained()
    },
    bytes: () => sent,
  }
}
