import type { ByteSink, FileSink } from '../engine/index.ts'
import { concat } from './zip.ts'

/** Header plus 30 rows: what the table preview shows. */
export const HEAD_LINES = 31
/** Guards against a file without line breaks filling memory. */
const MAX_HEAD_BYTES = 256 * 1024

const QUOTE = 0x22
const NEWLINE = 0x0a

/**
 * Wraps a sink and keeps a copy of the first lines of every CSV file as it streams past, so the page can preview
 * each table without the whole file crossing the worker boundary. Line ends inside quoted cells are not row ends
 * (RFC 4180), so the scan tracks quotes.
 */
export function withHeadCapture(inner: ByteSink, maxLines = HEAD_LINES): ByteSink & { heads: Map<string, Uint8Array> } {
  const heads = new Map<string, Uint8Array>()
  return {
    heads,
    async open(name) {
      const file = await inner.open(name)
      if (!name.endsWith('.csv')) return file
      const parts: Uint8Array[] = []
      let size = 0
      let lines = 0
      let inQuote = false
      let done = false
      const finish = () => {
        if (done) return
        done = true
        heads.set(name, concat(parts))
      }
      const capture = (chunk: Uint8Array) => {
        let end = chunk.length
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i]
          if (b === QUOTE) inQuote = !inQuote
          else if (b === NEWLINE && !inQuote && ++lines === maxLines) {
            end = i + 1
            break
          }
        }
        end = Math.min(end, MAX_HEAD_BYTES - size)
        // slice, not subarray: the head is transferred to the page, which would detach a shared buffer.
        parts.push(chunk.slice(0, end))
        size += end
        if (lines >= maxLines || size >= MAX_HEAD_BYTES) finish()
      }
      const sink: FileSink = {
        write(chunk) {
          if (!done) capture(chunk)
          return file.write(chunk)
        },
        close() {
          finish()
          return file.close()
        },
      }
      return sink
    },
  }
}
