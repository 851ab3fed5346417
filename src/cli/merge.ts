import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { once } from 'node:events'
import { UsageError } from './usage-error.ts'

/** One file as a manifest lists it. */
interface FileEntry {
  readonly name: string
  readonly bytes: number
  readonly sha256: string
  /** Data rows; null for a file that is not a table (load.py, load.sql). */
  readonly rows?: number | null
}

interface PartManifest {
  readonly product: string
  readonly version: string
  readonly format: string
  readonly seed: unknown
  readonly config: unknown
  readonly shard?: { readonly index: number; readonly count: number }
  readonly files: readonly FileEntry[]
  readonly [key: string]: unknown
}

export interface Part {
  readonly dir: string
  readonly manifest: PartManifest
}

/** A merged file: the concatenation of the parts that hold it, in part order, described as one file. */
export interface MergedFile extends FileEntry {
  readonly parts: readonly { readonly dir: string; readonly bytes: number; readonly sha256: string }[]
}

async function readManifest(dir: string): Promise<PartManifest> {
  const path = join(dir, 'manifest.json')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`${path} cannot be read: pass the folders that --shard runs wrote`)
  }
  try {
    const m = JSON.parse(text) as PartManifest
    if (m?.product !== 'fincrime-synth' || !Array.isArray(m.files)) throw new Error('not ours')
    return m
  } catch {
    throw new UsageError(`${path} is not a Fincrime Synth manifest: pass the folders that --shard runs wrote`)
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Reads every part's manifest and checks that together they are one run cut into parts: same product version,
 * format, seed and config; each of the n parts exactly once. Returns the parts in shard order.
 */
export async function loadParts(dirs: readonly string[]): Promise<Part[]> {
  if (dirs.length === 0) throw new UsageError('merge needs the part folders: fincrime-synth merge --out DIR PART...')
  const parts = await Promise.all(dirs.map(async (dir) => ({ dir, manifest: await readManifest(dir) })))
  const first = parts[0].manifest
  const count = first.shard?.count
  for (const { dir, manifest } of parts) {
    if (!manifest.shard) throw new UsageError(`${dir} is a whole run, not a --shard part: merge only parts`)
    for (const key of ['version', 'format', 'seed', 'config'] as const) {
      if (!sameJson(manifest[key], first[key]))
        throw new UsageError(
          `${dir} has another ${key} than ${parts[0].dir}: every part must come from the same command line`,
        )
    }
    if (manifest.shard.count !== count)
      throw new UsageError(`${dir} is part of ${manifest.shard.count}, ${parts[0].dir} of ${count}: mix no runs`)
  }
  const byIndex = new Map<number, Part>()
  for (const part of parts) {
    const other = byIndex.get(part.manifest.shard!.index)
    if (other) throw new UsageError(`${part.dir} and ${other.dir} are both part ${part.manifest.shard!.index}`)
    byIndex.set(part.manifest.shard!.index, part)
  }
  const missing = Array.from({ length: count! }, (_, i) => i + 1).filter((i) => !byIndex.has(i))
  if (missing.length > 0)
    throw new UsageError(
      `part${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} of ${count} missing: run ${missing.length > 1 ? 'them' : 'it'}, then merge again`,
    )
  return Array.from({ length: count! }, (_, i) => byIndex.get(i + 1)!)
}

/** Hashes one part file into its own and the whole file's hash, copying it to `copy` as it goes when asked. */
async function hashFile(
  path: string,
  whole: ReturnType<typeof createHash>,
  copy: WriteStream | null,
): Promise<{ bytes: number; sha256: string }> {
  const own = createHash('sha256')
  let bytes = 0
  const stream = createReadStream(path)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    own.update(chunk)
    whole.update(chunk)
    bytes += chunk.length
    if (copy && !copy.write(chunk)) await once(copy, 'drain')
  }
  return { bytes, sha256: own.digest('hex') }
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())))
}

/**
 * Checks every part file against its own manifest (bytes and sha256) and describes each table as the whole file the
 * parts concatenate to, in the first part's file order. With `concatInto`, it also writes each whole file there in
 * the same read. Reads every byte once; holds nothing.
 */
export async function mergeFiles(
  parts: readonly Part[],
  onFile?: (name: string) => void,
  concatInto?: string,
): Promise<MergedFile[]> {
  const merged: MergedFile[] = []
  for (const entry of parts[0].manifest.files) {
    onFile?.(entry.name)
    const whole = createHash('sha256')
    const copy = concatInto === undefined ? null : createWriteStream(join(concatInto, entry.name))
    const pieces: MergedFile['parts'][number][] = []
    let bytes = 0
    let rows: number | null = null
    for (const part of parts) {
      const own = part.manifest.files.find((f) => f.name === entry.name)
      if (!own) continue // small tables come only with the first part
      const path = join(part.dir, own.name)
      let got: { bytes: number; sha256: string }
      try {
        got = await hashFile(path, whole, copy)
      } catch {
        if (copy) await closeStream(copy)
        throw new UsageError(`${path} is missing: copy the part folder whole, then merge again`)
      }
      if (got.bytes !== own.bytes || got.sha256 !== own.sha256) {
        if (copy) await closeStream(copy)
        throw new UsageError(
          `${path} does not match its manifest (${got.bytes} bytes, expected ${own.bytes}): it was changed or cut short; run that part again`,
        )
      }
      pieces.push({ dir: part.dir, ...got })
      bytes += got.bytes
      if (typeof own.rows === 'number') rows = (rows ?? 0) + own.rows
    }
    if (copy) await closeStream(copy)
    merged.push({ name: entry.name, bytes, sha256: whole.digest('hex'), rows, parts: pieces })
  }
  return merged
}

/**
 * The manifest of the whole dataset. With `concatenated`, the files sit beside it and the manifest is the one a
 * single run writes, byte for byte; without, each file also lists where its parts are (relative to `outDir`), so a
 * billion-row dataset can stay in parts on a shared volume or object store.
 */
export function mergedManifest(
  parts: readonly Part[],
  files: readonly MergedFile[],
  outDir: string,
  concatenated: boolean,
): string {
  const { shard: _shard, files: _files, ...core } = parts[0].manifest
  const entries = files.map(({ parts: pieces, rows, ...file }) => ({
    ...file,
    rows,
    ...(concatenated ? {} : { parts: pieces.map((p) => ({ ...p, dir: relative(resolve(outDir), resolve(p.dir)) })) }),
  }))
  return JSON.stringify({ ...core, files: entries }, null, 2) + '\n'
}
