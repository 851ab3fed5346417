import { join, relative } from 'node:path'
import { Command, CommanderError } from 'commander'
import {
  AUDIT_DEFAULT_MAX_ROWS,
  AUDIT_FILE,
  auditByDefault,
  biggestEventTable,
  datasetConfig,
  formatInfo,
  groupThousands,
  issueText,
  LANE_MIN_ROWS,
  outputFormats,
  runGeneration,
  shownText,
  validateConfig,
  type InputConfig,
  type OutputFormat,
  type RunResult,
} from '../engine/index.ts'
import { readConfigFile } from './config-file.ts'
import { addConfigFlags, applyFlags, FlagError } from './flags.ts'
import { fsErrorText, isFsError } from './fs-errors.ts'
import { createFsSink } from './fs-sink.ts'
import { createLanePool, defaultThreads } from './lanes.ts'
import { runMergeCommand } from './merge-command.ts'
import { addStreamFlags, streamOptions, streamToStdout, StreamUsageError } from './stream.ts'
import { prepareOutput, type Output } from './output-dir.ts'
import { watchLauncher } from './launcher-watch.ts'
import { createProgressReporter } from './progress.ts'
import { checkResources, MAX_MEMORY_FLAG } from './resources.ts'
import { handleStopSignals, SIGNAL_EXIT, type StopSignal } from './signals.ts'
import { FsProblem, UsageError } from './usage-error.ts'
import { nativeHasher } from './native-hasher.ts'
import { auditLines } from './audit-summary.ts'
import { addBenchmarkFlags, benchmarkChoice, BenchmarkUsageError, pairedOutputs } from './benchmark.ts'

const FORMATS: readonly OutputFormat[] = outputFormats
/** After the first signal the run has this long to stop in order before it is stopped at once. */
const ORDERLY_STOP_MS = 2_000

function fail(code: number, message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(code)
}

function summary(result: RunResult, out: string, answers: string | null): string {
  const lines = [
    `Wrote ${out} (${result.files.length} files) in ${(result.totalMs / 1000).toFixed(2)} s, ${groupThousands(result.rowsPerSecond)} rows/s`,
  ]
  for (const [table, n] of Object.entries(result.counts)) {
    const injected = result.injected[table as keyof typeof result.injected]
    lines.push(
      `  ${table.padEnd(16)} ${String(n).padStart(12)}${injected > 0 && table !== 'patterns' && table !== 'pattern_members' ? `  (${injected} injected)` : ''}`,
    )
  }
  if (answers) lines.push(`Answers (ground truth, label columns, audit and the secret): ${answers}`)
  if (result.audit) lines.push(...auditLines(result.audit, join(answers ?? out, AUDIT_FILE)))
  return lines.join('\n') + '\n'
}

function parseProgram(): Command {
  const program = new Command()
    .name('fincrime-synth')
    .usage('--out <dir> [options]   (or: npm run generate -- --out <dir> [options])')
    .description('Generate a labelled synthetic financial-crime dataset into a folder.')
    .option('--config <file>', 'JSON config (same format as the web app exports); missing keys take defaults')
    .requiredOption(
      '--out <dir>',
      'output folder (written atomically; must be new or empty unless --force), or - to stream every event as JSON Lines to stdout',
    )
    .option('--format <format>', outputFormats.map((f) => `${f}: ${formatInfo[f].description}`).join('; '), 'csv')
    .option('--force', 'replace an earlier output of this tool (a folder whose manifest.json lists all its files)')
    .option('--quiet', 'no progress on stderr')
    .option(
      '--audit',
      `write audit.json: how separable the labels are (best single feature, a baseline model's AUC per level and kind, the classic rules' precision and recall). Default: on for runs up to ${groupThousands(AUDIT_DEFAULT_MAX_ROWS)} rows in all, off above (it keeps ~450 bytes per account and reads every row on the main thread; --threads send it the rows they encode)`,
    )
    .option('--no-audit', 'do not write audit.json')
    .option(
      '--no-realism',
      'do not write realism.json (background realism figures: repeat partners, recurring payments, degree tails, local-time shares, Benford); a sharded run never writes it',
    )
    .option(
      '--shard <i/n>',
      'write only part i of n of every event table (the first part also gets the small tables), for batch arrays; the parts concatenate to the whole files',
    )
    .option(
      '--threads <n>',
      'extra threads that generate event tables of 200k rows or more (default: cores − 1, at most 4, for tables of 1M rows or more; 0 = main thread only); output is the same either way',
    )
    .option(
      `${MAX_MEMORY_FLAG} <MiB>`,
      'memory the run may use, in MiB (default: the free memory now); runs estimated to need more are refused',
    )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
  addConfigFlags(program)
  addStreamFlags(program)
  addBenchmarkFlags(program)
  try {
    program.parse(process.argv)
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') process.exit(0)
      fail(2, `${shownText(e.message.replace(/^error: /, ''), 200)} (see --help)`)
    }
    throw e
  }
  return program
}

