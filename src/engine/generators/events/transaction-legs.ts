import { convertMinor } from '../../model/money.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import type { World } from '../../model/world.ts'
import type { EventStream } from './context.ts'
import type { TransactionSpec } from './transaction-row.ts'

/**
 * What the ledger needs of transaction rows [from, to): each row's time, its accounts (world indices, -1 where
 * a side has none) and what it takes from the paying account and gives the receiving one, in minor units of each
 * account's currency. Typed arrays, so a range costs no row objects and crosses threads by transfer.
 */
export interface LegColumns {
  readonly time: Float64Array
  readonly from: Int32Array
  readonly to: Int32Array
  readonly debit: Float64Array
  readonly credit: Float64Array
}

export function legColumns(rows: number): LegColumns {
  return {
    time: new Float64Array(rows),
    from: new Int32Array(rows),
    to: new Int32Array(rows),
    debit: new Float64Array(rows),
    credit: new Float64Array(rows),
  }
}

/** The background transaction table, with a lean path that fills the ledger's columns by the rows' own draws. */
export interface TransactionStream extends EventStream<Transaction> {
  /** Rows [from, to) into `out` (from index 0): the same accounts and amounts `row(i)` gives, without building rows. */
  fill(from: number, to: number, out: LegColumns): void
}

export function isTransactionStream(s: EventStream<unknown>): s is TransactionStream {
  return typeof (s as Partial<TransactionStream>).fill === 'function'
}

/** Row k of `out` from a spec, as buildTransaction would book it (a cross-currency credit converted). */
export function putSpec(world: World, out: LegColumns, k: number, s: TransactionSpec): void {
  out.time[k] = s.timestamp
  out.from[k] = s.from === null ? -1 : (world.accountIndex.get(s.from.id) ?? -1)
  out.to[k] = s.to === null ? -1 : (world.accountIndex.get(s.to.id) ?? -1)
  out.debit[k] = s.amount
  out.credit[k] =
    s.from !== null && s.to !== null && s.to.currency !== s.from.currency
      ? convertMinor(s.amount, s.from.currency, s.to.currency).minor
      : s.amount
}

/** Row k of `out` from a built row (a lane's encoded rows, whose accounts are all background accounts). */
export function putRow(world: World, out: LegColumns, k: number, r: Transaction): void {
  out.time[k] = r.timestamp
  out.from[k] = r.fromAccountId === null ? -1 : (world.accountIndex.get(r.fromAccountId) ?? -1)
  out.to[k] = r.toAccountId === null ? -1 : (world.accountIndex.get(r.toAccountId) ?? -1)
  out.debit[k] = r.amount
  out.credit[k] = r.toAmount ?? r.amount
}
