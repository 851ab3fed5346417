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
import { zipFiles } from './zip.ts'
import { capGraph } from './graph-cap.ts'
import { layoutOf, placeNodes, type GraphLayout, type InstanceRef, type Placement } from './graph-layout.ts'
import { ringSubgraph, ringThumbs, type RingThumb } from './ring-gallery.ts'
import { activityHistogram, type Activity } from './activity.ts'
import { fileStem } from './file-names.ts'
import { dictionaryCsv, readme } from './zip-docs.ts'

export type { GraphLayout } from './graph-layout.ts'
export type { RingThumb } from './ring-gallery.ts'
export type { Activity } from './activity.ts'
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
}

export type GenerateResponse =
  { readonly ok: true; readonly summary: RunSummary } | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

export interface Download {
  readonly name: string
  readonly mime: string
  readonly bytes: Uint8Array
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

/**
 * The worker's task-shaped surface over the engine. Plain async functions with no comlink in sight, so Node tests
 * call it directly; `engine.worker.ts` adds the transfers. It re-validates every config: the page's checks are
 * for feedback, these are authoritative.
 */
export function createEngineApi() {
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
    const result = await runGeneration(config, {
      format: 'csv',
      sink: tee,
      onProgress,
      now,
      graph: { maxContextEdges: GRAPH_CONTEXT_EDGES },
      // Tab-sized runs carry the separability audit (audit.json in the zip, the summary on the page).
      audit: auditByDefault(config.counts),
    })
    const capped = result.graph && capGraph(result.graph, result.patterns)
    const instances = result.patterns.map((p) => ({ id: p.id, kind: p.kind }))
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
    }
  }

  return {
    describeCatalog(): Catalog {
      return describeCatalog()
    },

    async generate(input: unknown, onProgress?: (p: Progress) => void): Promise<GenerateResponse> {
      const checked = validateConfig(input)
      if (!checked.ok) return { ok: false, issues: checked.issues }
      const key = JSON.stringify(checked.config)
      const { result, heads, graph, graphPatterns } = await runCsv(checked.config, key, onProgress)
      const { preview: _preview, members: _members, ...rest } = result
      return { ok: true, summary: { ...rest, graph, graphPatterns, runKey: key, heads } }
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

    /**
     * The CSV files and manifest.json exactly as the sink received them (what the CLI writes), in one zip, with a
     * README.md and dictionary.csv for people who open the zip before reading any docs.
     */
    async exportZip(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      const { config, key } = resolve(input)
      // Same config and seed give the same bytes, so a run lost with a restarted worker is simply made again.
      if (!held || held.key !== key) await runCsv(config, key, onProgress)
      const run = held as HeldRun | null
      if (!run) throw new Error('the CSV run did not complete')
      const catalog = describeCatalog()
      const docs: [string, Uint8Array[]][] = [
        ['README.md', [readme(catalog, config, run.counts)]],
        ['dictionary.csv', [dictionaryCsv(catalog)]],
      ]
      const bytes = zipFiles([...run.sink.files, ...docs])
      return { name: `${fileStem(config.seed)}-csv.zip`, mime: 'application/zip', bytes }
    },

    /** `dataset.json` from a fresh JSON run of the same config; cheaper than keeping a second copy of the data around. */
    async exportJson(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      const { config } = resolve(input)
      const sink = createMemorySink()
      await runGeneration(config, { format: 'json', sink, onProgress, now })
      if (!sink.files.has('dataset.json'))
        throw new Error(`the JSON run wrote ${[...sink.files.keys()].join(', ')} but no dataset.json`)
      return {
        name: `${fileStem(config.seed)}-dataset.json`,
        mime: 'application/json',
        bytes: sink.bytes('dataset.json'),
      }
    },

    /** Any other output format (Parquet, Neo4j, GraphSON, AMLworld, graph ML): a fresh run of it, every file in one zip. */
    async exportFormat(input: unknown, format: OutputFormat, onProgress?: (p: Progress) => void): Promise<Download> {
      const { config } = resolve(input)
      // The files and their zip live in the tab's memory: refuse early what would not fit, pointing at the CLI.
      const estimate = estimateResources(config, { format })
      const need = estimate.peakMemoryBytes + 2 * estimate.outputBytes
      if (need > TAB_MEMORY_BUDGET_BYTES)
        throw new Error(
          `${format} of this config needs about ${Math.ceil(need / 2 ** 20)} MiB, more than a browser tab should hold (${TAB_MEMORY_BUDGET_BYTES / 2 ** 20} MiB): lower the counts or use the CLI (--format ${format})`,
        )
      const sink = createMemorySink()
      await runGeneration(config, { format, sink, onProgress, now })
      return { name: `${fileStem(config.seed)}-${format}.zip`, mime: 'application/zip', bytes: zipFiles(sink.files) }
    },
  }
}

export type EngineApi = ReturnType<typeof createEngineApi>
