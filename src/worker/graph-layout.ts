import type { GraphData, GraphEdge } from '../engine/index.ts'
import { placeAround, relaxRing } from './ring-layout.ts'
import { pushTo } from './multimap.ts'

export interface GraphLayout {
  /** Node ids and their positions, interleaved x, y (a transferable typed array). */
  readonly ids: readonly string[]
  readonly xy: Float64Array
  /** Pattern instances laid out, each in its own cell. */
  readonly rings: number
  readonly ms: number
}

export interface InstanceRef {
  readonly id: string
  readonly kind: string
  /** For a benign look-alike, the kind it resembles (its column); null or absent for a pattern instance. */
  readonly resembles?: string | null
}

/**
 * Distance between neighbouring ring cells, in graph units (a node is 18 wide). Fixed, never derived from the rings
 * themselves: a cell's place must not depend on how big any other ring is, or one tweak would move them all.
 */
export const CELL = 460
/** Largest radius a ring's members may take inside their cell; bigger rings are scaled down to fit. */
export const RING_RADIUS = 150

export interface RingCell {
  readonly x: number
  readonly y: number
  /** Which ring wins a node two rings share: the lower instance number, then the crime before the look-alike. */
  readonly rank: number
}

/**
 * The cell of every instance: one column per pattern kind (catalog order). A kind's pattern instances go down its
 * column, one row per instance number; its benign look-alikes go up from the row above, so each crime sits under
 * the ordinary activity that resembles it. Instance i of a kind is the same ring (same stream, same id) whatever
 * else the config says, so it always lands in the same cell; a ring added to a kind takes the next free row of that
 * column, and adding look-alikes (or crimes) never moves the other side.
 */
export function ringCells(instances: readonly InstanceRef[], kindOrder: readonly string[]): Map<string, RingCell> {
  const column = new Map(kindOrder.map((k, i) => [k, i]))
  const width = kindOrder.length + 1
  const seen = new Map<string, number>()
  const cells = new Map<string, RingCell>()
  for (const p of instances) {
    const lookalike = p.resembles != null
    const kind = lookalike ? p.resembles! : p.kind
    const key = `${lookalike ? 'L' : 'P'}:${kind}`
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    const col = column.get(kind) ?? kindOrder.length
    const row = lookalike ? -1 - n : n
    // Earlier instance numbers first, so a ring added at the end of a kind rarely takes a node from one on
    // screen; at the same number the crime before its look-alike.
    const rank = (2 * n + (lookalike ? 1 : 0)) * width + col
    cells.set(p.id, { x: col * CELL, y: row * CELL, rank })
  }
  return cells
}

/** The positions of some nodes as a transferable array (nodes without a position go to the origin). */
export function layoutOf(
  nodes: readonly { readonly id: string }[],
  positions: ReadonlyMap<string, readonly [number, number]>,
): { ids: string[]; xy: Float64Array } {
  const ids = nodes.map((n) => n.id)
  const xy = new Float64Array(ids.length * 2)
  ids.forEach((id, i) => {
    const at = positions.get(id) ?? [0, 0]
    xy[2 * i] = at[0]
    xy[2 * i + 1] = at[1]
  })
  return { ids, xy }
}

export interface Placement {
  readonly positions: Map<string, readonly [number, number]>
  /** The ring each ring node is drawn in (context nodes have none). */
  readonly owner: Map<string, string>
  readonly cells: Map<string, RingCell>
}

/**
 * Positions as a function of the graph alone, with no randomness and no memory of earlier runs: the same config gives
 * the same picture on any load and from a shared link. Each ring (its members and the ends of its own events) is
 * relaxed on its own from hashed starting points and put in its cell; background context is then placed beside
 * the ring node it touches. A background count change alters only the context, so the rings stay exactly put.
 */
