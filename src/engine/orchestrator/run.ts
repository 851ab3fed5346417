import { recordedConfig, type ValidConfig } from '../config/schema.ts'
import { resolveKnobs } from '../config/difficulty.ts'
import { describeTables } from '../catalog.ts'
import { ConfigError, EngineError } from '../errors.ts'
import { createDatasetWriter, formatFiles, type DatasetWriter, type TextFormat } from '../export/formats.ts'
import { FileWriter, jsHasher, type HasherFactory } from '../export/file-writer.ts'
import { createGraphCollector } from '../export/graph-collector.ts'
import { rowToCells } from '../export/cells.ts'
import type { FileInfo } from '../export/output.ts'
import type { Exporter, ExportRun } from '../export/exporter.ts'
import { builtinExporters } from '../export/registry.ts'
import { tables, tableNames, type TableName } from '../model/schema.ts'
import { patternRegistry } from '../patterns/registry.ts'
import { createRealismCollector } from '../realism/collector.ts'
import { PRODUCT_VERSION } from '../version.ts'
import { backgroundSteps } from './background.ts'
import { injectionSteps, type PatternSet } from './inject.ts'
import { shardPart, shardRows, type Shard } from './shards.ts'
import { LANE_RANGE_ROWS, laneTables, localLane, writeWithLanes, type LaneTable, type Observing } from './lanes.ts'
import { allFields } from './packed-rows.ts'
import { observedFields, observerOf, readInPlace, type RowObserver } from '../model/row-observer.ts'
import { CHUNK_ROWS, ROW_COST } from './phases.ts'
import { createProgress } from './progress.ts'
import { sortByIdSteps } from './stepped-sort.ts'
import { buildTableSources, type SortedEntities, type TableSource } from './table-sources.ts'
import { ledgerInLanes, ledgerSteps, withLedger } from './ledger-step.ts'
import { canFillLegs, LegPrefetch } from './ledger-lanes.ts'
import { bookedRows, RunningLedger, type LedgerPlan } from './ledger.ts'
import { BalanceTails } from './ledger-bytes.ts'
import { writeBookedCsv } from './booked-csv.ts'
import type { PhaseStat, RunOptions, RunResult } from './types.ts'
import { checkAuditOptions, finishAudit, startAudit } from './audit-step.ts'
import {
  checkBenchmarkOptions,
  createAnswers,
  isTruthTable,
  publicManifestCore,
  hasLabels,
  publicTable,
  writeBoth,
  type Answers,
} from './benchmark.ts'
import type { Audit } from '../audit/audit.ts'

/** What a run can inject and write besides the built-ins: bound once by `createEngine`. */
export interface RunParts {
  readonly patterns: PatternSet
  readonly exporters: Readonly<Record<string, Exporter>>
}

const builtinParts: RunParts = { patterns: patternRegistry, exporters: builtinExporters }

type Row = Record<string, unknown>

/** Rows the population phase builds (ownership estimated as in progress.ts): the denominator of its progress. */
function populationRows(c: ValidConfig['counts']): number {
  return Math.max(1, c.persons + c.companies * 4 + c.accounts)
}

/** Runs a stepped synchronous phase, reporting, checking for abort and pausing for the host between steps. */
async function drainSteps<T>(
  steps: Generator<number, T, void>,
  opts: RunOptions,
  onStep: (done: number) => void,
): Promise<T> {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    onStep(r.value)
    opts.signal?.throwIfAborted()
    if (opts.pause) await opts.pause()
  }
}

/** A turn for the host's event loop (lanes' answers arrive there), then a look at the cancel; none without `pause`. */
function idleOf(opts: RunOptions): (() => Promise<void>) | undefined {
  const pause = opts.pause
  if (!pause) return undefined
  return async () => {
    await pause()
    opts.signal?.throwIfAborted()
  }
}

function isLaneTable(name: string): name is LaneTable {
  return (laneTables as readonly string[]).includes(name)
}

