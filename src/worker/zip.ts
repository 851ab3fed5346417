import { Zip, ZipDeflate } from 'fflate'
import { fixedBlocks } from '../engine/index.ts'

/** Zip entries carry a DOS timestamp; a fixed one makes the same files give the same zip bytes on any day. */
const FIXED_MTIME = new Date(2025, 0, 1, 0, 0, 0)

/** Bytes handed to the writer at a time: few enough round trips to the page, little enough held at once. */
export const WRITE_BLOCK_BYTES = 1 << 20

export type FileChunks = readonly (readonly [string, readonly Uint8Array[]])[]

/** Writes blocks of about `WRITE_BLOCK_BYTES`, each awaited, so a slow writer holds its producer back. */
export function blockWriter(write: (block: Uint8Array) => Promise<void>) {
  let parts: Uint8Array[] = []
  let held = 0
  let written = 0
  async function flush(): Promise<void> {
    if (held === 0) return
    const block = concat(parts)
    parts = []
    held = 0
    written += block.length
    await write(block)
  }
  return {
    async push(chunk: Uint8Array): Promise<void> {
      parts.push(chunk)
      held += chunk.length
      if (held >= WRITE_BLOCK_BYTES) await flush()
    },
    /** Writes what is left; returns the bytes written in all. */
    async end(): Promise<number> {
      await flush()
      return written
    },
  }
}

/**
 * Zips files given as chunk lists (as a memory sink holds them) with deflate level 1, the fastest level that still
 * shrinks CSV to about 40 % (toolchain.md §4c), and writes the zip as it is made: only a block of it is ever held.
 * Sync `ZipDeflate` copies what it is pushed, so the sink's chunks stay usable; `AsyncZipDeflate` would detach
 * them. `onFraction` gets the share of input bytes zipped so far. Returns the zip's size.
 */
export async function writeZip(
  files: FileChunks,
  write: (block: Uint8Array) => Promise<void>,
  onFraction?: (fraction: number) => void,
): Promise<number> {
  const out = blockWriter(write)
  let ready: Uint8Array[] = []
  let failure: Error | null = null
  let finished = false
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err
    else ready.push(chunk)
    if (final) finished = true
  })
  const drain = async () => {
    if (failure) throw failure
    const now = ready
    ready = []
    for (const chunk of now) await out.push(chunk)
  }
  const total = files.reduce((n, [, chunks]) => n + chunks.reduce((m, c) => m + c.length, 0), 0)
  let done = 0
  for (const [name, chunks] of files) {
    const entry = new ZipDeflate(name, { level: 1 })
    entry.mtime = FIXED_MTIME
    zip.add(entry)
    const blocks = fixedBlocks((block, final) => entry.push(block, final))
    for (const chunk of chunks) {
      if (blocks.write(chunk)) await drain()
      done += chunk.length
      onFraction?.(total === 0 ? 1 : done / total)
    }
    blocks.end()
    await drain()
  }
  zip.end()
  await drain()
  if (!finished) throw new Error('zip did not finish')
  return out.end()
}

/** The whole zip in memory, for callers that need the bytes (Node tests, the non-streamed exports). */
export async function zipFiles(files: FileChunks): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  await writeZip(files, async (block) => {
    parts.push(block)
  })
  return concat(parts)
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