export function placeNodes(
  graph: GraphData,
  instances: readonly InstanceRef[],
  kindOrder: readonly string[],
  drawn: ReadonlySet<string> | null = null,
): Placement {
  const cells = ringCells(instances, kindOrder)
  const owner = ringOwners(graph, cells, drawn)
  const placed = new Map<string, readonly [number, number]>()
  const centreOf = new Map<string, { x: number; y: number }>()

  const coreOf = new Map<string, string[]>()
  for (const n of graph.nodes) {
    const ring = owner.get(n.id)
    if (ring) pushTo(coreOf, ring, n.id)
  }
  const edgesOf = groupEdges(graph.edges, owner)
  for (const p of instances) {
    const cell = cells.get(p.id)
    const core = coreOf.get(p.id)
    if (!cell || !core) continue
    const local = relaxRing(core, edgesOf.get(p.id) ?? [], RING_RADIUS)
    for (const [id, [x, y]] of local) {
      placed.set(id, [cell.x + x, cell.y + y])
      centreOf.set(id, cell)
    }
  }
  placeContext(graph, placed, centreOf)
  return { positions: placed, owner, cells }
}

/**
 * Which ring each node is drawn in (among the rings drawn; the others' nodes count as context): a member goes to a ring it is a member of, a counterparty to the ring of an event
 * it takes part in. A node in several rings goes to the lowest instance number (a crime before a look-alike of the same number, then kind), so adding a
 * ring at the end of a kind rarely takes a node away from a ring already on screen.
 */
function ringOwners(
  graph: GraphData,
  cells: ReadonlyMap<string, RingCell>,
  drawn: ReadonlySet<string> | null,
): Map<string, string> {
  const rank = new Map([...cells].filter(([id]) => drawn === null || drawn.has(id)).map(([id, c]) => [id, c.rank]))
  const owner = new Map<string, string>()
  const claim = (node: string, ring: string) => {
    const mine = rank.get(ring)
    if (mine === undefined) return
    const held = owner.get(node)
    if (held === undefined || mine < (rank.get(held) ?? Infinity)) owner.set(node, ring)
  }
  for (const n of graph.nodes) for (const p of n.patternIds) claim(n.id, p)
  const members = new Set(owner.keys())
  for (const e of graph.edges) {
    if (!e.patternId || !shapesRing(e)) continue
    if (!members.has(e.source)) claim(e.source, e.patternId)
    if (!members.has(e.target)) claim(e.target, e.patternId)
  }
  return owner
}

/**
 * Whether a ring's event shapes its picture: camouflage (the ordinary life of the accounts a pattern opened) is
 * sized from background rates, so it changes with background counts and must not move the ring.
 */
export const shapesRing = (e: { readonly role: string | null }) => e.role !== 'camouflage'

/**
 * The ring's own links (its events, both ends in it), one per pair, as the ring's springs. Background links between
 * two members are left out: they come and go with background counts, and the ring must not move when they do.
 */
function groupEdges(edges: readonly GraphEdge[], owner: ReadonlyMap<string, string>): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>()
  const seen = new Set<string>()
  for (const e of edges) {
    const ring = owner.get(e.source)
    if (!ring || ring !== owner.get(e.target) || e.source === e.target || e.patternId !== ring || !shapesRing(e))
      continue
    const pair = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`
    if (seen.has(pair)) continue
    seen.add(pair)
    pushTo(out, ring, [e.source, e.target])
  }
  return out
}

/**
 * Background nodes go just outside the ring node they touch, away from the ring's centre, in breadth-first order so a
 * chain of context hangs off the ring. Whatever touches no ring at all is lined up below the grid.
 */
function placeContext(
  graph: GraphData,
  placed: Map<string, readonly [number, number]>,
  centreOf: Map<string, { x: number; y: number }>,
): void {
  const neighbours = new Map<string, string[]>()
  for (const e of graph.edges) {
    pushTo(neighbours, e.source, e.target)
    pushTo(neighbours, e.target, e.source)
  }
  const queue = graph.nodes.filter((n) => placed.has(n.id)).map((n) => n.id)
  const fanned = new Map<string, number>()
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]
    const at = placed.get(from)
    const centre = centreOf.get(from)
    if (!at || !centre) continue
    for (const next of neighbours.get(from) ?? []) {
      if (placed.has(next)) continue
      const k = fanned.get(from) ?? 0
      fanned.set(from, k + 1)
      placed.set(next, placeAround(at, centre, next, k))
      centreOf.set(next, centre)
      queue.push(next)
    }
  }
  let maxY = 0
  for (const [, y] of placed.values()) maxY = Math.max(maxY, y)
  let loose = 0
  for (const n of graph.nodes) {
    if (placed.has(n.id)) continue
    placed.set(n.id, [(loose % 20) * 40, maxY + CELL / 2 + Math.floor(loose / 20) * 40])
    loose++
  }
}
