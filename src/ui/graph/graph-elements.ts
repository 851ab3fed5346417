import type { ElementDefinition } from 'cytoscape'
import type { GraphData, GraphEdge, GraphNode } from '../../engine/index.ts'
import type { GraphLayout } from '../../worker/client.ts'
import { CONTEXT_EDGE, CONTEXT_NODE } from './palette.ts'

export interface GraphIndex {
  readonly nodes: ReadonlyMap<string, GraphNode>
  readonly edges: ReadonlyMap<string, GraphEdge>
  /** Pattern kinds with at least one member node on the graph, in first-seen order. */
  readonly kindsShown: readonly string[]
}

export function indexGraph(graph: GraphData, patternKind: ReadonlyMap<string, string>): GraphIndex {
  const kinds = new Set<string>()
  for (const n of graph.nodes) for (const id of n.patternIds) kinds.add(patternKind.get(id) ?? 'unknown')
  return {
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    edges: new Map(graph.edges.map((e) => [e.id, e])),
    kindsShown: [...kinds],
  }
}

/** Roles read as a short badge under the node ("smurf", "collector · mule"). */
function roleBadge(roles: readonly string[]): string {
  const unique = [...new Set(roles.map((r) => r.replace(/_/g, ' ')))]
  return unique.length > 2 ? `${unique.slice(0, 2).join(' · ')} +${unique.length - 2}` : unique.join(' · ')
}

/**
 * Cytoscape elements with the worker's positions (drawn with the `preset` layout, so nothing heavy runs on the
 * page). Members take their first pattern's kind colour; background context stays grey.
 */
export function buildElements(
  graph: GraphData,
  layout: GraphLayout | null,
  patternKind: ReadonlyMap<string, string>,
  colours: ReadonlyMap<string, string>,
): ElementDefinition[] {
  const at = new Map<string, { x: number; y: number }>()
  if (layout) layout.ids.forEach((id, i) => at.set(id, { x: layout.xy[2 * i], y: layout.xy[2 * i + 1] }))
  const members = new Set(graph.nodes.filter((n) => n.patternIds.length > 0).map((n) => n.id))
  const out: ElementDefinition[] = []
  // Without worker positions (a lost run), a plain grid still shows every element.
  const columns = Math.ceil(Math.sqrt(graph.nodes.length))
  for (const [i, n] of graph.nodes.entries()) {
    const kinds = [...new Set(n.patternIds.map((id) => patternKind.get(id) ?? 'unknown'))]
    const member = kinds.length > 0
    out.push({
      group: 'nodes',
      data: {
        id: n.id,
        type: n.type,
        badge: member ? roleBadge(n.roles) : '',
        colour: member ? (colours.get(kinds[0]) ?? '#555') : CONTEXT_NODE,
        kinds,
        patterns: n.patternIds,
      },
      position: at.get(n.id) ?? { x: (i % columns) * 40, y: Math.floor(i / columns) * 40 },
      classes: `n-${n.type} ${member ? 'member' : 'context'}${kinds.length > 1 ? ' multi' : ''}`,
    })
  }
  for (const e of graph.edges) {
    const kind = e.patternId ? (patternKind.get(e.patternId) ?? 'unknown') : null
    const between = !kind && members.has(e.source) && members.has(e.target)
    out.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        colour: kind ? (colours.get(kind) ?? '#555') : between ? '#7b8494' : CONTEXT_EDGE,
        kinds: kind ? [kind] : [],
        patterns: e.patternId ? [e.patternId] : [],
      },
      classes: `e-${e.type} ${kind ? 'member' : between ? 'link' : 'context'}`,
    })
  }
  return out
}
