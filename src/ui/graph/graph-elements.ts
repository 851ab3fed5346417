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

/** One expanded node: where it sat when expanded and what the worker found around it. */
export interface Expansion {
  readonly at: { readonly x: number; readonly y: number }
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  readonly total: number
}

/**
 * Elements for expanded nodes' neighbours. Counterparties not on the graph go on a circle around the node they were
 * found for, in the worker's order (most linked first, from twelve o'clock), so the same expansion always draws the
 * same; those already drawn keep their place and only gain the link.
 */
export function buildExpansions(
  expansions: ReadonlyMap<string, Expansion>,
  drawn: ReadonlySet<string>,
  patternKind: ReadonlyMap<string, string>,
  colours: ReadonlyMap<string, string>,
): ElementDefinition[] {
  const out: ElementDefinition[] = []
  const placed = new Set(drawn)
  const edgeIds = new Set<string>()
  for (const [, x] of expansions) {
    const fresh = x.nodes.filter((n) => !placed.has(n.id))
    const radius = 70 + 4 * fresh.length
    fresh.forEach((n, i) => {
      placed.add(n.id)
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / fresh.length
      out.push({
        group: 'nodes',
        data: { id: n.id, type: n.type, badge: '', colour: CONTEXT_NODE, kinds: [], patterns: [] },
        position: { x: x.at.x + radius * Math.cos(angle), y: x.at.y + radius * Math.sin(angle) },
        classes: `n-${n.type} context expanded`,
      })
    })
    for (const e of x.edges) {
      if (edgeIds.has(e.id)) continue
      edgeIds.add(e.id)
      const kind = e.patternId ? (patternKind.get(e.patternId) ?? 'unknown') : null
      out.push({
        group: 'edges',
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          colour: kind ? (colours.get(kind) ?? '#555') : '#7b8494',
          kinds: kind ? [kind] : [],
          patterns: e.patternId ? [e.patternId] : [],
        },
        classes: `e-${e.type} ${kind ? 'member' : 'link'} expanded`,
      })
    }
  }
  return out
}

/** The drawn graph's index with the expanded neighbours added, so details, tooltips and search know them too. */
export function withExpansions(index: GraphIndex, expansions: ReadonlyMap<string, Expansion>): GraphIndex {
  if (expansions.size === 0) return index
  const nodes = new Map(index.nodes)
  const edges = new Map(index.edges)
  for (const [, x] of expansions) {
    for (const n of x.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n)
    for (const e of x.edges) edges.set(e.id, e)
  }
  return { ...index, nodes, edges }
}