/** Lanes encode rows in other threads, so this one never holds them: say so rather than quietly run on one thread. */
function checkOptions(opts: RunOptions, perTable: boolean): Shard | null {
  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : null
  if (shard && !perTable)
    throw new ConfigError([
      {
        path: 'shard',
        message: `cannot split ${opts.format === 'json' ? 'dataset.json' : opts.format}`,
        hint: 'use format csv or jsonl with shards',
      },
    ])
  // Lanes hand back CSV or JSON Lines bytes (createRangeEncoder), which only those two writers can splice in.
  const laneFormat = opts.format === 'csv' || opts.format === 'jsonl'
  if (opts.lanes && !laneFormat)
    throw new EngineError(
      `lanes encode csv or jsonl rows in other threads, so they cannot write format ${opts.format}: leave lanes out for this run`,
    )
  return shard
}

/** Per-phase durations from the host's clock (statistics only; without `now` every phase takes 0 ms). */
function phaseTimer(now: () => number) {
  const started = now()
  const phases: PhaseStat[] = []
  let phaseStart = started
  return {
    phases,
    end(name: string, rows: number) {
      const t = now()
      phases.push({ name, ms: t - phaseStart, rows })
      phaseStart = t
    },
    total: () => now() - started,
  }
}

function perTableCounts(sources: Record<TableName, TableSource>, pick: (s: TableSource) => number) {
  return Object.fromEntries(tableNames.map((t) => [t, pick(sources[t])])) as Record<TableName, number>
}

function isBuiltinFormat(format: string): format is TextFormat {
  return Object.hasOwn(formatFiles, format)
}

/** The format's writer, and whether it writes one file per table. */
function formatOf(parts: RunParts, format: string) {
  if (isBuiltinFormat(format))
    return {
      perTable: format !== 'json',
      open: (opts: RunOptions, manifest: unknown, hasher: HasherFactory, _run: ExportRun): DatasetWriter =>
        createDatasetWriter(format, opts.sink, manifest, hasher),
    }
  // The engine's own exporters (export/registry.ts) first, then those an engine was created with.
  const custom = Object.hasOwn(builtinExporters, format)
    ? builtinExporters[format]
    : Object.hasOwn(parts.exporters, format)
      ? parts.exporters[format]
      : undefined
  if (!custom) {
    // An engine's exporters include the built-in ones: each name once.
    const known = [
      ...new Set([...Object.keys(formatFiles), ...Object.keys(builtinExporters), ...Object.keys(parts.exporters)]),
    ].join(', ')
    throw new ConfigError([{ path: 'format', message: `${format} is not a known format`, hint: `use one of ${known}` }])
  }
  return {
    perTable: custom.perTable,
    open: (opts: RunOptions, manifest: unknown, hasher: HasherFactory, run: ExportRun) =>
      custom.create(opts.sink, manifest, hasher, run),
  }
}

interface TableRun {
  readonly name: TableName
  readonly source: TableSource
  readonly writeRow: (row: Row) => Promise<void> | void
  readonly report: (rows: number) => void
}

/** The plain path: every row through this thread, feeding the graph and the previews on the way. */
async function writeRows(t: TableRun, observe: ((row: unknown) => void) | undefined, keep: number, kept: Row[]) {
  let n = 0
  for (const row of t.source.rows()) {
    const pending = t.writeRow(row as Row)
    if (pending) await pending
    observe?.(row)
    if (n < keep) kept.push(rowToCells(tables[t.name], row as Row))
    if (++n % CHUNK_ROWS === 0) t.report(n)
  }
  return n
}

/** One shard's part of an event table. */
async function writeShard(t: TableRun, rows: Iterable<unknown>) {
  let n = 0
  for (const row of rows) {
    await t.writeRow(row as Row)
    if (++n % CHUNK_ROWS === 0) t.report(n)
  }
  return n
}

