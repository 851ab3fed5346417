/**
 * The audit's baseline model: gradient-boosted decision stumps (one split per round, logistic loss, Newton leaf
 * values) on quantile bins. Small, dependency-free and deterministic (fixed rounds, fixed bins, ties broken by
 * feature order), yet it finds thresholds and adds evidence across features as a boosted-tree model does.
 */

export const STUMP_ROUNDS = 40
export const LEARNING_RATE = 0.3
const MAX_BINS = 32
const LAMBDA = 1
const MIN_CHILD_HESSIAN = 1e-3

export interface Stump {
  readonly feature: number
  readonly threshold: number
  readonly left: number
  readonly right: number
}

export interface StumpModel {
  readonly base: number
  readonly stumps: readonly Stump[]
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

/** Bin of v: the number of cut points below it (v ≤ cuts[b] goes to bin b). */
function binOf(cuts: Float64Array, v: number): number {
  let lo = 0
  let hi = cuts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cuts[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

const sigmoid = (f: number) => 1 / (1 + Math.exp(-f))

interface Split {
  feature: number
  bin: number
  gain: number
  left: number
  right: number
}

/** The best split of one feature's histogram (gain as in XGBoost's exact greedy step). */
function bestSplit(feature: number, g: Float64Array, h: Float64Array, bins: number, best: Split): void {
  let gTotal = 0
  let hTotal = 0
  for (let b = 0; b < bins; b++) {
    gTotal += g[b]
    hTotal += h[b]
  }
  const parent = (gTotal * gTotal) / (hTotal + LAMBDA)
  let gl = 0
  let hl = 0
  for (let b = 0; b < bins - 1; b++) {
    gl += g[b]
    hl += h[b]
    const gr = gTotal - gl
    const hr = hTotal - hl
    if (hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN) continue
    const gain = (gl * gl) / (hl + LAMBDA) + (gr * gr) / (hr + LAMBDA) - parent
    if (gain > best.gain) {
      best.feature = feature
      best.bin = b
      best.gain = gain
      best.left = gl / (hl + LAMBDA)
      best.right = gr / (hr + LAMBDA)
    }
  }
}

/** Each row's bin of every feature, row by row (row i's F bins sit together), and each feature's cut points. */
function binRows(columns: readonly Float64Array[], rows: Int32Array) {
  const n = rows.length
  const F = columns.length
  const cuts = columns.map((c) => {
    const values = new Float64Array(n)
    for (let i = 0; i < n; i++) values[i] = c[rows[i]]
    return cutPoints(values)
  })
  const bins = new Uint8Array(n * F)
  for (let f = 0; f < F; f++) {
    const c = columns[f]
    for (let i = 0; i < n; i++) bins[i * F + f] = binOf(cuts[f], c[rows[i]])
  }
  return { cuts, bins }
}

/**
 * Gradient and hessian sums per (feature, bin) in one pass over the rows (feature f's bins at f * MAX_BINS): each
 * bin still adds its rows in row order, so the sums are those of one feature at a time, only faster.
 */
function histograms(
  bins: Uint8Array,
  F: number,
  grad: Float64Array,
  hess: Float64Array,
  g: Float64Array,
  h: Float64Array,
) {
  g.fill(0)
  h.fill(0)
  for (let i = 0, o = 0; i < grad.length; i++) {
    const gi = grad[i]
    const hi = hess[i]
    for (let f = 0; f < F; f++, o++) {
      const k = f * MAX_BINS + bins[o]
      g[k] += gi
      h[k] += hi
    }
  }
}

/** Each training row's logistic-loss gradient and hessian at its current score. */
function gradients(
  score: Float64Array,
  y: Uint8Array,
  w: Float64Array,
  rows: Int32Array,
  grad: Float64Array,
  hess: Float64Array,
) {
  for (let i = 0; i < rows.length; i++) {
    const p = sigmoid(score[i])
    const wi = w[rows[i]]
    grad[i] = wi * (y[rows[i]] - p)
    hess[i] = wi * p * (1 - p)
  }
}

/**
 * Trains on the rows listed in `rows`: `columns[f][row]` the features, `y[row]` 0/1, `w[row]` each row's weight.
 */
export function trainStumps(
  columns: readonly Float64Array[],
  y: Uint8Array,
  w: Float64Array,
  rows: Int32Array,
): StumpModel {
  const n = rows.length
  const F = columns.length
  const { cuts, bins } = binRows(columns, rows)
  let pos = 0
  let all = 0
  for (let i = 0; i < n; i++) {
    pos += w[rows[i]] * y[rows[i]]
    all += w[rows[i]]
  }
  const base = pos > 0 && pos < all ? Math.log(pos / (all - pos)) : 0
  const score = new Float64Array(n).fill(base)
  const grad = new Float64Array(n)
  const hess = new Float64Array(n)
  const g = new Float64Array(F * MAX_BINS)
  const h = new Float64Array(F * MAX_BINS)
  const stumps: Stump[] = []
  for (let round = 0; round < STUMP_ROUNDS; round++) {
    gradients(score, y, w, rows, grad, hess)
    histograms(bins, F, grad, hess, g, h)
    const best: Split = { feature: -1, bin: 0, gain: 1e-12, left: 0, right: 0 }
    for (let f = 0; f < F; f++) {
      const count = cuts[f].length + 1
      if (count < 2) continue
      const at = f * MAX_BINS
      bestSplit(f, g.subarray(at, at + count), h.subarray(at, at + count), count, best)
    }
    if (best.feature < 0) break
    const stump = {
      feature: best.feature,
      threshold: cuts[best.feature][best.bin],
      left: LEARNING_RATE * best.left,
      right: LEARNING_RATE * best.right,
    }
    stumps.push(stump)
    for (let i = 0; i < n; i++) score[i] += bins[i * F + best.feature] <= best.bin ? stump.left : stump.right
  }
  return { base, stumps }
}

/** The model's log-odds for row `row`. */
export function scoreRow(model: StumpModel, columns: readonly Float64Array[], row: number): number {
  let f = model.base
  for (const s of model.stumps) f += columns[s.feature][row] <= s.threshold ? s.left : s.right
  return f
}
