import type { Rng } from './rng.ts'

/** Index of the first entry of an ascending array greater than `target` (the last index when none is). */
export function firstAbove(cumulative: Float64Array, target: number): number {
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cumulative[mid] > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** A weighted choice precomputed once: cumulative weights searched by bisection. */
export interface Weighted<T> {
  readonly items: readonly T[]
  sample(rng: Rng): T
  /** Index chosen for a given uniform u in [0, 1): lets callers reuse one draw. */
  indexAt(u: number): number
}

export function weighted<T>(items: readonly T[], weights: readonly number[]): Weighted<T> {
  if (items.length === 0 || items.length !== weights.length)
    throw new Error('weighted(): items and weights must be non-empty and the same length')
  const cumulative = new Float64Array(items.length)
  let total = 0
  for (let i = 0; i < items.length; i++) {
    total += Math.max(0, weights[i])
    cumulative[i] = total
  }
  const indexAt = (u: number): number => firstAbove(cumulative, u * total)
  return { items, indexAt, sample: (rng) => items[indexAt(rng.next())] }
}

/** Weighted choice from objects that carry a `weight` field. */
export function weightedBy<T extends { readonly weight: number }>(items: readonly T[]): Weighted<T> {
  return weighted(
    items,
    items.map((i) => i.weight),
  )
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    const t = items[i]
    items[i] = items[j]
    items[j] = t
  }
  return items
}
