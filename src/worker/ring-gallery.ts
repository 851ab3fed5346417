import type { GraphData, GraphNodeType } from '../engine/index.ts'
import { RING_RADIUS, shapesRing } from './graph-layout.ts'
import { relaxRing } from './ring-layout.ts'

/** One ring as a small multiple: its own nodes around its centre, and the links between them. */
export interface RingThumb {
  readonly id: string
  readonly nodes: readonly { readonly x: number; readonly y: number; readonly type: GraphNodeType }[]
  /** Index pairs into `nodes`, one per linked pair. */
  readonly links: readonly (readonly [number, number])[]
}

/** Each listed instance's own nodes: its members and the ends of its own events (not its camouflage), in graph order. */
function ringNodes(full: GraphData, ids: readonly string[]): Map<string, Set<string>> {
  const out = new Map(ids.map((id) => [id, new Set<string>()]))
  for (const e of full.edges) {
    const set = e.patternId && shapesRing(e) ? out.get(e.patternId) : undefined
    if (!set) continue
    set.add(e.source)
    set.add(e.target)
  }
  for (const n of full.nodes) for (const p of n.patternIds) out.get(p)?.add(n.id)
  return out
}

/** The ring's own links among its nodes, as the overview's springs (see groupEdges in graph-layout.ts). */
function linksAmong(full: GraphData, names: readonly string[], ring: string): [number, number][] {
  const index = new Map(names.map((m, i) => [m, i]))
  const seen = new Set<string>()
  const links: [number, number][] = []
  for (const e of full.edges) {
    if (e.patternId !== ring || !shapesRing(e)) continue
    const a = index.get(e.source)
    const b = index.get(e.target)
    if (a === undefined || b === undefined || a === b) continue
    const key = a < b ? `${a}:${b}` : `${b}:${a}`
    if (seen.has(key)) continue
    seen.add(key)
    links.push([a, b])
  }
  return links
}

/**
 * Thumbnails of the listed instances, relaxed the way the overview relaxes a ring, but over all of the ring's own
 * nodes, also those the overview draws with another ring they share.
 */
export function ringThumbs(full: GraphData, ids: readonly string[]): RingThumb[] {
  const types = new Map(full.nodes.map((n) => [n.id, n.type]))
  const rings = ringNodes(full, ids)
  return ids.map((id) => {
    const names = [...(rings.get(id) ?? [])].filter((n) => types.has(n))
    const links = linksAmong(full, names, id)
    const at = relaxRing(
      names,
      links.map(([a, b]) => [names[a], names[b]] as const),
      RING_RADIUS,
    )
    const nodes = names.map((m) => {
      const [x, y] = at.get(m) ?? [0, 0]
      return { x, y, type: types.get(m) as GraphNodeType }
    })
    return { id, nodes, links }
  })
}

/**
 * One ring with everything it touches, for the main view when that ring is not on the capped overview: its own
 * nodes, their direct neighbours, and the links among those.
 */
export function ringSubgraph(full: GraphData, id: string): GraphData {
  const own = ringNodes(full, [id]).get(id) ?? new Set<string>()
  const keep = new Set(own)
  for (const e of full.edges) {
    if (own.has(e.source)) keep.add(e.target)
    if (own.has(e.target)) keep.add(e.source)
  }
  return {
    nodes: full.nodes.filter((n) => keep.has(n.id)),
    edges: full.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    truncated: full.truncated,
  }
}
