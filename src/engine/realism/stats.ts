/** Small statistics the realism report shares, each defined as bench/quality/realism.py computes it with numpy. */

/** numpy.percentile's default (linear interpolation between the two nearest ranks) of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const pos = (q / 100) * (n - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(n - 1, lo + 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

/** Continuous maximum-likelihood tail exponent α = 1 + n / Σ ln(x / xmin) over x ≥ xmin (NaN without a tail). */
export function tailExponent(values: ArrayLike<number>, xmin: number): number {
  let n = 0
  let logs = 0
  for (let i = 0; i < values.length; i++) {
    if (values[i] < xmin) continue
    n++
    logs += Math.log(values[i] / xmin)
  }
  return n > 0 ? 1 + n / logs : NaN
}

/** Benford's first-digit shares, log10(1 + 1/d) for d = 1…9. */
export const BENFORD = Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)))

/** First significant digit of a positive integer. */
export function firstDigit(x: number): number {
  let v = x
  while (v >= 10) v = Math.floor(v / 10)
  return v
}

/** Mean absolute deviation of observed first-digit counts (index 1…9) from Benford's law; NaN without data. */
export function benfordMad(counts: ArrayLike<number>): number {
  let total = 0
  for (let d = 1; d <= 9; d++) total += counts[d]
  if (total === 0) return NaN
  let sum = 0
  for (let d = 1; d <= 9; d++) sum += Math.abs(counts[d] / total - BENFORD[d - 1])
  return sum / 9
}

/** Rounded for the report (NaN and infinities become null, as JSON has no such numbers). */
export function round(x: number, digits: number): number | null {
  if (!Number.isFinite(x)) return null
  const f = 10 ** digits
  return Math.round(x * f) / f
}
