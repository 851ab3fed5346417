import {
  auditByDefault,
  createMemorySink,
  describeCatalog,
  estimateResources,
  TAB_MEMORY_BUDGET_BYTES,
  runGeneration,
  validateConfig,
  type Catalog,
  type ConfigIssue,
  type GraphData,
  type OutputFormat,
  type Progress,
  type ValidConfig,
  type RunResult,
} from '../engine/index.ts'
import { withHeadCapture } from './head-sink.ts'
import { blockWriter, concat, writeZip, type FileChunks } from './zip.ts'
import { capGraph } from './graph-cap.ts'
import { layoutOf, placeNodes, type GraphLayout, type InstanceRef, type Placement } from './graph-layout.ts'
import { ringSubgraph, ringThumbs, type RingThumb } from './ring-gallery.ts'
import { activityHistogram, type Activity } from './activity.ts'
import { downloadFile } from './file-names.ts'
import { dictionaryCsv, readme } from './zip-docs.ts'
import { neighbourhood, type Neighbourhood } from './neighbours.ts'
import { createTabLanes } from './lane-pool.ts'
import { tabLaneCount } from './tab-lanes.ts'

export type { GraphLayout } from './graph-layout.ts'
export type { RingThumb } from './ring-gallery.ts'
export type { Activity } from './activity.ts'
export type { Neighbourhood } from './neighbours.ts'
export { MAX_GRAPH_ELEMENTS } from './graph-cap.ts'

/** Background edges the graph view gets besides the rings: enough context to read, few enough to lay out in well under a second. */
export const GRAPH_CONTEXT_EDGES = 150

/**
 * What `generate` sends to the page: counts, statistics, ground truth and the capped graph, never the rows.
 * The CSV files stay in the worker until a download asks for them; `heads` holds the first lines of each CSV
 * file for the table preview.
 */
export interface RunSummary extends Omit<RunResult, 'preview' | 'members'> {
  /** Identifies the data (the resolved config as JSON): the same key means the same bytes. */
  readonly runKey: string
  /** Pattern instances drawn on the graph when it had to be capped; null when every instance is on it. */
  readonly graphPatterns: readonly string[] | null
  readonly heads: Record<string, Uint8Array>
  /** Lanes (nested workers) that encoded rows besides the engine worker: 0 for a run on one thread. */
  readonly lanes: number
}

export type GenerateResponse =
  { readonly ok: true; readonly summary: RunSummary } | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

export interface Download {
  readonly name: string
  readonly mime: string
  readonly bytes: Uint8Array
}

/** What a streamed download wrote: its file name, type and size. */
export interface Written {
  readonly name: string
  readonly mime: string
  readonly bytes: number
}

/** Receives a download a block at a time; the next block waits until this one's promise settles. */
export type BlockSink = (block: Uint8Array) => Promise<void>

/** Generating gets this share of a download's progress bar when it has to run first; writing the file the rest. */
const RUN_SHARE = 0.7

/** Progress of writing the file, in the engine's own shape, reported only when the whole percentage changes. */
function writeProgress(onProgress: ((p: Progress) => void) | undefined, from: number) {
  let shown = -1
  return (fraction: number) => {
    const percent = Math.floor((from + (1 - from) * fraction) * 100)
    if (!onProgress || percent === shown) return
    shown = percent
    onProgress({
      phase: 'write',
      label: 'Writing the file',
      phaseIndex: 0,
      phaseCount: 1,
      fraction: percent / 100,
      rows: 0,
    })
  }
}

/** A run's progress squeezed into the first part of the bar, so writing the file afterwards never moves it back. */
function runProgress(onProgress: ((p: Progress) => void) | undefined) {
  return onProgress && ((p: Progress) => onProgress({ ...p, fraction: p.fraction * RUN_SHARE }))
}

type MemorySink = ReturnType<typeof createMemorySink>

interface HeldRun {
  readonly key: string
  readonly config: ValidConfig
  readonly sink: MemorySink
  readonly counts: RunResult['counts']
  readonly graph: GraphData | null
  /** The whole graph before the cap: the gallery and a focused ring that is not on the overview come from it. */
  readonly full: GraphData | null
  readonly instances: readonly InstanceRef[]
  /** Instances on the capped overview, or null when it has them all. */
  readonly drawn: readonly string[] | null
  placement?: Placement
}

/** A ring with its own positions, for the main view. */
export interface RingGraph {
  readonly graph: GraphData
  readonly layout: GraphLayout
}

function resolve(input: unknown): { config: ValidConfig; key: string } {
  const checked = validateConfig(input)
  if (!checked.ok) {
    const first = checked.issues[0]
    throw new Error(`Invalid config: ${first.path} ${first.message} (${first.hint})`)
  }
  return { config: checked.config, key: JSON.stringify(checked.config) }
}

/** A streamed download gathered into one buffer. */
async function collect(stream: (write: BlockSink) => Promise<Written>): Promise<Download> {
  const parts: Uint8Array[] = []
  const { name, mime } = await stream(async (block) => {
    parts.push(block)
  })
  return { name, mime, bytes: concat(parts) }
}

