import { randomBytes } from 'node:crypto'
import type { Command } from 'commander'
import type { Output } from './output-dir.ts'

/** `--benchmark`: publish without the answers. Flags registered here so main.ts needs one call to add them. */
export function addBenchmarkFlags(program: Command): void {
  program
    .option(
      '--benchmark',
      'withhold the labels: --out gets the tables without label columns, keyed by a secret drawn for the run (or --secret), so the seed decodes no id; the ground truth, audit.json and the secret go to --answers',
    )
    .option('--answers <dir>', 'with --benchmark: the answers folder (default: <out>-answers)')
    .option(
      '--secret <hex>',
      "with --benchmark: the run's secret, 32 hex digits (default: drawn now; it is in <answers>/manifest.json, and the same secret gives the same bytes)",
    )
}

export class BenchmarkUsageError extends Error {}

export interface BenchmarkChoice {
  readonly secret: string
  readonly answers: string
}

/** null without --benchmark; checks the flags either way and throws BenchmarkUsageError with the one-line fix. */
export function benchmarkChoice(opts: Record<string, unknown>): BenchmarkChoice | null {
  if (!opts.benchmark) {
    for (const flag of ['answers', 'secret'])
      if (opts[flag] !== undefined) throw new BenchmarkUsageError(`--${flag} only applies with --benchmark: add it`)
    return null
  }
  if (opts.out === '-') throw new BenchmarkUsageError('--benchmark writes two folders: give --out <dir>, not -')
  if (opts.shard !== undefined) throw new BenchmarkUsageError('--benchmark needs the whole run: drop --shard')
  if (opts.format !== 'csv' && opts.format !== 'jsonl')
    throw new BenchmarkUsageError(
      `--benchmark cannot withhold the labels of --format ${String(opts.format)}: use csv or jsonl`,
    )
  const secret = opts.secret === undefined ? randomBytes(16).toString('hex') : String(opts.secret)
  if (!/^([0-9a-f]{8}){4,8}$/i.test(secret))
    throw new BenchmarkUsageError(
      '--secret must be 32 to 64 hex digits: copy benchmark.secret from the answers folder’s manifest.json, or leave it out',
    )
  const out = String(opts.out).replace(/[\\/]+$/, '')
  return { secret, answers: opts.answers === undefined ? `${out}-answers` : String(opts.answers) }
}

/** Two folders committed and discarded together: a benchmark run never leaves one without the other. */
export function pairedOutputs(a: Output, b: Output): Output {
  return {
    temp: a.temp,
    target: a.target,
    notes: [...a.notes, ...b.notes],
    commit() {
      a.commit()
      b.commit()
    },
    discard() {
      a.discard()
      b.discard()
    },
  }
}
