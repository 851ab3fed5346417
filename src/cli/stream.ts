import type { Command } from 'commander'
import { streamEvents, type ResolvedConfig } from '../engine/index.ts'
import { parseValue } from './flags.ts'

/** `--out -`: the live stream. Flags registered here so main.ts needs one call to add them and one to branch. */
export function addStreamFlags(program: Command): void {
  program
    .option('--rate <n>', 'with --out -: at most n events per second of wall time')
    .option('--speed <x>', 'with --out -: replay at x simulated seconds per second of wall time (e.g. 3600)')
}

export class StreamUsageError extends Error {}

interface Pace {
  readonly rate: number | null
  readonly speed: number | null
}

function positive(flag: string, text: unknown): number | null {
  if (text === undefined) return null
  const v = parseValue(String(text))
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
    throw new StreamUsageError(`${flag} ${String(text)} must be a positive number`)
  return v
}

/** null unless `--out -`; checks the stream flags either way and throws StreamUsageError with the one-line fix. */
export function streamOptions(program: Command, opts: Record<string, unknown>): Pace | null {
  if (opts.out !== '-') {
    for (const flag of ['rate', 'speed'])
      if (opts[flag] !== undefined)
        throw new StreamUsageError(`--${flag} only applies to the stream: use it with --out -`)
    return null
  }
  const format = program.getOptionValueSource('format') === 'default' ? null : String(opts.format)
  if (format !== null && format !== 'jsonl')
    throw new StreamUsageError(
      `--out - streams JSON Lines: drop --format ${format} (or write a folder with --out <dir>)`,
    )
  if (opts.shard !== undefined) throw new StreamUsageError('--out - streams the whole run: drop --shard')
  return { rate: positive('--rate', opts.rate), speed: positive('--speed', opts.speed) }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Writes every event as one JSON line to stdout, paced by --rate and/or --speed (the later deadline wins).
 * A reader that closes the pipe (`| head`) ends the run quietly with exit code 0; Ctrl-C ends it with 130.
 */
export async function streamToStdout(config: ResolvedConfig, pace: Pace, signal: AbortSignal): Promise<number> {
  const out = process.stdout
  let closed = false
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true
    else throw e
  })
  // The clock starts at the first event, not before the population is built.
  let start = 0
  let first: number | null = null
  let n = 0
  let batch = ''
  const flush = async () => {
    if (batch === '' || closed) return
    const ok = out.write(batch)
    batch = ''
    if (!ok && !closed)
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done)
          out.off('close', done)
          out.off('error', done)
          resolve()
        }
        out.on('drain', done)
        out.on('close', done)
        out.on('error', done)
      })
  }
  try {
    for (const event of streamEvents(config, signal)) {
      if (closed || signal.aborted) break
      if (first === null) {
        first = event.time
        start = performance.now()
      }
      let due = 0
      if (pace.rate) due = Math.max(due, (n / pace.rate) * 1000)
      if (pace.speed) due = Math.max(due, ((event.time - first) / pace.speed) * 1000)
      const wait = start + due - performance.now()
      // Paced: send what is due before sleeping, so a consumer sees each event on time.
      if (wait > 2) {
        await flush()
        await sleep(wait)
      }
      batch += event.line + '\n'
      n++
      if (batch.length > 1 << 16 || pace.rate || pace.speed) await flush()
    }
    await flush()
    // Resolves once everything written so far has left the process (exiting earlier can cut a pipe short).
    if (!closed) await new Promise<void>((resolve) => out.write('', () => resolve()))
  } catch (e) {
    if ((e as Error).name === 'AbortError') return 130
    throw e
  }
  return signal.aborted ? 130 : 0
}