/** A fresh run of `format` into memory, refused early (pointing at the CLI) when it would not fit in a tab. */
async function runFormat(config: ValidConfig, format: OutputFormat, onProgress?: (p: Progress) => void) {
  if (format !== 'json') {
    // The files and their zip live in the tab's memory: refuse early what would not fit, pointing at the CLI.
    const estimate = estimateResources(config, { format })
    const need = estimate.peakMemoryBytes + 2 * estimate.outputBytes
    if (need > TAB_MEMORY_BUDGET_BYTES)
      throw new Error(
        `${format} of this config needs about ${Math.ceil(need / 2 ** 20)} MiB, more than a browser tab should hold (${TAB_MEMORY_BUDGET_BYTES / 2 ** 20} MiB): lower the counts or use the CLI (--format ${format})`,
      )
  }
  const sink = createMemorySink()
  await runGeneration(config, { format, sink, onProgress, now: () => performance.now() })
  return sink
}

let turns: MessageChannel | null = null
const turnsWaiting: (() => void)[] = []

/** A macrotask turn (not a 4 ms clamped timer), so lanes' answers and a cancel are seen between steps. */
function yieldTurn(): Promise<void> {
  if (!turns) {
    turns = new MessageChannel()
    turns.port1.onmessage = () => turnsWaiting.shift()?.()
    ;(turns.port1 as { unref?: () => void }).unref?.() // Node's tests of this module must still exit
  }
  const channel = turns
  return new Promise((resolve) => {
    turnsWaiting.push(resolve)
    channel.port2.postMessage(null)
  })
}

/** Lanes for a run in a browser's worker (nested workers exist there, not in Node's tests of this module). */
function browserLanes(config: ValidConfig): number {
  if (typeof Worker !== 'function' || typeof navigator === 'undefined') return 0
  return tabLaneCount(config, navigator.hardwareConcurrency || 1)
}

export interface EngineApiOptions {
  /** How many lanes a CSV run gets (default: the machine's cores less one, within the tab's memory budget). */
  readonly laneCount?: (config: ValidConfig) => number
}

/**
 * The worker's task-shaped surface over the engine. Plain async functions with no comlink in sight, so Node tests
 * call it directly; `engine.worker.ts` adds the transfers. It re-validates every config: the page's checks are
 * for feedback, these are authoritative.
 */