async function writeManifest(
  opts: RunOptions,
  hasher: HasherFactory,
  manifestCore: Record<string, unknown>,
  dataFiles: readonly FileInfo[],
  written: Partial<Record<TableName, number>> | null,
  shard: Shard | null,
): Promise<FileInfo> {
  const file = await FileWriter.open(opts.sink, 'manifest.json', hasher)
  const fileEntries = dataFiles.map((f) => ({
    ...f,
    // Writers of files that are not one table each count their rows themselves.
    rows: f.rows !== undefined ? f.rows : written ? (written[f.name.replace(/\.[a-z]+$/, '') as TableName] ?? 0) : null,
  }))
  const shardInfo = shard ? { shard: { index: shard.index + 1, count: shard.count } } : {}
  await file.write(JSON.stringify({ ...manifestCore, ...shardInfo, files: fileEntries }, null, 2) + '\n')
  return file.close()
}

/**
 * Generates one dataset and streams it to `opts.sink` in `opts.format`, table by table, followed by
 * `manifest.json`. Same config and seed give the same bytes on any machine and any day. The config comes from
 * `validateConfig` (the caller's boundary) and is not checked again.
 */
export function runGeneration(config: ValidConfig, opts: RunOptions): Promise<RunResult> {
  return generateWith(builtinParts, config, opts)
}

type Timer = ReturnType<typeof phaseTimer>
type Reporter = ReturnType<typeof createProgress>

/** The background population, the injected patterns and every table as a row source, with their counts. */
async function prepare(
  parts: RunParts,
  config: ValidConfig,
  opts: RunOptions,
  timer: Timer,
  progress: Reporter,
  shard: Shard | null,
  prefetch: LegPrefetch | null,
  secret?: readonly number[],
) {
  const { signal } = opts
  const c = config.counts
  progress.phase('population')
  const bg = await drainSteps(backgroundSteps(config, secret), opts, (built) =>
    progress.setup(built / populationRows(c)),
  )
  timer.end('population', c.persons + c.companies + c.accounts + bg.population.ownership.length)
  signal?.throwIfAborted()
  progress.phase('injection')
  // Suspicious instances and their look-alikes (a prevalence target may need more; progress is clamped).
  const ratio = resolveKnobs(config.difficulty, config.difficultyKnobs).lookalikeRatio
  const instances = Math.max(1, Object.values(config.patterns).reduce((n, p) => n + p.count, 0) * (1 + ratio))
  const injected = await drainSteps(
    injectionSteps(bg.root, bg.world, config, bg.codecs, parts.patterns, signal),
    opts,
    (done) => progress.setup(done / instances),
  )
  timer.end('injection', injected.patterns.length)
  // The entity tables are written sorted by id; sorting a large population in one go would block for seconds.
  const entities: Record<string, readonly { id: string }[]> = {}
  for (const table of ['persons', 'companies', 'ownership', 'accounts'] as const) {
    const rows: readonly { id: string }[] = [...bg.population[table], ...injected.rows[table]]
    entities[table] = await drainSteps(sortByIdSteps(rows), opts, () => undefined)
  }
  const built = buildTableSources(bg, injected, c, entities as SortedEntities)
  timer.end('sorting', 0)
  // Before any table is written: the accounts table carries the opening balances the ledger settles on.
  const laneRows = !shard && (built.transactions.merge?.background ?? 0) >= LANE_RANGE_ROWS
  const ledger =
    prefetch && prefetch.rows === built.transactions.merge?.background
      ? await ledgerInLanes(bg, injected, built, prefetch, () => signal?.throwIfAborted())
      : await drainSteps(ledgerSteps(bg, injected, built, shard, !opts.lanes || !laneRows), opts, () => undefined)
  const sources = withLedger(built, ledger)
  timer.end('ledger', c.transactions)
  const counts = perTableCounts(sources, (s) => s.count)
  progress.plan(counts)
  return { bg, injected, sources, counts, ledger, injectedCounts: perTableCounts(sources, (s) => s.injected) }
}

