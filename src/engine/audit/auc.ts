/** How many of `sorted` (ascending) are below v. */
export function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How many of `sorted` (ascending) are below v, and how many equal it. */
function rankOf(sorted: Float64Array, v: number): { below: number; equal: number } {
  const lo = countBelow(sorted, v)
  let end = lo
  let hi = sorted.length
  while (end < hi) {
    const mid = (end + hi) >>> 1
    if (sorted[mid] <= v) end = mid + 1
    else hi = mid
  }
  return { below: lo, equal: end - lo }
}

/**
 * ROC-AUC of the positives' scores against the negatives' (ascending): the chance a positive outranks a negative,
 * ties counted half (the Mann–Whitney statistic, what scikit-learn's roc_auc_score computes). Null when either
 * side is empty. Sorting the negatives once lets every kind's positives be scored against them by bisection.
 */
export function aucAgainst(sortedNegatives: Float64Array, positives: ArrayLike<number>): number | null {
  const n = sortedNegatives.length
  if (n === 0 || positives.length === 0) return null
  let wins = 0
  for (let i = 0; i < positives.length; i++) {
    const r = rankOf(sortedNegatives, positives[i])
    wins += r.below + r.equal / 2
  }
  return wins / (n * positives.length)
}

/** A feature can separate in either direction (a low count as much as a high one): the better of the two. */
export function directionFree(auc: number): number {
  return Math.max(auc, 1 - auc)
}

/** Four decimals: enough to compare, and short enough that the file reads at a glance. */
export function round4(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 10_000) / 10_000
}
