import type { Rng } from '../random/rng.ts'
import { depthOf, type Shape } from './specs/laundering-shape.ts'

/**
 * The topology of a laundering shape, before any account or amount: layers of slots and the edges between
 * consecutive layers. A slot holds a node (one account); only a cycle puts one node in two slots (it starts and
 * closes the ring). Money enters at layer 0 and stays in the last layer, so every edge runs forward in time.
 */
export interface ShapeGraph {
  readonly shape: Shape
  /** Node index of each slot, layer by layer. */
  readonly layers: readonly (readonly number[])[]
  /** Edges from slot `from` of layer `layer` to slot `to` of layer `layer + 1`. */
  readonly edges: readonly { readonly layer: number; readonly from: number; readonly to: number }[]
  /** Role of each node: source, hub, intermediary, sink or (a cycle's first account) originator. */
  readonly roles: readonly string[]
}

type Edge = ShapeGraph['edges'][number]

function complete(layer: number, a: number, b: number): Edge[] {
  const out: Edge[] = []
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) out.push({ layer, from: i, to: j })
  return out
}

/** Random edges between two layers with every slot on at least one edge: a cover, then extra edges at one in three. */
function bipartiteEdges(rng: Rng, layer: number, a: number, b: number): Edge[] {
  const seen = new Set<number>()
  const out: Edge[] = []
  const add = (i: number, j: number) => {
    if (seen.has(i * b + j)) return
    seen.add(i * b + j)
    out.push({ layer, from: i, to: j })
  }
  for (let k = 0; k < Math.max(a, b); k++) add(k < a ? k : rng.below(a), k < b ? k : rng.below(b))
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) if (rng.chance(1 / 3)) add(i, j)
  return out.sort((x, y) => x.from - y.from || x.to - y.to)
}

/** A tree step: each of the `b` children gets one of the `a` parents, every parent at least one child. */
function treeEdges(rng: Rng, layer: number, a: number, b: number, reverse: boolean): Edge[] {
  const parents = Array.from({ length: b }, (_, j) => (j < a ? j : rng.below(a)))
  const out = parents.map((i, j) => (reverse ? { layer, from: j, to: i } : { layer, from: i, to: j }))
  return out.sort((x, y) => x.from - y.from || x.to - y.to)
}

/** Widths of a layered fan from its root to its widest layer: geometric growth, each strictly wider. */
function fanWidths(size: number, hops: number): number[] {
  const widths = [1]
  for (let i = 1; i <= hops; i++) {
    const geometric = Math.round(Math.pow(size, i / hops))
    widths.push(Math.min(size - (hops - i), Math.max(widths[i - 1] + 1, geometric)))
  }
  return widths
}

function rolesFor(shape: Shape, widths: readonly number[]): string[] {
  const roles: string[] = []
  const last = widths.length - 1
  widths.forEach((w, l) => {
    for (let k = 0; k < w; k++) {
      if (w === 1 && l > 0 && l < last) roles.push('hub')
      else if (w === 1 && (shape === 'fan_out' || shape === 'fan_in')) roles.push('hub')
      else roles.push(l === 0 ? 'source' : l === last ? 'sink' : 'intermediary')
    }
  })
  return roles
}

/** Consecutive node numbers per layer. */
function numbered(widths: readonly number[]): number[][] {
  let next = 0
  return widths.map((w) => Array.from({ length: w }, () => next++))
}

/** The shape's graph for `size` accounts in its wide layer(s) and `hops` layers where the shape has a variable depth. */
export function buildShapeGraph(rng: Rng, shape: Shape, size: number, hops: number): ShapeGraph {
  const depth = depthOf(shape, size, hops)
  if (shape === 'cycle') {
    const layers = [...Array.from({ length: size }, (_, k) => [k]), [0]]
    const edges = Array.from({ length: size }, (_, k) => ({ layer: k, from: 0, to: 0 }))
    return { shape, layers, edges, roles: ['originator', ...Array.from({ length: size - 1 }, () => 'intermediary')] }
  }
  let widths: number[]
  if (shape === 'fan_out') widths = [1, size]
  else if (shape === 'fan_in') widths = [size, 1]
  else if (shape === 'scatter_gather') widths = [1, size, 1]
  else if (shape === 'gather_scatter') widths = [size, 1, Math.max(2, size - rng.below(Math.ceil(size / 2)))]
  else if (shape === 'layered_fan_out') widths = fanWidths(size, depth)
  else if (shape === 'layered_fan_in') widths = fanWidths(size, depth).reverse()
  else widths = Array.from({ length: depth + 1 }, () => Math.max(2, size - rng.below(Math.ceil(size / 2))))
  const edges: Edge[] = []
  for (let l = 0; l < widths.length - 1; l++) {
    const [a, b] = [widths[l], widths[l + 1]]
    if (shape === 'bipartite' || shape === 'stacked_bipartite') edges.push(...bipartiteEdges(rng, l, a, b))
    else if (shape === 'layered_fan_out') edges.push(...treeEdges(rng, l, a, b, false))
    else if (shape === 'layered_fan_in') edges.push(...treeEdges(rng, l, b, a, true))
    else edges.push(...complete(l, a, b))
  }
  return { shape, layers: numbered(widths), edges, roles: rolesFor(shape, widths) }
}

/** Distinct accounts a shape's graph needs. */
export function nodeCount(g: ShapeGraph): number {
  return g.roles.length
}
