import { currencyByCode } from '../../reference/currencies.ts'

/** AMLworld's own currency names; the rest keep their ISO 4217 names (the converter takes any text). */
const AMLWORLD_CURRENCY: Readonly<Record<string, string>> = {
  USD: 'US Dollar',
  EUR: 'Euro',
  GBP: 'UK Pound',
  JPY: 'Yen',
  CHF: 'Swiss Franc',
  CAD: 'Canadian Dollar',
  AUD: 'Australian Dollar',
  CNY: 'Yuan',
  INR: 'Rupee',
  RUB: 'Ruble',
  SAR: 'Saudi Riyal',
  BRL: 'Brazil Real',
  MXN: 'Mexican Peso',
}

export function currencyName(code: string): string {
  return AMLWORLD_CURRENCY[code] ?? currencyByCode[code]?.name ?? code
}

/** AMLworld's seven payment formats. We generate no crypto, so Bitcoin never occurs. */
export const PAYMENT_FORMATS = ['Reinvestment', 'Cheque', 'Credit Card', 'ACH', 'Cash', 'Wire', 'Bitcoin'] as const
export type PaymentFormat = (typeof PAYMENT_FORMATS)[number]

/** Our kind and channel → the closest AMLworld payment format (the README's table). */
export function paymentFormat(kind: string, channel: string, sameOwner: boolean): PaymentFormat {
  if (kind === 'cash_deposit' || kind === 'cash_withdrawal') return 'Cash'
  if (kind === 'card_purchase' || channel === 'card') return 'Credit Card'
  if (kind === 'wire' || channel === 'swift') return 'Wire'
  if (kind === 'invoice_payment') return 'Cheque'
  if (kind === 'transfer' && sameOwner) return 'Reinvestment'
  return 'ACH'
}

/** Our laundering shapes under the names AMLworld's Patterns.txt gives the same graphs. */
const AMLWORLD_SHAPES: Readonly<Record<string, string>> = {
  fan_out: 'FAN-OUT',
  fan_in: 'FAN-IN',
  layered_fan_out: 'FAN-OUT',
  layered_fan_in: 'FAN-IN',
  cycle: 'CYCLE',
  scatter_gather: 'SCATTER-GATHER',
  gather_scatter: 'GATHER-SCATTER',
  bipartite: 'BIPARTITE',
  stacked_bipartite: 'STACK',
}

/**
 * Typology name in a Patterns.txt block header: a laundering shape (alone, or the layering of a chain, whose
 * subtype reads placement.shape.integration) by AMLworld's own name, so its loaders group them with theirs;
 * other kinds spelled out: structuring → STRUCTURING, muleChain → MULE-CHAIN.
 */
export function typologyName(kind: string, subtype: string): string {
  const shape = kind === 'launderingShape' ? subtype : kind === 'launderingChain' ? subtype.split('.')[1] : undefined
  return (shape !== undefined && AMLWORLD_SHAPES[shape]) || kind.replace(/[A-Z]/g, (c) => '-' + c).toUpperCase()
}
