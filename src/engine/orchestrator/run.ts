import type { ValidConfig } from '../config/schema.ts'
import { describeTables } from '../catalog.ts'
import { ConfigError } from '../errors.ts'
import { createDatasetWriter } from '../export/formats.ts'
import { FileWriter, jsHasher } from '../export/file-writer.ts'
import { createGraphCollector } from '../export/graph-collector.ts'
import { rowToCells } from '../export/cells.ts'
import { tables, tableNames, type TableName } from '../model/schema.ts'
import { PRODUCT_VERSION } from '../version.ts'
import { backgroundSteps, type Background } from './background.ts'
import { injectionSteps, type Injected } from './inject.ts'
import { shardRows } from './shards.ts'
import { LANE_RANGE_ROWS, laneTables, writeWithLanes, type LaneTable } from './lanes.ts'
import { CHUNK_ROWS, ROW_COST } from './phases.ts'
import { createProgress } from './progress.ts'
import { sortByIdSteps } from './stepped-sort.ts'
import { buildTableSources, type SortedEntities } from './table-sources.ts'
import type { FileInfo } from '../export/output.ts'
import type { PhaseStat, RunOptions, RunResult } from './types.ts'

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

function isLaneTable(name: string): name is LaneTable {
  return (laneTables as readonly string[]).includes(name)
}

/**
 * Generates one dataset and streams it to `opts.sink` in `opts.format`, table by table, followed by
 * `manifest.json`. Same config and seed give the same bytes on any machine and any day. The config comes from
 * `validateConfig` (the caller's boundary) and is not checked again.
 */
export async function runGeneration(config: ValidConfig, opts: RunOptions): Promise<RunResult> {
  const { signal } = opts
  signal?.throwIfAborted()
  const now = opts.now ?? (() => 0)
  const started = now()
  const phases: PhaseStat[] = []
  let phaseStart = started
  const endPhase = (name: string, rows: number) => {
    const t = now()
    phases.push({ name, ms: t - phaseStart, rows })
    phaseStart = t
  }

  const c = config.counts
  const progress = createProgress(opts.onProgress, now, c, ROW_COST)

  progress.phase('population')
  const bg: Background = await drainSteps(backgroundSteps(config), opts, (built) =>
    progress.setup(built / populationRows(c)),
  )
  const { root, world, codecs, population } = bg
  endPhase('population', c.persons + c.companies + c.accounts + population.ownership.length)
  signal?.throwIfAborted()

  progress.phase('injection')
  const instances = Math.max(
    1,
    Object.values(config.patterns).reduce((n, p) => n + p.count, 0),
  )
  const injected: Injected = await drainSteps(injectionSteps(root, world, config, codecs, signal), opts, (done) =>
    progress.setup(done / instances),
  )
  endPhase('injection', injected.patterns.length)

  // The entity tables are written sorted by id; sorting a large population in one go would block for seconds.
  const entities: Record<string, readonly { id: string }[]> = {}
  for (const table of ['persons', 'companies', 'ownership', 'accounts'] as const) {
    const rows: readonly { id: string }[] = [...population[table], ...injected.rows[table]]
    entities[table] = await drainSteps(sortByIdSteps(rows), opts, () => undefined)
  }
  const sources = buildTableSources(bg, injected, c, entities as SortedEntities)
  const counts = Object.fromEntries(tableNames.map((t) => [t, sources[t].count])) as Record<TableName, number>
  const injectedCounts = Object.fromEntries(tableNames.map((t) => [t, sources[t].injected])) as Record<
    TableName,
    number
  >
  progress.plan(counts)

  const manifestCore = {
    product: 'fincrime-synth',
    version: PRODUCT_VERSION,
    format: opts.format,
    seed: config.seed,
    config,
    counts,
    injected: injectedCounts,
    dictionary: describeTables(),
  }
  const hasher = opts.hasher ?? jsHasher
  const writer = createDatasetWriter(opts.format, opts.sink, manifestCore, hasher)
  const graph = opts.graph ? createGraphCollector(world, injected, opts.graph.maxContextEdges) : null
  const preview: Partial<Record<TableName, Record<string, unknown>[]>> = {}
  const previewRows = opts.previewRows ?? 0

  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : null
  if (shard && opts.format === 'json')
    throw new ConfigError([
      { path: 'shard', message: 'cannot split dataset.json', hint: 'use format csv or jsonl with shards' },
    ])
  const written: Partial<Record<TableName, number>> = {}

  for (const name of tableNames) {
    const merge = sources[name].merge
    // Sharded: each shard writes its part of every event table; the small tables only go with the first shard.
    const part = shard && merge && isLaneTable(name) ? shardRows(merge.stream, merge.extra, merge.time, shard) : null
    if (shard && !part && shard.index > 0) continue
    progress.phase(name)
    const table = tables[name]
    const writeRow = await writer.beginTable(table, !part || shard?.index === 0)
    const observe = graph?.observer(name)
    const kept: Record<string, unknown>[] = []
    let n = 0
    const raw = writer.raw
    if (part) {
      for (const row of part.rows) {
        await writeRow(row as Record<string, unknown>)
        if (++n % CHUNK_ROWS === 0) {
          signal?.throwIfAborted()
          progress.rows(name, n)
        }
      }
    } else if (
      opts.lanes &&
      merge &&
      raw &&
      !graph &&
      previewRows === 0 &&
      isLaneTable(name) &&
      merge.background >= LANE_RANGE_ROWS
    ) {
      await writeWithLanes(opts.lanes, name, merge.background, merge.extra, merge.time, raw, writeRow, (rows) => {
        signal?.throwIfAborted()
        progress.rows(name, rows)
      })
      n = sources[name].count
    } else {
      for (const row of sources[name].rows()) {
        const pending = writeRow(row as Record<string, unknown>)
        if (pending) await pending
        observe?.(row)
        if (n < previewRows) kept.push(rowToCells(table, row as Record<string, unknown>))
        if (++n % CHUNK_ROWS === 0) {
          signal?.throwIfAborted()
          progress.rows(name, n)
        }
      }
    }
    await writer.endTable()
    written[name] = n
    progress.rows(name, n)
    if (previewRows > 0) preview[name] = kept
    endPhase(name, n)
  }
  signal?.throwIfAborted()
  const dataFiles = await writer.finish()
  const manifestFile = await FileWriter.open(opts.sink, 'manifest.json', hasher)
  const fileEntries = dataFiles.map((f) => ({
    ...f,
    rows: opts.format === 'json' ? null : (written[f.name.replace(/\.(csv|jsonl)$/, '') as TableName] ?? 0),
  }))
  const shardInfo = shard ? { shard: { index: shard.index + 1, count: shard.count } } : {}
  await manifestFile.write(JSON.stringify({ ...manifestCore, ...shardInfo, files: fileEntries }, null, 2) + '\n')
  const files: FileInfo[] = [...dataFiles, await manifestFile.close()]
  progress.done()

  const totalMs = now() - started
  // Rows this run wrote: a shard writes only its part of each table.
  const totalRows = tableNames.reduce((sum, t) => sum + (written[t] ?? 0), 0)
  return {
    config,
    counts,
    injected: injectedCounts,
    phases,
    totalMs,
    rowsPerSecond: totalMs > 0 ? Math.round((totalRows / totalMs) * 1000) : 0,
    files,
    patterns: injected.patterns,
    members: injected.members,
    graph: graph?.result() ?? null,
    preview,
  }
}
