import { CodeCells } from '../../export/byte-cells.ts'
import { convertMinor } from '../../model/money.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import type { World } from '../../model/world.ts'
import type { TextOut } from '../../export/cells.ts'
import type { EventStream } from './context.ts'

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
  /**
   * Rows [from, to) into `out` (from index 0): the same accounts and amounts `row(i)` gives, without building rows.
   * `keep`: hold each row's spec and draw state so that its first `row(i)` / `rowWithLegs(i)` only adds the text
   * (the same row either way); for a writer that reads every row once, in order, after the pre-pass.
   */
  fill(from: number, to: number, out: LegColumns, keep?: boolean): void
  /** Row `index` as `row(index)` gives it, its legs put in row `k` of `out` on the way (a lane's encoding). */
  rowWithLegs(index: number, out: LegColumns, k: number): Transaction
  /**
   * Reads rows one at a time without building them: for writers that only need their bytes and legs. A stream's
   * cursors share one encoder: use one at a time (each range's is done before the next is made).
   */
  cursor(): RowCursor
}

/**
 * One background row at a time, with no row object: `load` draws row i's spec (or takes the kept one), then its
 * legs and its CSV line can be had, in that order, the CSV last (its text draws come after the spec's).
 */
export interface RowCursor {
  /** Loads row `index`; returns its timestamp (where the merge places it among injected rows). */
  load(index: number): number
  /** The loaded row's legs into row k of `out`. */
  legs(out: LegColumns, k: number): void
  /**
   * The loaded row's CSV line, the bytes the CSV writer writes for `row(index)`. `balance`: running balances by
   * book index, which this row is booked into for its balance cells (null: the cells are left empty).
   */
  csv(out: TextOut, balance: Float64Array | null): void
  /**
   * The row `csv` last wrote, as the row object `row(index)` gives (balances as booked there): one object reused for
   * every row, its fields worked out when read. For readers that read a row at once and keep nothing of it.
   */
  readonly view: Readonly<Transaction>
}

export function isTransactionStream(s: EventStream<unknown>): s is TransactionStream {
  return typeof (s as Partial<TransactionStream>).fill === 'function'
}

/**
 * Puts rows' legs into LegColumns: accounts by world index (-1 for none), the debit in the payer's currency, the
 * credit converted. The accounts' currencies are compared as numbers, so a row reads no account object.
 */
export class LegWriter {
  private readonly currency: Int32Array

  constructor(private readonly world: World) {
    this.currency = CodeCells.of(world.accounts.map((a) => a.currency)).code
  }

  /** Row k of `out`. */
  put(out: LegColumns, k: number, t: number, from: number, to: number, amount: number): void {
    out.time[k] = t
    out.from[k] = from
    out.to[k] = to
    out.debit[k] = amount
    const c = this.currency
    const accounts = this.world.accounts
    out.credit[k] =
      from >= 0 && to >= 0 && c[from] !== c[to]
        ? convertMinor(amount, accounts[from].currency, accounts[to].currency).minor
        : amount
  }
}
