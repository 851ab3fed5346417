import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Command, CommanderError } from 'commander'
import {
  exporters,
  issueText,
  outputFormats,
  runGeneration,
  validateConfig,
  type InputConfig,
  type OutputFormat,
  type RunResult,
} from '../engine/index.ts'
import { addConfigFlags, applyFlags, FlagError } from './flags.ts'
import { createFsSink } from './fs-sink.ts'
import { createLanePool, defaultThreads } from './lanes.ts'
import { runMergeCommand } from './merge-command.ts'
import { prepareOutput, UsageError } from './output-dir.ts'
import { createProgressReporter } from './progress.ts'
import { serve } from './serve.ts'
import { addStreamFlags, streamOptions, streamToStdout, StreamUsageError } from './stream.ts'

const FORMATS: readonly OutputFormat[] = outputFormats

function fail(code: number, message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(code)
}

async function readConfigFile(path: string): Promise<InputConfig> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`--config ${path} cannot be read: check the path`)
  }
  try {
    return JSON.parse(text) as InputConfig
  } catch (e) {
    throw new UsageError(
      `--config ${path} is not valid JSON (${(e as Error).message}): fix the file or start from the README's example`,
    )
  }
}

function summary(result: RunResult, out: string): string {
  const lines = [
    `Wrote ${out} (${result.files.length} files) in ${(result.totalMs / 1000).toFixed(2)} s, ${result.rowsPerSecond.toLocaleString('en-US')} rows/s`,
  ]
  for (const [table, n] of Object.entries(result.counts)) {
    const injected = result.injected[table as keyof typeof result.injected]
    lines.push(
      `  ${table.padEnd(16)} ${String(n).padStart(12)}${injected > 0 && table !== 'patterns' && table !== 'pattern_members' ? `  (${injected} injected)` : ''}`,
    )
  }
  return lines.join('\n') + '\n'
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv.slice(3))
  const program = new Command()
    .name('npm run generate --')
    .description('Generate a labelled synthetic financial-crime dataset into a folder.')
    .option('--config <file>', 'JSON config (same format as the web app exports); missing keys take defaults')
    .requiredOption(
      '--out <dir>',
      'output folder (written atomically; must be empty unless --force), or - to stream every event as JSON Lines to stdout',
    )
    .option('--format <format>', outputFormats.map((f) => `${f}: ${exporters[f].description}`).join('; '), 'csv')
    .option('--force', 'replace a non-empty output folder')
    .option('--quiet', 'no progress on stderr')
    .option(
      '--shard <i/n>',
      'write only part i of n of every event table (the first part also gets the small tables), for batch arrays; the parts concatenate to the whole files',
    )
    .option(
      '--threads <n>',
      'extra threads that generate big event tables (default: cores − 1, at most 4; 0 = main thread only); output is the same either way',
    )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
  addConfigFlags(program)
  addStreamFlags(program)
  try {
    program.parse(process.argv)
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') process.exit(0)
      fail(2, `${e.message.replace(/^error: /, '')} (see --help)`)
    }
    throw e
  }
  const opts = program.opts<
    Record<string, unknown> & {
      config?: string
      out: string
      format: string
      force?: boolean
      quiet?: boolean
      threads?: string
      shard?: string
    }
  >()
  if (!FORMATS.includes(opts.format as OutputFormat))
    fail(2, `--format ${opts.format} is not supported: use one of ${FORMATS.join(', ')}`)
  let shard: { index: number; count: number } | undefined
  if (opts.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(String(opts.shard))
    const i = m ? Number(m[1]) : 0
    const n = m ? Number(m[2]) : 0
    if (!m || n < 1 || n > 10_000 || i < 1 || i > n)
      fail(2, `--shard ${String(opts.shard)} must look like 2/8 (part 2 of 8, parts counted from 1)`)
    if (!exporters[opts.format as OutputFormat].concatenates)
      fail(
        2,
        `--shard cannot split ${opts.format === 'json' ? 'dataset.json' : `${opts.format} output`}: use --format csv or jsonl`,
      )
    shard = { index: i - 1, count: n }
  }
  // Each thread holds its own copy of the population, so the default leaves a core (and memory) for the main thread.
  const threads = opts.threads === undefined ? defaultThreads() : Number(opts.threads)
  if (!Number.isInteger(threads) || threads < 0 || threads > 64)
    fail(2, `--threads ${String(opts.threads)} must be a whole number from 0 to 64`)

  let input: InputConfig
  try {
    input = applyFlags(opts.config ? await readConfigFile(opts.config) : {}, opts)
  } catch (e) {
    if (e instanceof UsageError || e instanceof FlagError) fail(2, e.message)
    throw e
  }
  let pace: ReturnType<typeof streamOptions>
  try {
    pace = streamOptions(program, opts)
  } catch (e) {
    if (e instanceof StreamUsageError) fail(2, e.message)
    throw e
  }
  const checked = validateConfig(input)
  if (!checked.ok) {
    const more = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : ''
    fail(2, issueText(checked.issues[0]) + more)
  }

  // Listen before the temp folder exists: a Ctrl-C from then on must reach the cleanup below, not kill the process.
  const controller = new AbortController()
  const onSignal = () => controller.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  if (pace) {
    process.exitCode = await streamToStdout(checked.config, pace, controller.signal)
    return
  }
  let output: Awaited<ReturnType<typeof prepareOutput>>
  try {
    output = await prepareOutput(opts.out, opts.force === true)
  } catch (e) {
    if (e instanceof UsageError) fail(2, e.message)
    throw e
  }
  const progress = createProgressReporter(process.stderr)
  const c = checked.config.counts
  // Lanes pay for building the population once more per thread: only worth it for big event tables.
  const big = Math.max(c.transactions, c.communications, c.trades, c.travels, c.accessEvents) >= 200_000
  const lanes =
    threads > 0 && big && (opts.format === 'csv' || opts.format === 'jsonl') && shard === undefined
      ? createLanePool(checked.config, opts.format as 'csv' | 'jsonl', threads)
      : undefined
  try {
    const result = await runGeneration(checked.config, {
      format: opts.format as OutputFormat,
      sink: createFsSink(output.temp),
      signal: controller.signal,
      onProgress: opts.quiet ? undefined : (p) => progress.report(p),
      now: () => performance.now(),
      lanes,
      shard,
      hasher: () => {
        const h = createHash('sha256')
        return { update: (d: Uint8Array) => h.update(d), hex: () => h.digest('hex') }
      },
    })
    await lanes?.close()
    await output.commit()
    progress.finish()
    process.stdout.write(summary(result, opts.out))
  } catch (e) {
    progress.finish()
    await lanes?.close()
    await output.discard()
    if ((e as Error).name === 'AbortError') {
      process.stderr.write('Cancelled: nothing was written.\n')
      process.exit(130)
    }
    fail(1, `generation failed: ${(e as Error).message}`)
  }
}

// Subcommands first; everything else is a generation run.
const entry = process.argv[2] === 'merge' ? () => runMergeCommand(process.argv.slice(3)) : main
entry().catch((e: unknown) => fail(1, (e as Error).stack ?? String(e)))