async function main(): Promise<void> {
  // From the first moment a signal must end in cleanup, never in a half-written folder.
  let stage: 'setup' | 'running' | 'committed' = 'setup'
  let output: Output | null = null
  let answersOut: Output | null = null
  const controller = new AbortController()
  const stopNow = (signal: StopSignal) => {
    try {
      output?.discard()
    } catch {
      // Nothing more can be done from a signal handler; the next run sweeps what is left (see stale.ts).
    }
    process.stderr.write(
      stage === 'committed'
        ? `\nStopped by ${signal} after the output was complete.\n`
        : `\nCancelled (${signal}): nothing was written.\n`,
    )
    process.exit(stage === 'committed' ? 0 : SIGNAL_EXIT[signal])
  }
  const signals = handleStopSignals((signal) => {
    if (stage !== 'running') return stopNow(signal)
    controller.abort()
    setTimeout(() => stopNow(signal), ORDERLY_STOP_MS).unref()
  }, stopNow)
  // npm killed on its own (not its process group) must not leave us generating in the background.
  watchLauncher(() => signals.stop('SIGHUP'))

  const program = parseProgram()
  const opts = program.opts<
    Record<string, unknown> & {
      config?: string
      out: string
      format: string
      force?: boolean
      quiet?: boolean
      threads?: string
      shard?: string
      maxMemory?: string
      audit?: boolean
      realism?: boolean
    }
  >()
  if (!FORMATS.includes(opts.format as OutputFormat))
    fail(2, `--format ${shownText(opts.format)} is not supported: use one of ${FORMATS.join(', ')}`)
  let shard: { index: number; count: number } | undefined
  if (opts.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(String(opts.shard))
    const i = m ? Number(m[1]) : 0
    const n = m ? Number(m[2]) : 0
    if (!m || n < 1 || n > 10_000 || i < 1 || i > n)
      fail(2, `--shard ${shownText(String(opts.shard))} must look like 2/8 (part 2 of 8, parts counted from 1)`)
    if (!formatInfo[opts.format as OutputFormat].concatenates)
      fail(
        2,
        `--shard cannot split ${opts.format === 'json' ? 'dataset.json' : `${opts.format} output`}: use --format csv or jsonl`,
      )
    shard = { index: i - 1, count: n }
  }
  // Each thread holds its own copy of the population, so the default leaves a core (and memory) for the main thread.
  if (opts.threads !== undefined && !/^\d{1,2}$/.test(opts.threads.trim()))
    fail(2, `--threads ${opts.threads === '' ? "''" : shownText(opts.threads)} must be a whole number from 0 to 64`)
  const threads = opts.threads === undefined ? null : Number(opts.threads)
  if (threads !== null && threads > 64) fail(2, `--threads ${threads} must be a whole number from 0 to 64`)

  let input: InputConfig
  try {
    // Without a file the CLI writes a dataset with labels as rare as a bank's (0.1 % suspicious), not the page's dense demo.
    input = applyFlags(opts.config ? ((await readConfigFile(opts.config)) as InputConfig) : datasetConfig(), opts)
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
  let bench: ReturnType<typeof benchmarkChoice>
  try {
    bench = benchmarkChoice(opts)
  } catch (e) {
    if (e instanceof BenchmarkUsageError) fail(2, e.message)
    throw e
  }
  const checked = validateConfig(input)
  if (!checked.ok) {
    const more = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : ''
    fail(2, issueText(checked.issues[0]) + more)
  }
  const format = opts.format as OutputFormat
  // Asked for, lanes run from 200k rows; by default only from LANE_MIN_ROWS.
  const big = biggestEventTable(checked.config.counts) >= (threads === null ? LANE_MIN_ROWS : 200_000)
  if (opts.audit === true && shard !== undefined)
    fail(2, '--audit needs the whole run: drop --shard (or --audit; a sharded run is not audited)')
  const audit = opts.audit ?? (shard === undefined && auditByDefault(checked.config.counts))
  const wanted = threads ?? defaultThreads()
  const laneCount =
    wanted > 0 && big && !bench && (format === 'csv' || format === 'jsonl') && shard === undefined ? wanted : 0
  if (pace) {
    stage = 'running'
    process.exitCode = await streamToStdout(checked.config, pace, controller.signal)
    return
  }

  try {
    output = prepareOutput(opts.out, opts.force === true)
    if (bench) {
      const first = output
      output = null // until both folders are ready, a failure removes the first one here
      try {
        answersOut = prepareOutput(bench.answers, opts.force === true)
      } catch (e) {
        first.discard()
        throw e
      }
      output = pairedOutputs(first, answersOut)
    }
  } catch (e) {
    if (e instanceof UsageError) fail(2, e.message)
    if (e instanceof FsProblem) fail(1, e.message)
    if (isFsError(e)) fail(1, `--out ${fsErrorText(e, shownText(opts.out), 'write')}`)
    throw e
  }
  for (const note of output.notes) process.stderr.write(note + '\n')
  const refusal = await checkResources(checked.config, {
    format,
    lanes: laneCount,
    shardCount: shard?.count ?? 1,
    folder: output.temp,
    maxMemoryMiB: opts.maxMemory,
  })
  if (refusal) {
    output.discard()
    fail(2, refusal)
  }

  const progress = createProgressReporter(process.stderr)
  const sink = createFsSink(output.temp)
  const answers = bench && answersOut ? createFsSink(answersOut.temp) : null
  const lanes = laneCount > 0 ? createLanePool(checked.config, format as 'csv' | 'jsonl', laneCount) : undefined
  stage = 'running'
  try {
    const result = await runGeneration(checked.config, {
      format,
      sink,
      signal: controller.signal,
      onProgress: opts.quiet ? undefined : (p) => progress.report(p),
      now: () => performance.now(),
      // Lets a signal's handler run during the population build, so Ctrl-C lands within a fraction of a second.
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      lanes,
      shard,
      audit,
      realism: opts.realism !== false,
      benchmark: bench && answers ? { secret: bench.secret, answers } : undefined,
      hasher: nativeHasher,
    })
    await lanes?.close()
    controller.signal.throwIfAborted()
    output.commit()
    stage = 'committed'
    progress.finish()
    process.stdout.write(summary(result, opts.out, bench?.answers ?? null))
  } catch (e) {
    progress.finish()
    await sink.closeAll()
    await answers?.closeAll()
    await lanes?.close()
    output.discard()
    const signal = controller.signal.aborted ? signals.received : null
    if (signal) {
      process.stderr.write(`Cancelled (${signal}): nothing was written.\n`)
      process.exit(SIGNAL_EXIT[signal])
    }
    if (e instanceof UsageError) fail(2, e.message)
    if (isFsError(e)) {
      // Name the file as the user will know it: inside --out, not inside our hidden temp folder.
      const path = (e as NodeJS.ErrnoException).path ?? output.temp
      const shown = path.startsWith(output.temp) ? join(opts.out, relative(output.temp, path)) : path
      fail(1, fsErrorText(e, shownText(shown), 'write'))
    }
    fail(1, `generation failed: ${shownText((e as Error).message, 300)}`)
  }
}

// Subcommands first; everything else is a generation run.
const subcommands: Record<string, (argv: string[]) => Promise<void>> = {
  merge: runMergeCommand,
  // Loaded on demand: a generation run never pays for the HTTP stack.
  serve: async (argv) => (await import('./serve.ts')).serve(argv),
}
const sub = subcommands[process.argv[2]]
const entry = sub ? () => sub(process.argv.slice(3)) : main
entry().catch((e: unknown) => fail(1, `unexpected error: ${(e as Error).stack ?? String(e)}`))