interface TableWriting {
  readonly opts: RunOptions
  readonly writer: DatasetWriter
  readonly shard: Shard | null
  readonly progress: Reporter
  readonly graph: ReturnType<typeof createGraphCollector> | null
  readonly audit: Audit | null
  /** Benchmark mode's answers folder: the truth tables and label columns go there, not to `writer`. */
  readonly answers: Answers | null
  readonly previewRows: number
  readonly observers: readonly RowObserver[]
  /** The ledger's plan: shards and lanes book their transaction rows from it (the plain path's rows come booked). */
  readonly ledger: LedgerPlan | null
}

/** Both row callbacks in turn (either may be missing). */
function both(a?: (row: unknown) => void, b?: (row: unknown) => void): ((row: unknown) => void) | undefined {
  if (!a || !b) return a ?? b
  return (row) => {
    a(row)
    b(row)
  }
}

/** The reports observers make (realism.json …), written after the tables and listed in the manifest. */
async function writeReports(observers: readonly RowObserver[], opts: RunOptions, hasher: HasherFactory) {
  const files: FileInfo[] = []
  for (const o of observers) {
    const made = o.finish()
    if (!made) continue
    const file = await FileWriter.open(opts.sink, made.name, hasher)
    await file.write(made.text)
    files.push({ ...(await file.close()), rows: null }) // a report, not a table
  }
  return files
}

/** The audit's view of table `name`. */
function auditObserver(w: TableWriting, name: TableName): ((row: unknown) => void) | undefined {
  const audit = w.audit
  return audit ? (row) => audit.observe(name, row) : undefined
}

/** What the reports read of a table written through lanes: the fields the lanes pack, and who reads the rows. */
function laneObserving(w: TableWriting, name: TableName, observe?: (row: unknown) => void): Observing | undefined {
  const row = both(observe, auditObserver(w, name))
  if (!row) return undefined
  const all = allFields(tables[name])
  const wanted = new Set([
    ...observedFields(w.observers, name, all),
    ...(w.audit?.fields(name, all) ?? []),
    ...(w.graph?.fields(name) ?? []),
  ])
  // The graph, the previews and the audit keep rows; the reports that read in place do not.
  const inPlace = readInPlace(w.observers, name) && !w.graph && w.previewRows === 0 && !w.audit
  return { fields: all.filter((f) => wanted.has(f)), row, inPlace }
}

/**
 * The graph and the previews read a few rows of a lane table whole, where the lanes send only the fields the
 * reports read: background row i is drawn again here (a pure function of the seed and i), with what the lane sent
 * on top (the balances the merge gave it). `track` must see every row first, in output order.
 */
function wholeRows(merge: NonNullable<TableSource['merge']>) {
  const injected = new Set(merge.extra)
  let next = 0
  let current = -1
  return {
    track: (row: unknown) => {
      current = injected.has(row) ? -1 : next++
    },
    whole: (row: unknown): unknown => (current < 0 ? row : { ...(merge.stream.row(current) as Row), ...(row as Row) }),
  }
}

/** The graph's and the previews' view of a lane table (see wholeRows), or undefined when neither reads it. */
function laneWholeReaders(w: TableWriting, name: TableName, merge: NonNullable<TableSource['merge']>, kept: Row[]) {
  const rows = wholeRows(merge)
  const graph = w.graph?.observer(name, rows.whole)
  const keep = w.previewRows
  const preview =
    keep > 0
      ? (row: unknown) => {
          if (kept.length < keep) kept.push(rowToCells(tables[name], rows.whole(row) as Row))
        }
      : undefined
  const reads = both(graph, preview)
  return reads && both(rows.track, reads)
}

/** A shard's transactions with their balances, from the balances the pre-pass kept at the shard's first row. */
function shardBooked(plan: LedgerPlan, shard: Shard): Iterable<unknown> {
  const { from, to, mine } = shardPart(plan.stream, plan.extra, (r) => r.timestamp, shard)
  return bookedRows(plan.stream, from, to, mine, plan.book, plan.start)
}

