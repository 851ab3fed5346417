import {
  createMemorySink,
  describeCatalog,
  runGeneration,
  validateConfig,
  type Catalog,
  type ConfigIssue,
  type GraphData,
  type Progress,
  type ValidConfig,
  type RunResult,
} from '../engine/index.ts'
import { withHeadCapture } from './head-sink.ts'
import { zipFiles } from './zip.ts'
import { capGraph } from './graph-cap.ts'
import { layoutGraph, type GraphLayout, type InstanceRef } from './graph-layout.ts'

export type { GraphLayout } from './graph-layout.ts'
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
  readonly graph: GraphData | null
  readonly instances: readonly InstanceRef[]
}

function resolve(input: unknown): { config: ValidConfig; key: string } {
  const checked = validateConfig(input)
  if (!checked.ok) {
    const first = checked.issues[0]
    throw new Error(`Invalid config: ${first.path} ${first.message} (${first.hint})`)
  }
  return { config: checked.config, key: JSON.stringify(checked.config) }
}

function fileStem(config: ValidConfig): string {
  return `fincrime-synth-seed-${String(config.seed)
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .slice(0, 40)}`
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
    })
    const capped = result.graph && capGraph(result.graph, result.patterns)
    const instances = result.patterns.map((p) => ({ id: p.id, kind: p.kind }))
    held = { key, config, sink, graph: capped?.graph ?? null, instances }
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
      if (!held || held.key !== runKey || !held.graph) return null
      return layoutGraph(held.graph, held.instances, kindOrder)
    },

    /** The CSV files and manifest.json exactly as the sink received them (what the CLI writes), in one zip. */
    async exportZip(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      const { config, key } = resolve(input)
      // Same config and seed give the same bytes, so a run lost with a restarted worker is simply made again.
      if (!held || held.key !== key) await runCsv(config, key, onProgress)
      const files = (held as HeldRun | null)?.sink.files
      if (!files) throw new Error('the CSV run did not complete')
      return { name: `${fileStem(config)}-csv.zip`, mime: 'application/zip', bytes: zipFiles(files) }
    },

    /** `dataset.json` from a fresh JSON run of the same config; cheaper than keeping a second copy of the data around. */
    async exportJson(input: unknown, onProgress?: (p: Progress) => void): Promise<Download> {
      const { config } = resolve(input)
      const sink = createMemorySink()
      await runGeneration(config, { format: 'json', sink, onProgress, now })
      if (!sink.files.has('dataset.json'))
        throw new Error(`the JSON run wrote ${[...sink.files.keys()].join(', ')} but no dataset.json`)
      return { name: 'dataset.json', mime: 'application/json', bytes: sink.bytes('dataset.json') }
    },
  }
}

export type EngineApi = ReturnType<typeof createEngineApi>
