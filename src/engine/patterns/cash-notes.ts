import { cashNoteMinor } from '../model/money.ts'
import { currencyByCode } from '../reference/currencies.ts'

/** The smallest note people bank in (the background's cash unit): USD 20, EUR 20, JPY 3,000. */
export function noteOf(currency: string): number {
  return cashNoteMinor(currencyByCode[currency])
}

/** The most one cash transaction carries without a report: 80 % of the reporting threshold (or of USD 8,000). */
export function cashCap(currency: string): number {
  const c = currencyByCode[currency]
  return Math.floor((c.reportingThreshold ?? 8_000 * c.perUsd) * 10 ** c.minorDigits * 0.8)
}
