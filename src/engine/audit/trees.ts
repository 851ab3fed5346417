import { mix32 } from '../random/hash.ts'
import { countBelow } from './auc.ts'
import { portableExp, portableLog } from './portable-math.ts'

/**
 * The audit's baseline model: gradient-boosted trees of fixed depth (logistic loss, Newton leaf values, L2
 * regularisation) grown on quantile bins of each feature, as scikit-learn's HistGradientBoosting grows its trees.
 * Depth 1 is boosted stumps, which add evidence across features but cannot combine them (label = A xor B defeats
 * them); depth 3 finds interactions of up to three features. Small, dependency-free and deterministic: fixed
 * rounds, fixed bins, histogram sums in row order, ties broken by the lowest node, feature and bin.
 */

export interface BoostingParams {
  readonly depth: number
  readonly rounds: number
  readonly learningRate: number
  /** Training rows below which a child is not split off (weights not counted: a reweighted row is still one row). */
  readonly minChildRows: number
  /**
   * Share of the training rows each tree is grown on (a fixed hash of the row and the round picks them), but never
   * fewer than SUBSAMPLE_FLOOR rows: a small level's trees would run out of rows per leaf.
   */
  readonly subsample: number
}

export const SUBSAMPLE_FLOOR = 1_000

export const TREE_PARAMS: BoostingParams = {
  depth: 3,
  rounds: 100,
  learningRate: 0.1,
  minChildRows: 10,
  subsample: 0.5,
}

export const MAX_BINS = 64
const LAMBDA = 1
const MIN_CHILD_HESSIAN = 1e-3
const MIN_GAIN = 1e-12

/**
 * One tree, stored heap-like: internal node i (root 0) has children 2i + 1 and 2i + 2; `feature[i]` −1 sends every
 * row left (a node that found no split). Leaf j (of 2^depth) holds `leaf[j]`, already scaled by the learning rate.
 */
export interface Tree {
  readonly feature: Int32Array
  readonly threshold: Float64Array
  readonly leaf: Float64Array
}

export interface TreeModel {
  readonly base: number
  readonly depth: number
  readonly trees: readonly Tree[]
}

/** Up to MAX_BINS − 1 cut points at the quantiles of the training values (distinct values only). */
function cutPoints(values: Float64Array): Float64Array {
  const sorted = values.sort()
  const cuts: number[] = []
  for (let b = 1; b < MAX_BINS; b++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / MAX_BINS))]
    if (v < sorted[sorted.length - 1] && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v)
  }
  return Float64Array.from(cuts)
}

const sigmoid = (f: number) => 1 / (1 + portableExp(-f))

/**
 * The cut points of every feature, and each row's bin of every feature as a slot of one histogram: feature f's
 * bins are slots start[f] … start[f + 1] − 1 (a feature with few distinct values takes few slots, so a histogram
 * is a few hundred slots, not F × MAX_BINS), and row i's F slots sit together.
 */
function binRows(columns: readonly Float64Array[], rows: Int32Array) {
  const n = rows.length
  const F = columns.length
  const cuts = columns.map((c) => {
    const values = new Float64Array(n)
    for (let i = 0; i < n; i++) values[i] = c[rows[i]]
    return cutPoints(values)
  })
  const start = new Int32Array(F + 1)
  for (let f = 0; f < F; f++) start[f + 1] = start[f] + cuts[f].length + 1
  const slots = new Uint16Array(n * F)
  for (let f = 0; f < F; f++) {
    const c = columns[f]
    // v ≤ cuts[b] goes to bin b.
    for (let i = 0; i < n; i++) slots[i * F + f] = start[f] + countBelow(cuts[f], c[rows[i]])
  }
  return { cuts, start, slots }
}

/** Gradient, hessian and row count, interleaved, per (node of one tree level, feature, bin). */
const STRIDE = 3

/**
 * Sums the histograms (`block` numbers each) of the nodes `direct` marks (`node[i]` − `first` is row i's node on
 * the level), row by row: a row's F slots are read together and its additions go to F different features' bins,
 * where feature by feature the many rows of a common bin (zero counts, say) would each wait for the addition
 * before. Each bin still adds its rows in row order.
 */