export function createEngineApi(options: EngineApiOptions = {}) {
  const laneCount = options.laneCount ?? browserLanes
  let held: HeldRun | null = null
  const now = () => performance.now()
  const kindOrder = describeCatalog().patterns.map((p) => p.kind)

  /**
   * Positions for the overview, computed once per run over the whole graph: the rings it draws take their cells and
   * their own shapes, everything else on it (also members of rings it leaves out) hangs off them as context.
   */
  function placed(runKey: string): (HeldRun & { full: GraphData; placement: Placement }) | null {
    if (!held || held.key !== runKey || !held.full) return null
    const drawn = held.drawn && new Set(held.drawn)
    held.placement ??= placeNodes(held.full, held.instances, kindOrder, drawn)
    return held as HeldRun & { full: GraphData; placement: Placement }
  }

  async function runCsv(config: ValidConfig, key: string, onProgress?: (p: Progress) => void) {
    held = null // never keep a half-written run if this one fails
    const sink = createMemorySink()
    const tee = withHeadCapture(sink)
    const count = laneCount(config)
    const lanes = count > 0 ? createTabLanes(config, count) : undefined
    let result: RunResult
    try {
      result = await runGeneration(config, {
        format: 'csv',
        sink: tee,
        onProgress,
        now,
        graph: { maxContextEdges: GRAPH_CONTEXT_EDGES },
        // Tab-sized runs carry the separability audit (audit.json in the zip, the summary on the page).
        audit: auditByDefault(config.counts),
        lanes,
        // This worker encodes too while the lanes are behind, and sees their answers between its own steps.
        pause: yieldTurn,
      })
    } finally {
      lanes?.close() // each holds a population: free it as soon as the rows are written
    }
    const capped = result.graph && capGraph(result.graph, result.patterns)
    const instances = result.patterns.map((p) => ({ id: p.id, kind: p.kind, resembles: p.resembles }))
    held = {
      key,
      config,
      sink,
      counts: result.counts,
      graph: capped?.graph ?? null,
      full: result.graph,
      instances,
      drawn: capped?.shown ?? null,
    }
    return {
      result,
      heads: Object.fromEntries(tee.heads),
      graph: capped?.graph ?? null,
      graphPatterns: capped?.shown ?? null,
      lanes: count,
    }
  }

  /**
   * A download written a block at a time to `write` (the page's file on disk, or its Blob parts), so neither side
   * holds the whole file: `csv` is the CSV files and manifest.json exactly as the sink received them (what the
   * CLI writes), in one zip with a README.md and dictionary.csv for people who open the zip before any docs;
   * `json` is dataset.json; any other format is a zip of every file a run of it writes.
   */
  async function streamDownload(
    input: unknown,
    format: OutputFormat,
    write: BlockSink,
    onProgress?: (p: Progress) => void,
  ): Promise<Written> {
    const { config, key } = resolve(input)
    const file = downloadFile(config.seed, format)
    if (format === 'csv') {
      // Same config and seed give the same bytes, so a run lost with a restarted worker is simply made again.
      const reran = !held || held.key !== key
      if (reran) await runCsv(config, key, runProgress(onProgress))
      const run = held as HeldRun | null
      if (!run) throw new Error('the CSV run did not complete')
      const catalog = describeCatalog()
      const files: FileChunks = [
        ...run.sink.files,
        ['README.md', [readme(catalog, config, run.counts)]],
        ['dictionary.csv', [dictionaryCsv(catalog)]],
      ]
      const bytes = await writeZip(files, write, writeProgress(onProgress, reran ? RUN_SHARE : 0))
      return { ...file, bytes }
    }
    const sink = await runFormat(config, format, runProgress(onProgress))
    if (format !== 'json')
      return { ...file, bytes: await writeZip([...sink.files], write, writeProgress(onProgress, RUN_SHARE)) }
    const chunks = sink.files.get('dataset.json')
    if (!chunks) throw new Error(`the JSON run wrote ${[...sink.files.keys()].join(', ')} but no dataset.json`)
    const out = blockWriter(write)
    const progress = writeProgress(onProgress, RUN_SHARE)
    for (const [i, chunk] of chunks.entries()) {
      await out.push(chunk)
      progress((i + 1) / chunks.length)
    }
    return { ...file, bytes: await out.end() }
  }

  return {
    describeCatalog(): Catalog {
      return describeCatalog()
    },

    async generate(input: unknown, onProgress?: (p: Progress) => void): Promise<GenerateResponse> {
      const checked = validateConfig(input)
      if (!checked.ok) return { ok: false, issues: checked.issues }
      const key = JSON.stringify(checked.config)
      const { result, heads, graph, graphPatterns, lanes } = await runCsv(checked.config, key, onProgress)
      const { preview: _preview, members: _members, ...rest } = result
      return { ok: true, summary: { ...rest, graph, graphPatterns, runKey: key, heads, lanes } }
    },

    /** Positions for the held run's graph: a function of the run alone, so a ring keeps its place across tweaks. */
    async layoutGraph(runKey: string): Promise<GraphLayout | null> {
      const started = performance.now()
      const run = placed(runKey)
      if (!run?.graph) return null
      const rings = new Set(run.graph.nodes.map((n) => run.placement.owner.get(n.id)).filter(Boolean)).size
      return { ...layoutOf(run.graph.nodes, run.placement.positions), rings, ms: performance.now() - started }
    },

    /** Labelled and background events over the window, counted from the held CSV files, for the timeline. */
    async activity(runKey: string): Promise<Activity | null> {
      if (!held || held.key !== runKey) return null
      const [y, m, d] = held.config.startDate.split('-').map(Number)
      return activityHistogram(held.sink.files, Date.UTC(y, m - 1, d), held.config.durationDays)
    },

    /** An entity's counterparties from the whole held dataset, capped, for expanding a node on the graph. */
    async neighbours(runKey: string, id: string): Promise<Neighbourhood | null> {
      if (!held || held.key !== runKey || !held.graph) return null
      return neighbourhood(held.sink.files, held.graph, id)
    },

    /** Small multiples for the gallery: each listed instance's own nodes around its centre. */
    async ringThumbs(runKey: string, ids: readonly string[]): Promise<RingThumb[] | null> {
      const run = placed(runKey)
      return run && ringThumbs(run.full, ids)
    },

    /** One instance and its neighbours with their overview positions, for focusing a ring the overview left out. */
    async ringGraph(runKey: string, patternId: string): Promise<RingGraph | null> {
      const started = performance.now()
      const run = placed(runKey)
      if (!run) return null
      const graph = ringSubgraph(run.full, patternId)
      // Laid out as the only ring drawn, in its own cell: the same shape as its gallery thumbnail.
      const alone = placeNodes(graph, run.instances, kindOrder, new Set([patternId]))
      const layout = { ...layoutOf(graph.nodes, alone.positions), rings: 1, ms: performance.now() - started }
      return { graph, layout }
    },

    streamDownload,

    /** The CSV zip (see `streamDownload`) as one buffer. */
    async exportZip(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      return collect((write) => streamDownload(input, 'csv', write, onProgress))
    },

    /** `dataset.json` from a fresh JSON run of the same config; cheaper than keeping a second copy of the data around. */
    async exportJson(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      return collect((write) => streamDownload(input, 'json', write, onProgress))
    },

    /** Any other output format (Parquet, Neo4j, GraphSON, AMLworld, graph ML): a fresh run of it, every file in one zip. */
    async exportFormat(input: unknown, format: OutputFormat, onProgress?: (p: Progress) => void): Promise<Download> {
      return collect((write) => streamDownload(input, format, write, onProgress))
    },
  }
}

export type EngineApi = ReturnType<typeof createEngineApi>
