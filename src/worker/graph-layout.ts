import type { FcoseLayoutOptions } from 'cytoscape-fcose'
import type Cytoscape from 'cytoscape'
import type { LayoutOptions } from 'cytoscape'
import type { GraphData } from '../engine/index.ts'

export type Positions = Map<string, readonly [number, number]>

export interface GraphLayout {
  /** Node ids and their positions, interleaved x, y (a transferable typed array). */
  readonly ids: readonly string[]
  readonly xy: Float64Array
  readonly quality: 'draft' | 'default' | 'proof'
  readonly ms: number
}

/** fcose's spectral-only 'draft' quality keeps big graphs under a second (toolchain.md §4e). */
export const DRAFT_ABOVE_NODES = 700

let layoutModules: Promise<typeof Cytoscape> | null = null

/** Cytoscape and fcose load on the worker's first idle moment, so the first layout does not wait for them. */
export function loadLayoutModules(): Promise<typeof Cytoscape> {
  layoutModules ??= Promise.all([import('cytoscape'), import('cytoscape-fcose')]).then(
    ([{ default: cytoscape }, { default: fcose }]) => {
      cytoscape.use(fcose)
      return cytoscape
    },
  )
  return layoutModules
}

/**
 * fcose in a headless cytoscape: the layout is a multi-hundred-millisecond synchronous task, which here blocks
 * only the worker; the page draws the result with a `preset` layout. When nearly all nodes were on the previous
 * graph (a tweak and regenerate), those stay pinned where they were and only the new ones are placed.
 */
export async function layoutGraph(
  graph: GraphData,
  previous: Positions,
): Promise<{ layout: GraphLayout; positions: Positions }> {
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
      ...graph.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id },
        position: incremental ? seedPosition(n.id, previous, graph) : undefined,
      })),
      ...springs(graph).map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
  })
  const quality = big ? 'draft' : incremental ? 'proof' : 'default'
  const fixedNodeConstraint = incremental
    ? graph.nodes.flatMap((n) => {
        const at = previous.get(n.id)
        return at ? [{ nodeId: n.id, position: { x: at[0], y: at[1] } }] : []
      })
    : undefined
  const options: FcoseLayoutOptions = {
    name: 'fcose',
    animate: false,
    fit: false,
    randomize: !incremental,
    quality,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 55,
    fixedNodeConstraint,
  }
  cy.layout(options as unknown as LayoutOptions).run()
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