function fillDirect(
  hist: Float64Array,
  block: number,
  slots: Uint16Array,
  F: number,
  node: Int32Array,
  first: number,
  direct: Uint8Array,
  grad: Float64Array,
  hess: Float64Array,
  use: Uint8Array,
) {
  const n = grad.length
  for (let j = 0; j < direct.length; j++) if (direct[j]) hist.fill(0, j * block, (j + 1) * block)
  for (let i = 0; i < n; i++) {
    const local = node[i] - first
    if (!use[i] || !direct[local]) continue
    const g = grad[i]
    const h = hess[i]
    const o = i * F
    const b = local * block
    for (let f = 0; f < F; f++) {
      const at = b + slots[o + f] * STRIDE
      hist[at] += g
      hist[at + 1] += h
      hist[at + 2]++
    }
  }
}

interface Split {
  feature: number
  bin: number
  gain: number
  /** Training rows that go left. */
  left: number
  rows: number
}

/** The best split of one node over every feature (gain as in XGBoost's exact greedy step); feature −1 if none. */
function bestSplit(hist: Float64Array, block: number, local: number, start: Int32Array, minRows: number): Split {
  const F = start.length - 1
  const best: Split = { feature: -1, bin: 0, gain: MIN_GAIN, left: 0, rows: 0 }
  for (let f = 0; f < F; f++) {
    const bins = start[f + 1] - start[f]
    const at = local * block + start[f] * STRIDE
    let gTotal = 0
    let hTotal = 0
    let nTotal = 0
    for (let b = 0; b < bins; b++) {
      gTotal += hist[at + b * STRIDE]
      hTotal += hist[at + b * STRIDE + 1]
      nTotal += hist[at + b * STRIDE + 2]
    }
    best.rows = nTotal
    if (bins < 2) continue
    const parent = (gTotal * gTotal) / (hTotal + LAMBDA)
    let gl = 0
    let hl = 0
    let nl = 0
    for (let b = 0; b < bins - 1; b++) {
      gl += hist[at + b * STRIDE]
      hl += hist[at + b * STRIDE + 1]
      nl += hist[at + b * STRIDE + 2]
      const gr = gTotal - gl
      const hr = hTotal - hl
      if (nl < minRows || nTotal - nl < minRows || hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN) continue
      const gain = (gl * gl) / (hl + LAMBDA) + (gr * gr) / (hr + LAMBDA) - parent
      if (gain > best.gain) {
        best.feature = f
        best.bin = b
        best.gain = gain
        best.left = nl
      }
    }
  }
  return best
}

/** Each training row's logistic-loss gradient and hessian at its current score. */
function gradients(
  score: Float64Array,
  y: Uint8Array,
  w: Float64Array,
  rows: Int32Array,
  grad: Float64Array,
  hess: Float64Array,
  use: Uint8Array,
) {
  for (let i = 0; i < rows.length; i++) {
    if (!use[i]) continue
    const p = sigmoid(score[i])
    const wi = w[rows[i]]
    grad[i] = wi * (y[rows[i]] - p)
    hess[i] = wi * p * (1 - p)
  }
}

/**
 * Trains on the rows listed in `rows`: `columns[f][row]` the features, `y[row]` 0/1, `w[row]` each row's weight.
 */
