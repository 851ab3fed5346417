import { currencyByCode } from '../reference/currencies.ts'

const scale = new Map<string, number>()

/** Minor units → major units of the row's currency (a float, for features only). */
export function major(minor: number, currency: string): number {
  let s = scale.get(currency)
  if (s === undefined) {
    s = 10 ** (currencyByCode[currency]?.minorDigits ?? 2)
    scale.set(currency, s)
  }
  return minor / s
}
