import { transactionDescriptions } from '../../reference/texts.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Channel, Transaction, TransactionKind } from '../../model/tables/transactions.ts'
import { convertMinor } from '../../model/money.ts'
import type { Rng } from '../../random/rng.ts'
import { digits } from '../core/text.ts'

export interface TransactionSpec {
  readonly timestamp: number
  readonly kind: TransactionKind
  readonly from: Account | null
  readonly to: Account | null
  /** Minor units in the paying account's currency (the receiving account's for cash deposits). */
  readonly amount: number
  readonly channel?: Channel
  readonly merchant?: { readonly name: string; readonly mcc: string } | null
  readonly city?: string | null
  /** Person handling the cash (cash deposits and withdrawals). */
  readonly conductorId?: Transaction['conductorId']
  readonly originCountry?: string
  readonly destinationCountry?: string
  readonly documentId?: Transaction['documentId']
  readonly description?: string
  readonly patternId?: Transaction['patternId']
  readonly patternRole?: string | null
}

/** The channels a row of each kind is drawn from when its spec sets none. */
export const CHANNELS_BY_KIND: Record<TransactionKind, readonly Channel[]> = {
  card_purchase: ['card', 'card', 'card', 'online'],
  cash_deposit: ['branch', 'branch', 'atm'],
  cash_withdrawal: ['atm', 'atm', 'atm', 'branch'],
  transfer: ['online', 'mobile', 'mobile'],
  salary: ['online'],
  rent: ['direct_debit', 'online'],
  bill_payment: ['direct_debit', 'direct_debit', 'online'],
  invoice_payment: ['online', 'online', 'swift'],
  wire: ['swift'],
}

/**
 * A background row's spec (the generator's own, never a pattern's): every field always present, so the hot path
 * reads one object shape whatever the kind (a literal per kind makes every read megamorphic), and the accounts'
 * world indices ride along for the ledger's legs. Null means what an absent TransactionSpec field means.
 */
export class RowSpec {
  channel: Channel | null = null
  merchantName: string | null = null
  merchantCategory: string | null = null
  city: string | null = null
  conductorId: Transaction['conductorId'] = null
  destinationCountry: string | null = null
  documentId: Transaction['documentId'] = null
  description: string | null = null
  from: Account | null = null
  to: Account | null = null
  timestamp = 0
  kind: TransactionKind = 'transfer'
  /** World index of the paying account, -1 for none. */
  fromIndex = -1
  /** World index of the receiving account, -1 for none. */
  toIndex = -1
  amount = 0

  /** Sets every field (a blank spec's own where not given): one object serves row after row (no spec per row). */
  reset(
    timestamp: number,
    kind: TransactionKind,
    accounts: readonly Account[],
    fromIndex: number,
    toIndex: number,
    amount: number,
  ): this {
    this.timestamp = timestamp
    this.kind = kind
    this.fromIndex = fromIndex
    this.toIndex = toIndex
    this.amount = amount
    this.from = fromIndex >= 0 ? accounts[fromIndex] : null
    this.to = toIndex >= 0 ? accounts[toIndex] : null
    this.channel = null
    this.merchantName = null
    this.merchantCategory = null
    this.city = null
    this.conductorId = null
    this.destinationCountry = null
    this.documentId = null
    this.description = null
    return this
  }

  setMerchant(m: { readonly name: string; readonly mcc: string }): void {
    this.merchantName = m.name
    this.merchantCategory = m.mcc
  }
}

/**
 * Fills a payment reference template (`template`: one already drawn for `kind`); `{ref}` becomes a number, so texts
 * vary like real references.
 */
export function describeTransaction(
  rng: Rng,
  kind: TransactionKind,
  template = rng.pick(transactionDescriptions[kind]),
): string {
  return template.includes('{ref}')
    ? template.replace(
        '{ref}',
        digits(rng.int(4, 8), () => rng.next()),
      )
    : template
}

/** What the receiving account gets when it holds another currency than the paying one (null otherwise). */
function received(amount: number, from: Account | null, to: Account | null) {
  if (from === null || to === null || to.currency === from.currency) return null
  const c = convertMinor(amount, from.currency, to.currency)
  return { minor: c.minor, rate: c.rate, currency: to.currency }
}

/**
 * A background row from its spec: exactly what buildTransaction gives for the same spec, with the same draws in
 * the same order (the channel, then the description), without its optional-field reads.
 */
export function backgroundTransaction(rng: Rng, id: Transaction['id'], s: RowSpec): Transaction {
  const from = s.from
  const to = s.to
  const payer = from ?? to
  if (payer === null) throw new Error('a transaction needs at least one account')
  const currency = payer.currency
  const fx = received(s.amount, from, to)
  return {
    id,
    timestamp: s.timestamp,
    kind: s.kind,
    channel: s.channel ?? rng.pick(CHANNELS_BY_KIND[s.kind]),
    fromAccountId: from?.id ?? null,
    toAccountId: to?.id ?? null,
    amount: s.amount,
    currency,
    toAmount: fx?.minor ?? null,
    toCurrency: fx?.currency ?? null,
    fxRate: fx?.rate ?? null,
    merchantName: s.merchantName,
    merchantCategory: s.merchantCategory,
    city: s.city,
    conductorId: s.conductorId,
    originCountry: payer.country,
    destinationCountry: s.destinationCountry ?? (to ?? payer).country,
    description: s.description ?? describeTransaction(rng, s.kind),
    documentId: s.documentId,
    patternId: null,
    patternRole: null,
    isSuspicious: false,
    fromBalanceAfter: null,
    toBalanceAfter: null,
  }
}

/**
 * One transaction row. Background generators and pattern injectors both build rows here, so injected rows
 * share every column's distribution (channels, descriptions, currency handling) with background rows.
 */
export function buildTransaction(rng: Rng, id: Transaction['id'], s: TransactionSpec): Transaction {
  const payer = s.from ?? s.to
  if (payer === null) throw new Error('a transaction needs at least one account')
  const currency = payer.currency
  const fx = received(s.amount, s.from, s.to)
  return {
    id,
    timestamp: s.timestamp,
    kind: s.kind,
    channel: s.channel ?? rng.pick(CHANNELS_BY_KIND[s.kind]),
    fromAccountId: s.from?.id ?? null,
    toAccountId: s.to?.id ?? null,
    amount: s.amount,
    currency,
    toAmount: fx?.minor ?? null,
    toCurrency: fx?.currency ?? null,
    fxRate: fx?.rate ?? null,
    merchantName: s.merchant?.name ?? null,
    merchantCategory: s.merchant?.mcc ?? null,
    city: s.city ?? null,
    conductorId: s.conductorId ?? null,
    originCountry: s.originCountry ?? (s.from ?? payer).country,
    destinationCountry: s.destinationCountry ?? (s.to ?? payer).country,
    description: s.description ?? describeTransaction(rng, s.kind),
    documentId: s.documentId ?? null,
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
    isSuspicious: false,
    // Set by the ledger in the merge, the one place that sees every row of an account in order.
    fromBalanceAfter: null,
    toBalanceAfter: null,
  }
}
