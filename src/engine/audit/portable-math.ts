/**
 * e^x and ln x from + − × ÷ alone. JavaScript's arithmetic is exactly rounded everywhere, but `Math.exp` and
 * `Math.log` are each engine build's own: with them the boosted trees' company-level figures in audit.json differed
 * between Node and Chromium (an ulp is enough to flip a near-tie between two splits).
 * Accurate to a few ulps, more than a model's scores need.
 */

const LN2 = 0.6931471805599453
/** 2^k for k in [−LIMIT, LIMIT], built by exact doublings. */
const LIMIT = 80
const POW2 = (() => {
  const t = new Float64Array(2 * LIMIT + 1)
  t[LIMIT] = 1
  for (let k = 1; k <= LIMIT; k++) {
    t[LIMIT + k] = t[LIMIT + k - 1] * 2
    t[LIMIT - k] = t[LIMIT - k + 1] / 2
  }
  return t
})()

/** 1/k! for k = 0…TERMS, by exact-rounded divisions (the same doubles on every engine). */
const TERMS = 13
const INVERSE_FACTORIAL = (() => {
  const c = new Float64Array(TERMS + 1)
  c[0] = 1
  for (let k = 1; k <= TERMS; k++) c[k] = c[k - 1] / k
  return c
})()

/** e^x, for |x| ≤ 55 (beyond, the nearer bound: a logistic model's scores never need more). */
export function portableExp(x: number): number {
  const c = x > 55 ? 55 : x < -55 ? -55 : x
  const k = Math.round(c / LN2)
  const r = c - k * LN2 // |r| ≤ ln 2 / 2
  // The Taylor polynomial to r^13 / 13! (the remainder is below 2e-17 for |r| ≤ 0.35) in Horner form: multiplies
  // and adds only, where dividing by each n in turn cost a tenth of the trees' training time.
  let p = INVERSE_FACTORIAL[TERMS]
  for (let n = TERMS - 1; n >= 0; n--) p = p * r + INVERSE_FACTORIAL[n]
  return p * POW2[LIMIT + k]
}

/** ln x for x > 0 (NaN otherwise). */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Infinity) return NaN
  // x = m · 2^e with m in [√½, √2): ln x = e ln 2 + 2 atanh((m − 1) / (m + 1)).
  let m = x
  let e = 0
  while (m >= Math.SQRT2) {
    m /= 2
    e++
  }
  while (m < Math.SQRT1_2) {
    m *= 2
    e--
  }
  const s = (m - 1) / (m + 1)
  const s2 = s * s
  let sum = 0
  for (let n = 41; n >= 1; n -= 2) sum = 1 / n + s2 * sum
  return e * LN2 + 2 * s * sum
}
