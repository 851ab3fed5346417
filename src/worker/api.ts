import {
  createMemorySink,
  describeCatalog,
  runGeneration,
  validateConfig,
  type Catalog,
  type ConfigIssue,
  type GraphData,
  type Progress,
  type ResolvedConfig,
  type RunResult,
} from '../engine/index.ts'
import type { FcoseLayoutOptions } from 'cytoscape-fcose'
import { withHeadCapture } from './head-sink.ts'
import { zipFiles } from './zip.ts'

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

export type GenerateResponse = { readonly ok: true; readonly summary: RunSummary } | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

export interface Download {
  readonly name: string
  readonly mime: string
  readonly bytes: Uint8Array
}

type MemorySink = ReturnType<typeof createMemorySink>
type Positions = Map<string, readonly [number, number]>

export interface GraphLayout {
  /** Node ids and their positions, interleaved x, y (a transferable typed array). */
  readonly ids: readonly string[]
  readonly xy: Float64Array
  readonly quality: 'draft' | 'default' | 'proof'
  readonly ms: number
}

/**
 * Elements (nodes plus edges) the page draws at most. Each one costs a share of every canvas frame, and a
 * software-rendered frame of much more than this goes past 50 ms; bigger runs are for downloading, the graph is for looking.
 */
export const MAX_GRAPH_ELEMENTS = 2_000

/** Whole pattern instances, taken in turn from each kind until the element budget is spent, plus context around them. */
function capGraph(graph: GraphData, patterns: RunResult['patterns']): { graph: GraphData; shown: string[] | null } {
  if (graph.nodes.length + graph.edges.length <= MAX_GRAPH_ELEMENTS) return { graph, shown: null }
  const membersOf = new Map<string, string[]>()
  for (const n of graph.nodes) for (const p of n.patternIds) membersOf.set(p, [...(membersOf.get(p) ?? []), n.id])
  const edgesOf = new Map<string, number>()
  for (const e of graph.edges) if (e.patternId) edgesOf.set(e.patternId, (edgesOf.get(e.patternId) ?? 0) + 1)
  const queues = new Map<string, string[]>()
  for (const p of patterns) queues.set(p.kind, [...(queues.get(p.kind) ?? []), p.id])
  const keep = new Set<string>()
  const shown: string[] = []
  let spent = 0
  for (let round = 0, added = true; added; round++) {
    added = false
    for (const ids of queues.values()) {
      const id = ids[round]
      const cost = id === undefined ? 0 : (membersOf.get(id)?.length ?? 0) * 2 + (edgesOf.get(id) ?? 0)
      if (id === undefined || spent + cost > MAX_GRAPH_ELEMENTS * 0.8) continue
      membersOf.get(id)?.forEach((n) => keep.add(n))
      shown.push(id)
      spent += cost
      added = true
    }
  }
  const context = new Set(graph.nodes.filter((n) => n.patternIds.length === 0).map((n) => n.id))
  let edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target))
  for (const e of graph.edges) {
    const outside = keep.has(e.source) ? e.target : keep.has(e.target) ? e.source : null
    if (outside && context.has(outside) && keep.size + edges.length < MAX_GRAPH_ELEMENTS - 2) {
      keep.add(outside)
      edges.push(e)
    }
  }
  edges = [...new Set(edges)].slice(0, MAX_GRAPH_ELEMENTS - keep.size)
  return { graph: { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges, truncated: true }, shown }
}

/** fcose's spectral-only 'draft' quality keeps big graphs under a second (toolchain.md §4e). */
export const DRAFT_ABOVE_NODES = 700

let layoutModules: Promise<typeof import('cytoscape')> | null = null

/** Cytoscape and fcose load on the worker's first idle moment, so the first layout does not wait for them. */
function loadLayoutModules(): Promise<typeof import('cytoscape')> {
  layoutModules ??= Promise.all([import('cytoscape'), import('cytoscape-fcose')]).then(([{ default: cytoscape }, { default: fcose }]) => {
    cytoscape.use(fcose)
    return cytoscape
  })
  return layoutModules
}

/**
 * fcose in a headless cytoscape: the layout is a multi-hundred-millisecond synchronous task, which here blocks
 * only the worker; the page draws the result with a `preset` layout. When nearly all nodes were on the previous
 * graph (a tweak and regenerate), those stay pinned where they were and only the new ones are placed.
 */
