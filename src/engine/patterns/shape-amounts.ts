import { usdToMinor } from '../model/money.ts'
import type { Person } from '../model/tables/persons.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { lognormal } from '../random/distributions.ts'
import { beyondMedium, ownLargeUsd } from './own-large-payment.ts'
import type { ShapeGraph } from './shape-graph.ts'
import type { InjectContext } from './types.ts'

/**
 * Median USD of one laundering payment at medium amount blending: an ordinary payment between persons. Split from
 * one big sum, each hop carried USD 8,000 or more, above the 99th percentile of background persons' largest payment.
 */
export const BLENDED_PAYMENT_USD = 300

/** Rounds the whole sum moves in, weeks apart: 3 at full blending, 1 at medium and below. */
export function tranches(ctx: InjectContext): number {
  return 1 + Math.round(2 * beyondMedium(ctx))
}

/** Payments that carry the whole sum side by side at the shape's narrowest step: a cycle 1, a fan its spokes. */
export function parallelPayments(g: ShapeGraph): number {
  const perLayer = g.layers.slice(0, -1).map((_, l) => g.edges.filter((e) => e.layer === l).length)
  return Math.max(1, Math.min(...perLayer))
}

/** Past medium: whose own large payment each payment grows towards, what share of it, and in how many rounds. */
export interface OwnSizing {
  readonly holders?: readonly Person[]
  readonly rounds?: number
  readonly share?: number
}

/**
 * A shape's round carries about half its holders' own large payment per payment: three rounds then move about
 * one and a half such payments through each account, while a round's payment stays below most holders' largest.
 */
export const ROUND_SHARE = 0.5

/**
 * What enters a laundering flow, in whole units of `currency`: `amountUsd` (jittered ±10 %) moved towards
 * `payments` ordinary-sized payments by amount blending (geometric interpolation, as the takeover's payouts), so
 * blended each payment is about one large personal payment rather than a slice of a telltale sum. Past medium the
 * payment grows towards `share` of the holders' own large payment, and a shape run in `rounds` carries it that many
 * times.
 * At 0 it draws exactly what the unblended total did.
 */
export function blendedTotal(
  ctx: InjectContext,
  amountUsd: number,
  payments: number,
  currency: string,
  own: OwnSizing = {},
): number {
  const { holders = [], rounds = 1, share = 1 } = own
  const { rng } = ctx
  const major = 10 ** currencyByCode[currency].minorDigits
  const given = usdToMinor(amountUsd * (0.9 + 0.2 * rng.next()), currency)
  const b = ctx.knobs.amountBlending
  const h = beyondMedium(ctx)
  let per = b > 0 ? lognormal(rng, BLENDED_PAYMENT_USD, 0.5) : 0
  if (h > 0 && holders.length > 0) per *= ((share * ownLargeUsd(holders)) / BLENDED_PAYMENT_USD) ** h
  const total = b > 0 ? given ** (1 - b) * usdToMinor(per * payments * rounds, currency) ** b : given
  return Math.max(major, Math.round(total / major) * major)
}