/** Writes one table by one of the three paths (a shard's part, lanes, or every row here); null when it is not this shard's. */
async function writeTable(
  w: TableWriting,
  name: TableName,
  source: TableSource,
): Promise<{ n: number; kept: Row[] } | null> {
  const { opts, writer, shard, progress } = w
  const merge = source.merge
  // Sharded: each shard writes its part of every event table; the small tables only go with the first shard.
  const part = shard && merge && isLaneTable(name) ? shardRows(merge.stream, merge.extra, merge.time, shard) : null
  if (shard && !part && shard.index > 0) return null
  progress.phase(name)
  const answers = w.answers
  if (answers && isTruthTable(name)) return { n: await answers.writeTruth(tables[name], source.rows()), kept: [] }
  const labels = answers && hasLabels(tables[name]) ? await answers.beginLabels(tables[name]) : null
  const table = answers ? publicTable(tables[name]) : tables[name]
  const publicRow = await writer.beginTable(table, !part || shard?.index === 0)
  const writeRow = labels ? writeBoth(publicRow, labels.write) : publicRow
  const report = (rows: number) => {
    opts.signal?.throwIfAborted()
    progress.rows(name, rows)
  }
  const t: TableRun = { name, source, writeRow, report }
  const kept: Row[] = []
  const reports = observerOf(w.observers, name)
  const observe = both(w.graph?.observer(name), reports)
  let n: number
  const ledger = name === 'transactions' ? w.ledger : null
  // Transactions that nothing keeps as rows (reports that read in place, no graph, audit or preview) go straight
  // from their specs to CSV, the reports reading each row's view.
  const direct = ledger && !labels && !w.graph && !w.audit && w.previewRows === 0 && readInPlace(w.observers, name)
  const file = direct ? (writer.csvFile?.() ?? null) : null
  if (part && ledger && file) {
    const { from, to, mine } = shardPart(ledger.stream, ledger.extra, (r) => r.timestamp, shard as Shard)
    n = await writeBookedCsv(ledger.stream, from, to, mine, ledger.book, ledger.start, file, writeRow, report, reports)
  } else if (part) n = await writeShard(t, ledger ? shardBooked(ledger, shard as Shard) : part.rows)
  else if (opts.lanes && merge && writer.raw && isLaneTable(name) && merge.background >= LANE_RANGE_ROWS) {
    // Small tables stay on this thread: a lane's start-up costs more than encoding them here.
    // With a way to give the event loop a turn, this thread encodes too whenever the lanes are behind.
    const format = opts.format as 'csv' | 'jsonl'
    const idle = idleOf(opts)
    const local = idle ? localLane(merge.stream, format, name, idle) : undefined
    const laneLedger = ledger
      ? {
          run: new RunningLedger(ledger.book, ledger.opening.slice()),
          tails: new BalanceTails(format, tables[name], ledger.book),
        }
      : undefined
    await writeWithLanes(
      opts.lanes,
      name,
      merge.background,
      merge.extra,
      merge.time,
      writer.raw,
      writeRow,
      report,
      laneObserving(w, name, both(laneWholeReaders(w, name, merge, kept), reports)),
      local,
      laneLedger,
      ledger?.ranges ?? undefined,
    )
    n = source.count
  } else if (ledger && file) {
    const { stream, extra, book, opening } = ledger
    n = await writeBookedCsv(stream, 0, stream.count, extra, book, opening, file, writeRow, report, reports)
  } else n = await writeRows(t, both(observe, auditObserver(w, name)), w.previewRows, kept)
  await writer.endTable()
  await labels?.end()
  progress.rows(name, n)
  return { n, kept }
}

