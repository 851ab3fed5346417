import { currencyByCode, type Currency } from '../reference/currencies.ts'

/**
 * Money is integer minor units of a currency (cents, yen). Amounts are drawn in USD-equivalent majors,
 * converted with the fixed rate table and rounded once, so exported bytes never depend on float printing.
 */

const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i)

/** Decimal string with the currency's minor digits: 123456 USD → `1234.56`, 123456 JPY → `123456`. */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor)
  const neg = minor < 0
  const abs = neg ? -minor : minor
  const scale = digits === 2 ? 100 : 10 ** digits
  const whole = Math.floor(abs / scale)
  const frac = abs - whole * scale
  const fracText = digits === 2 ? TWO[frac] : String(frac).padStart(digits, '0')
  return (neg ? '-' : '') + whole + '.' + fracText
}

/** Major units of USD → minor units of `currency`, rounded to the nearest unit. */
export function usdToMinor(usd: number, currency: string): number {
  return usdToMinorBy(usd, currencyByCode[currency])
}

/** usdToMinor from the currency itself (for a row path that holds each account's currency). */
export function usdToMinorBy(usd: number, c: Currency): number {
  return Math.round(usd * c.perUsd * 10 ** c.minorDigits)
}

/**
 * The smallest note people bank in, in minor units: USD 20, EUR 20, JPY 3,000, HKD 200 (20 US dollars rounded to
 * one significant digit of the local currency), so cash amounts are whole notes in every currency.
 */
export function cashNoteMinor(c: Currency): number {
  const unit = usdToMinorBy(20, c)
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(unit)))
  return Math.max(scale, Math.round(unit / scale) * scale)
}

/** Minor units → major units (a float; for arithmetic, never for output). */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyByCode[currency].minorDigits
}

/** Converts minor units between currencies through USD with the fixed table; returns [minor, rate]. */
export function convertMinor(minor: number, from: string, to: string): { minor: number; rate: number } {
  const a = currencyByCode[from]
  const b = currencyByCode[to]
  return { minor: convertMinorBy(minor, a, b), rate: fxRate(a, b) }
}

/** convertMinor's amount, from the currencies themselves (for a row path that holds them and wants no object). */
export function convertMinorBy(minor: number, a: Currency, b: Currency): number {
  const rate = b.perUsd / a.perUsd
  const major = minor / 10 ** a.minorDigits
  return Math.round(major * rate * 10 ** b.minorDigits)
}

/** convertMinor's rate: units of b per unit of a, to 6 decimals. */
export function fxRate(a: Currency, b: Currency): number {
  return Math.round((b.perUsd / a.perUsd) * 1e6) / 1e6
}
