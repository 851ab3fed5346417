import { currencyByCode } from '../reference/currencies.ts'

/**
 * Money as people read it aloud in narratives ("USD 14,200"): whole major units with thousands separators.
 * Written by hand because the engine bans Intl and toLocaleString (their output depends on the runtime's locale).
 */
export function groupThousands(n: number): string {
  const neg = n < 0
  let digits = String(Math.abs(Math.round(n)))
  let out = ''
  while (digits.length > 3) {
    out = ',' + digits.slice(-3) + out
    digits = digits.slice(0, -3)
  }
  return (neg ? '-' : '') + digits + out
}

/** `USD 14,200` for 1,420,000 minor units of USD (rounded to whole units). */
export function moneyText(minor: number, currency: string): string {
  const scale = 10 ** currencyByCode[currency].minorDigits
  return `${currency} ${groupThousands(minor / scale)}`
}

/** `USD 9,020–9,980`, or one amount when both ends round to the same. */
export function moneyRangeText(lowMinor: number, highMinor: number, currency: string): string {
  const scale = 10 ** currencyByCode[currency].minorDigits
  const lo = groupThousands(lowMinor / scale)
  const hi = groupThousands(highMinor / scale)
  return lo === hi ? `${currency} ${lo}` : `${currency} ${lo}–${hi}`
}