export function trainTrees(
  columns: readonly Float64Array[],
  y: Uint8Array,
  w: Float64Array,
  rows: Int32Array,
  params: BoostingParams = TREE_PARAMS,
): TreeModel {
  const n = rows.length
  const F = columns.length
  const D = params.depth
  const internal = (1 << D) - 1
  const { cuts, start, slots } = binRows(columns, rows)
  const block = start[F] * STRIDE
  let pos = 0
  let all = 0
  for (let i = 0; i < n; i++) {
    pos += w[rows[i]] * y[rows[i]]
    all += w[rows[i]]
  }
  const base = pos > 0 && pos < all ? portableLog(pos / (all - pos)) : 0
  const score = new Float64Array(n).fill(base)
  const grad = new Float64Array(n)
  const hess = new Float64Array(n)
  const node = new Int32Array(n)
  const size = (1 << (D - 1)) * block
  let hist = new Float64Array(size)
  let parentHist = new Float64Array(size)
  const trees: Tree[] = []
  const use = new Uint8Array(n).fill(1)
  const share = Math.min(1, Math.max(params.subsample, SUBSAMPLE_FLOOR / Math.max(1, n)))
  const keep = Math.floor(share * 4_294_967_296)
  for (let round = 0; round < params.rounds; round++) {
    if (share < 1) for (let i = 0; i < n; i++) use[i] = mix32(rows[i] ^ Math.imul(round + 1, 0x9e3779b1)) < keep ? 1 : 0
    gradients(score, y, w, rows, grad, hess, use)
    node.fill(0)
    const feature = new Int32Array(internal).fill(-1)
    const threshold = new Float64Array(internal)
    const splitSlot = new Int32Array(internal)
    const leftRows = new Float64Array(internal)
    const nodeRows = new Float64Array(internal)
    let splits = 0
    for (let d = 0; d < D; d++) {
      const first = (1 << d) - 1
      const width = 1 << d
      // A node below one that found no split holds no rows (right) or the same rows (left): it cannot split better.
      // Of two siblings, the one with fewer rows is summed and the other is its parent's histogram minus it.
      const live = new Uint8Array(width)
      const direct = new Uint8Array(width)
      for (let j = 0; j < width; j++) {
        if (d === 0) {
          live[j] = direct[j] = 1
          continue
        }
        const parent = (first + j - 1) >> 1
        if (feature[parent] < 0) continue
        live[j] = 1
        const isLeft = (first + j) % 2 === 1
        const mine = isLeft ? leftRows[parent] : nodeRows[parent] - leftRows[parent]
        const other = nodeRows[parent] - mine
        direct[j] = mine < other || (mine === other && isLeft) ? 1 : 0
      }
      ;[hist, parentHist] = [parentHist, hist]
      fillDirect(hist, block, slots, F, node, first, direct, grad, hess, use)
      for (let j = 0; j < width; j++) {
        if (!live[j] || direct[j]) continue
        const sibling = j ^ 1
        const up = (((first + j - 1) >> 1) - ((1 << (d - 1)) - 1)) * block
        const to = j * block
        const from = sibling * block
        for (let k = 0; k < block; k++) hist[to + k] = parentHist[up + k] - hist[from + k]
      }
      for (let j = 0; j < width; j++) {
        if (!live[j]) continue
        const s = bestSplit(hist, block, j, start, params.minChildRows)
        nodeRows[first + j] = s.rows
        if (s.feature < 0) continue
        feature[first + j] = s.feature
        threshold[first + j] = cuts[s.feature][s.bin]
        splitSlot[first + j] = start[s.feature] + s.bin
        leftRows[first + j] = s.left
        splits++
      }
      for (let i = 0; i < n; i++) {
        const at = node[i]
        const f = feature[at]
        node[i] = 2 * at + (f >= 0 && slots[i * F + f] > splitSlot[at] ? 2 : 1)
      }
    }
    if (splits === 0) break
    const leaves = 1 << D
    const gSum = new Float64Array(leaves)
    const hSum = new Float64Array(leaves)
    for (let i = 0; i < n; i++) {
      if (!use[i]) continue
      gSum[node[i] - internal] += grad[i]
      hSum[node[i] - internal] += hess[i]
    }
    const leaf = new Float64Array(leaves)
    for (let j = 0; j < leaves; j++) leaf[j] = (params.learningRate * gSum[j]) / (hSum[j] + LAMBDA)
    trees.push({ feature, threshold, leaf })
    for (let i = 0; i < n; i++) score[i] += leaf[node[i] - internal]
  }
  return { base, depth: D, trees }
}

/**
 * The model's log-odds for each row of `rows` (out[i] for rows[i]), tree by tree: each tree reads only the few
 * columns it splits on, row after row, which keeps them in cache (row by row, every tree's columns are read for
 * each row). Each row still adds the trees in order.
 */
export function scoreRows(model: TreeModel, columns: readonly Float64Array[], rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length).fill(model.base)
  const internal = (1 << model.depth) - 1
  for (const { feature, threshold, leaf } of model.trees) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]
      let at = 0
      while (at < internal) {
        const f = feature[at]
        at = 2 * at + (f >= 0 && columns[f][r] > threshold[at] ? 2 : 1)
      }
      out[i] += leaf[at - internal]
    }
  }
  return out
}