export async function generateWith(parts: RunParts, config: ValidConfig, opts: RunOptions): Promise<RunResult> {
  const format = formatOf(parts, opts.format)
  const shard = checkOptions(opts, format.perTable)
  checkAuditOptions(opts, shard)
  const secret = checkBenchmarkOptions(opts)
  opts.signal?.throwIfAborted()
  const now = opts.now ?? (() => 0)
  const timer = phaseTimer(now)
  const progress = createProgress(opts.onProgress, now, config.counts, ROW_COST)
  // The lanes draw the ledger's legs while this thread builds the population and injects (see LegPrefetch).
  const prefetch =
    canFillLegs(opts.lanes) && !shard && config.counts.transactions >= LANE_RANGE_ROWS
      ? new LegPrefetch(opts.lanes, config.counts.transactions)
      : null
  const prepared = await prepare(parts, config, opts, timer, progress, shard, prefetch, secret)
  const { bg, injected, sources, counts, injectedCounts, ledger } = prepared

  const manifestCore = {
    product: 'fincrime-synth',
    version: PRODUCT_VERSION,
    format: opts.format,
    seed: config.seed,
    config: recordedConfig(config),
    counts,
    injected: injectedCounts,
    dictionary: describeTables(),
  }
  const hasher = opts.hasher ?? jsHasher
  const answers = opts.benchmark ? createAnswers(opts.benchmark, opts.format as 'csv' | 'jsonl', hasher) : null
  const core = answers ? publicManifestCore(manifestCore, counts) : manifestCore
  const writer = format.open(opts, core, hasher, { truth: injected, config })
  const graph = opts.graph ? createGraphCollector(bg.world, injected, opts.graph.maxContextEdges) : null
  const previewRows = opts.previewRows ?? 0
  const audit = startAudit(opts, config, injected, counts, injectedCounts)
  const observers = shard || opts.realism === false ? [] : [createRealismCollector()]
  const w: TableWriting = {
    opts,
    writer,
    shard,
    progress,
    graph,
    audit,
    answers,
    previewRows,
    observers,
    ledger,
  }
  const preview: Partial<Record<TableName, Row[]>> = {}
  const written: Partial<Record<TableName, number>> = {}
  for (const name of tableNames) {
    const done = await writeTable(w, name, sources[name])
    if (!done) continue
    written[name] = done.n
    if (previewRows > 0) preview[name] = done.kept
    timer.end(name, done.n)
  }
  opts.signal?.throwIfAborted()
  // Reports read the labels (realism.json keeps to background rows): in benchmark mode they are answers too.
  const reports = await writeReports(observers, answers ? { ...opts, sink: answers.sink } : opts, hasher)
  const dataFiles = [...(await writer.finish()), ...(answers ? [] : reports)]
  // The audit is computed from the ground truth: in benchmark mode it is one of the answers.
  const audited = audit ? await finishAudit(audit, answers?.sink ?? opts.sink, hasher) : null
  if (audited) {
    if (!answers) dataFiles.push(audited.file)
    timer.end('audit', 0)
  }
  const manifest = await writeManifest(opts, hasher, core, dataFiles, format.perTable ? written : null, shard)
  const answerFiles = answers
    ? await answers.finish(
        { ...manifestCore, benchmark: { secret: opts.benchmark?.secret, public_manifest_sha256: manifest.sha256 } },
        [...reports, ...(audited ? [audited.file] : [])],
      )
    : null
  progress.done()

  const totalMs = timer.total()
  const totalRows = tableNames.reduce((sum, t) => sum + counts[t], 0)
  return {
    config,
    counts,
    injected: injectedCounts,
    phases: timer.phases,
    totalMs,
    rowsPerSecond: totalMs > 0 ? Math.round((totalRows / totalMs) * 1000) : 0,
    files: [...dataFiles, manifest],
    patterns: injected.patterns,
    members: injected.members,
    graph: graph?.result() ?? null,
    audit: audited?.summary ?? null,
    answers: answerFiles,
    preview,
  }
}
