import type { GraphData, RunResult } from '../engine/index.ts'
import { shapesRing } from './graph-layout.ts'
import { pushTo } from './multimap.ts'

/**
 * Elements (nodes plus edges) the page draws at most. Each one costs a share of every canvas frame, and a
 * software-rendered frame of much more than this goes past 50 ms; bigger runs are for downloading, the graph is for looking.
 */
export const MAX_GRAPH_ELEMENTS = 2_000

/**
 * Whole pattern instances, taken in turn from each kind until the element budget is spent, plus context around them.
 * Which rings are shown depends on the rings alone, never on how much background context there is: a background
 * count change must not add or drop a ring (the layout would move), only more or less context.
 */
export function capGraph(
  graph: GraphData,
  patterns: RunResult['patterns'],
): { graph: GraphData; shown: string[] | null } {
  const membersOf = new Map<string, string[]>()
  for (const n of graph.nodes) for (const p of n.patternIds) pushTo(membersOf, p, n.id)
  const edgesOf = new Map<string, number>()
  // A ring's cost counts its own events, not its camouflage: that is sized from background rates, and a
  // background count change must not change which rings fit.
  for (const e of graph.edges)
    if (e.patternId && shapesRing(e)) edgesOf.set(e.patternId, (edgesOf.get(e.patternId) ?? 0) + 1)
  const queues = new Map<string, string[]>()
  for (const p of patterns) pushTo(queues, p.kind, p.id)
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
  const everyRing = shown.length === patterns.length
  if (everyRing && graph.nodes.length + graph.edges.length <= MAX_GRAPH_ELEMENTS) return { graph, shown: null }
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
  return {
    graph: { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges, truncated: true },
    shown: everyRing ? null : shown,
  }
}
