import { Zip, ZipDeflate } from 'fflate'

/** Zip entries carry a DOS timestamp; a fixed one makes the same files give the same zip bytes on any day. */
const FIXED_MTIME = new Date(2025, 0, 1, 0, 0, 0)

/**
 * Zips files given as chunk lists (as a memory sink holds them) with deflate level 1: the fastest level that still
 * shrinks CSV to about 40 % (toolchain.md §4c). Sync `ZipDeflate` copies what it is pushed, so the chunks stay
 * usable; `AsyncZipDeflate` would detach them.
 */
export function zipFiles(files: Iterable<readonly [string, readonly Uint8Array[]]>): Uint8Array {
  const parts: Uint8Array[] = []
  let failure: Error | null = null
  let finished = false
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err
    else parts.push(chunk)
    if (final) finished = true
  })
  for (const [name, chunks] of files) {
    const entry = new ZipDeflate(name, { level: 1 })
    entry.mtime = FIXED_MTIME
    zip.add(entry)
    for (const chunk of chunks) entry.push(chunk)
    entry.push(new Uint8Array(0), true)
  }
  zip.end()
  if (failure) throw failure
  if (!finished) throw new Error('zip did not finish synchronously')
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