async function layoutGraph(graph: GraphData, previous: Positions): Promise<{ layout: GraphLayout; positions: Positions }> {
  const cytoscape = await loadLayoutModules()
  const started = performance.now()
  const big = graph.nodes.length > DRAFT_ABOVE_NODES
  const known = graph.nodes.filter((n) => previous.has(n.id)).length
  const incremental = !big && known > 0 && known >= graph.nodes.length * 0.8
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 26, height: 26 } }],
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, position: incremental ? seedPosition(n.id, previous, graph) : undefined })),
      ...springs(graph).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  })
  const quality = big ? 'draft' : incremental ? 'proof' : 'default'
  const fixedNodeConstraint = incremental
    ? graph.nodes.flatMap((n) => {
        const at = previous.get(n.id)
        return at ? [{ nodeId: n.id, position: { x: at[0], y: at[1] } }] : []
      })
    : undefined
  const options: FcoseLayoutOptions = { name: 'fcose', animate: false, fit: false, randomize: !incremental, quality, nodeRepulsion: () => 6000, idealEdgeLength: () => 55, fixedNodeConstraint }
  cy.layout(options as unknown as import('cytoscape').LayoutOptions).run()
  const ids = cy.nodes().map((n) => n.id())
  const xy = new Float64Array(ids.length * 2)
  const positions: Positions = new Map()
  cy.nodes().forEach((n, i) => {
    const { x, y } = n.position()
    xy[2 * i] = x
    xy[2 * i + 1] = y
    positions.set(n.id(), [x, y])
  })
  cy.destroy() // a live headless instance keeps a timer running
  return { layout: { ids, xy, quality, ms: performance.now() - started }, positions }
}

/** One spring per linked pair: twenty deposits between the same two nodes should not pull twenty times as hard. */
function springs(graph: GraphData): GraphData['edges'] {
  const seen = new Set<string>()
  return graph.edges.filter((e) => {
    const pair = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`
    if (seen.has(pair) || e.source === e.target) return false
    seen.add(pair)
    return true
  })
}

/** A node's starting point: where it was last time, else beside a neighbour that was there, else near the origin. */
function seedPosition(id: string, previous: Positions, graph: GraphData): { x: number; y: number } {
  const jitter = (salt: number) => ((hash(id + salt) % 1000) / 1000 - 0.5) * 80
  const at = previous.get(id)
  if (at) return { x: at[0], y: at[1] }
  for (const e of graph.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null
    const near = other ? previous.get(other) : undefined
    if (near) return { x: near[0] + jitter(1), y: near[1] + jitter(2) }
  }
  return { x: jitter(3) * 5, y: jitter(4) * 5 }
}

function hash(text: string): number {
  let h = 2_166_136_261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619)
  return h >>> 0
}

interface HeldRun {
  readonly key: string
  readonly config: ResolvedConfig
  readonly sink: MemorySink
  readonly graph: GraphData | null
}

function resolve(input: unknown): { config: ResolvedConfig; key: string } {
  const checked = validateConfig(input)
  if (!checked.ok) {
    const first = checked.issues[0]
    throw new Error(`Invalid config: ${first.path} ${first.message} (${first.hint})`)
  }
  return { config: checked.config, key: JSON.stringify(checked.config) }
}

function fileStem(config: ResolvedConfig): string {
  return `fincrime-synth-seed-${String(config.seed).replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40)}`
}

/**
 * The worker's task-shaped surface over the engine. Plain async functions with no comlink in sight, so Node tests
 * call it directly; `engine.worker.ts` adds the transfers. It re-validates every config: the page's checks are
 * for feedback, these are authoritative.
 */
export function createEngineApi() {
  let held: HeldRun | null = null
  let positions: Positions = new Map()
  const now = () => performance.now()
  setTimeout(() => void loadLayoutModules(), 0)

  async function runCsv(config: ResolvedConfig, key: string, onProgress?: (p: Progress) => void) {
    held = null // never keep a half-written run if this one fails
    const sink = createMemorySink()
    const tee = withHeadCapture(sink)
    const result = await runGeneration(config, { format: 'csv', sink: tee, onProgress, now, graph: { maxContextEdges: GRAPH_CONTEXT_EDGES } })
    const capped = result.graph && capGraph(result.graph, result.patterns)
    held = { key, config, sink, graph: capped?.graph ?? null }
    return { result, heads: Object.fromEntries(tee.heads), graph: capped?.graph ?? null, graphPatterns: capped?.shown ?? null }
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

    /** Positions for the held run's graph; reuses the previous run's positions so a tweak moves only what changed. */
    async layoutGraph(runKey: string): Promise<GraphLayout | null> {
      if (!held || held.key !== runKey || !held.graph) return null
      const { layout, positions: next } = await layoutGraph(held.graph, positions)
      positions = next
      return layout
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
      if (!sink.files.has('dataset.json')) throw new Error(`the JSON run wrote ${[...sink.files.keys()].join(', ')} but no dataset.json`)
      return { name: 'dataset.json', mime: 'application/json', bytes: sink.bytes('dataset.json') }
    },
  }
}

export type EngineApi = ReturnType<typeof createEngineApi>
