import type { Rng } from './rng.ts'

/** Standard normal via Box–Muller (one value per call: simpler, and streams must not carry hidden state). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next()
  const v = rng.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Lognormal with the given median and log-sd: money amounts are heavy-tailed, never uniform. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng))
}

/** Pareto (type I) with scale xm and shape alpha: company sizes, very large payments. */
export function pareto(rng: Rng, xm: number, alpha: number): number {
  return xm / Math.pow(1 - rng.next(), 1 / alpha)
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x
}
