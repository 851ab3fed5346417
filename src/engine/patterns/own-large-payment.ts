import { minorToMajor } from '../model/money.ts'
import type { Person } from '../model/tables/persons.ts'
import { currencyByCode } from '../reference/currencies.ts'
import type { InjectContext } from './types.ts'

/**
 * A holder's own large one-off payment as a share of their annual income: what the background's large payments
 * (car, tuition, a deposit) are sized by. At hard, with most current-account holders making one, background
 * persons' largest payment out has a median near USD 1,500 and a 75th percentile near USD 4,300, so laundering that
 * pays USD 300 a hop hid tiny sums rather than credible ones.
 */
export const OWN_LARGE_PAYMENT_SHARE = 0.07

/**
 * How far past medium blending goes: 0 up to medium (0.5), 1 at full. Above medium each payment moves from an
 * ordinary person-to-person payment towards its holders' own large payment, and the sum spreads over more rounds.
 * Zero (and no draw) at medium and below, so those rungs keep their bytes.
 */
export function beyondMedium(ctx: InjectContext): number {
  return Math.max(0, 2 * ctx.knobs.amountBlending - 1)
}

/** A person's annual income in USD. */
export function incomeUsdOf(p: Person): number {
  return minorToMajor(p.annualIncome, p.currency) / currencyByCode[p.currency].perUsd
}

/** The median person's own large one-off payment in USD (as the background sizes theirs, at least USD 500). */
export function ownLargeUsd(holders: readonly Person[]): number {
  const usd = holders.map(incomeUsdOf).sort((a, b) => a - b)
  const mid = usd.length > 0 ? usd[Math.floor(usd.length / 2)] : 0
  return Math.max(500, OWN_LARGE_PAYMENT_SHARE * mid)
}
