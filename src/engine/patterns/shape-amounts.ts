import { usdToMinor } from '../model/money.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { lognormal } from '../random/distributions.ts'
import type { ShapeGraph } from './shape-graph.ts'
import type { InjectContext } from './types.ts'

/**
 * Median USD of one laundering payment at full amount blending: an ordinary payment between persons, about the
 * median of background person accounts' largest payment out (USD 330; their 90th percentile is near USD 1,800).
 * Split from one big sum, each hop carried USD 8,000 or more, above the 99th percentile; at USD 450 a member's
 * largest payment still sat near the 65th.
 */
export const BLENDED_PAYMENT_USD = 300

/** Payments that carry the whole sum side by side at the shape's narrowest step: a cycle 1, a fan its spokes. */
export function parallelPayments(g: ShapeGraph): number {
  const perLayer = g.layers.slice(0, -1).map((_, l) => g.edges.filter((e) => e.layer === l).length)
  return Math.max(1, Math.min(...perLayer))
}

/**
 * What enters a laundering flow, in whole units of `currency`: `amountUsd` (jittered ±10 %) moved towards
 * `payments` ordinary-sized payments by amount blending (geometric interpolation, as the takeover's payouts), so
 * at full blending each payment is about one large personal payment rather than a slice of a telltale sum.
 * At 0 it draws exactly what the unblended total did.
 */
export function blendedTotal(ctx: InjectContext, amountUsd: number, payments: number, currency: string): number {
  const { rng } = ctx
  const major = 10 ** currencyByCode[currency].minorDigits
  const given = usdToMinor(amountUsd * (0.9 + 0.2 * rng.next()), currency)
  const b = ctx.knobs.amountBlending
  const total =
    b > 0 ? given ** (1 - b) * usdToMinor(lognormal(rng, BLENDED_PAYMENT_USD, 0.5) * payments, currency) ** b : given
  return Math.max(major, Math.round(total / major) * major)
}
