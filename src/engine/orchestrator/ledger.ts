import { plainRow } from '../model/row-view.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { legColumns, type LegColumns, type TransactionStream } from '../generators/events/transaction-legs.ts'
import { usdToMinor } from '../model/money.ts'
import { floorOf } from '../model/account-floor.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import type { World } from '../model/world.ts'
import { hashString, unitHash } from '../random/hash.ts'

/**
 * The ledger: every transaction row carries the balances of its accounts after it, from each account's opening
 * balance through every earlier row of that account in file order (background and injected rows alike). Balances
 * are minor units held in doubles (exact far beyond any balance here).
 */

/** Every account a row can name, indexed: the background's in world order, then the injected ones. */
export class LedgerBook {
  readonly accounts: readonly Account[]
  private readonly injected = new Map<string, number>()

  constructor(
    private readonly world: World,
    injected: readonly Account[],
  ) {
    this.accounts = [...world.accounts, ...injected]
    injected.forEach((a, k) => this.injected.set(a.id, world.accounts.length + k))
  }

  /** The account's index, or -1 for a side that is none of ours (or empty). */
  indexOf(id: string | null): number {
    if (id === null) return -1
    return this.world.accountIndex.get(id) ?? this.injected.get(id) ?? -1
  }

  get size(): number {
    return this.accounts.length
  }
}

/** Running balances over rows in file order. */
export class RunningLedger {
  constructor(
    readonly book: LedgerBook,
    readonly balance: Float64Array,
  ) {}

  /** Books background row `row` by its legs (row k of `legs`) and writes its two balance fields. */
  bookLegs(legs: LegColumns, k: number, row: Transaction): void {
    const from = legs.from[k]
    const to = legs.to[k]
    row.fromBalanceAfter = from < 0 ? null : (this.balance[from] -= legs.debit[k])
    row.toBalanceAfter = to < 0 ? null : (this.balance[to] += legs.credit[k])
  }

  /** Books a row and writes its two balance fields. */
  stamp(row: Transaction): void {
    const from = this.book.indexOf(row.fromAccountId)
    const to = this.book.indexOf(row.toAccountId)
    row.fromBalanceAfter = from < 0 ? null : (this.balance[from] -= row.amount)
    row.toBalanceAfter = to < 0 ? null : (this.balance[to] += row.toAmount ?? row.amount)
  }
}

/** What the pre-pass decides: the opening balances to write, and the balances where a shard starts. */
export interface LedgerPlan {
  readonly book: LedgerBook
  /** The stream and injected rows it was planned over (time-sorted), which the writers book again. */
  readonly stream: TransactionStream
  readonly extra: readonly Transaction[]
  /** Opening balance of every account: as drawn, raised where the rows would take it below its floor. */
  readonly opening: Float64Array
  /** Balances just before background row `startRow`, with those openings (a shard's start; the openings for 0). */
  readonly start: Float64Array
  /** The book indices of the accounts whose opening balance was raised, ascending. */
  readonly raisedAt: Int32Array
  /**
   * With lanes: the ranges the pre-pass split the rows into and the lane that drew each. That lane kept the
   * range's specs, so the writer asks it to encode the range.
   */
  readonly ranges: readonly PlannedRange[] | null
}

/** Background transaction rows [from, to), drawn in the pre-pass by lane `lane`. */
export interface PlannedRange {
  readonly from: number
  readonly to: number
  readonly lane: number
}

/** Background rows the pre-pass fills at a time (about 1 MB of columns) between yields to the host. */
const PLAN_ROWS = 16_384

/**
 * The pre-pass's arithmetic: background rows' legs fed in file order (injected rows booked where the merge puts
 * them), each account's lowest balance kept; `finish` settles the opening balances from those dips.
 */
export class LowWater {
  readonly book: LedgerBook
  private readonly drawn: Float64Array
  /** Each account's floor (floorOf), read with its opening balance in one pass over the account objects. */
  private readonly floor: Float64Array
  private readonly balance: Float64Array
  private readonly low: Float64Array
  private start: Float64Array | null
  private j = 0
  private rows = 0

  constructor(
    private readonly world: World,
    injectedAccounts: readonly Account[],
    private readonly extra: readonly Transaction[],
    private readonly startRow: number,
  ) {
    this.book = new LedgerBook(world, injectedAccounts)
    const accounts = this.book.accounts
    this.drawn = new Float64Array(accounts.length)
    this.floor = new Float64Array(accounts.length)
    for (let a = 0; a < accounts.length; a++) {
      this.drawn[a] = accounts[a].openingBalance
      this.floor[a] = floorOf(accounts[a])
    }
    this.balance = this.drawn.slice()
    this.low = this.drawn.slice()
    this.start = startRow === 0 ? this.drawn.slice() : null
  }

  /** The next `n` background rows, in file order, from row 0 of `cols`. */
  feed(cols: LegColumns, n: number): void {
    const { balance, low, extra } = this
    for (let k = 0; k < n; k++) {
      const t = cols.time[k]
      // The same order as mergeByTime: an injected row goes before the first background row that is later.
      while (this.j < extra.length && extra[this.j].timestamp < t) this.bookExtra(extra[this.j++])
      const from = cols.from[k]
      const to = cols.to[k]
      if (from >= 0 && (balance[from] -= cols.debit[k]) < low[from]) low[from] = balance[from]
      if (to >= 0) balance[to] += cols.credit[k]
      if (++this.rows === this.startRow) this.start = balance.slice()
    }
  }

  private bookExtra(row: Transaction) {
    const from = this.book.indexOf(row.fromAccountId)
    const to = this.book.indexOf(row.toAccountId)
    if (from >= 0 && (this.balance[from] -= row.amount) < this.low[from]) this.low[from] = this.balance[from]
    if (to >= 0) this.balance[to] += row.toAmount ?? row.amount
  }

  /**
   * After every row: an account whose dip would pass its floor gets its opening balance raised by the shortfall
   * plus a small cushion of its own, so no background amount changes and every balance stays within what the
   * account allows.
   */
  finish(stream: TransactionStream): LedgerPlan {
    const { book, drawn, floor, low, world } = this
    while (this.j < this.extra.length) this.bookExtra(this.extra[this.j++])
    const opening = drawn.slice()
    const at: number[] = []
    for (let a = 0; a < book.size; a++) {
      const short = floor[a] - low[a]
      if (!(short > 0)) continue
      const account = book.accounts[a]
      at.push(a)
      const u = a < world.accounts.length ? unitHash(world.seedKey ^ 0x1ed9, a) : hashString(account.id) / 2 ** 32
      const cushion = u * Math.max(0.2 * short, usdToMinor(100, account.currency))
      const unit = 10 ** (currencyByCode[account.currency]?.minorDigits ?? 2)
      opening[a] += Math.ceil((short + cushion) / unit) * unit
    }
    const start = this.start ?? this.balance
    for (let a = 0; a < book.size; a++) start[a] += opening[a] - drawn[a]
    return { book, stream, extra: this.extra, opening, start, raisedAt: Int32Array.from(at), ranges: null }
  }
}

/**
 * The lean pre-pass over the merged ledger on this thread: background rows through the stream's lean path
 * (accounts and amounts only), injected rows where the merge puts them (see LowWater). Yields rows done.
 * `keep`: the stream holds the specs it drew for a writer that then reads every row in order (TransactionStream).
 */
export function* planLedger(
  world: World,
  injectedAccounts: readonly Account[],
  stream: TransactionStream,
  extra: readonly Transaction[],
  startRow = 0,
  keep = false,
): Generator<number, LedgerPlan, void> {
  const water = new LowWater(world, injectedAccounts, extra, startRow)
  const cols = legColumns(Math.min(PLAN_ROWS, stream.count))
  for (let c0 = 0; c0 < stream.count; c0 += PLAN_ROWS) {
    const c1 = Math.min(stream.count, c0 + PLAN_ROWS)
    stream.fill(c0, c1, cols, keep)
    water.feed(cols, c1 - c0)
    yield c1
  }
  return water.finish(stream)
}

/** The accounts table's rows with the plan's opening balances (copies where one was raised). */
export function withPlannedOpenings(rows: readonly { id: string }[], plan: LedgerPlan): { id: string }[] {
  // Only raised accounts differ from their rows: looking up those few ids, not every row's in the world's index
  // (a million lookups into a million-entry map), leaves every other row as it is.
  if (plan.raisedAt.length === 0) return rows.slice()
  const raised = new Map<string, number>()
  for (const a of plan.raisedAt) raised.set(plan.book.accounts[a].id, plan.opening[a])
  return rows.map((r) => {
    const opening = raised.get(r.id)
    const row = r as Account
    return opening !== undefined && opening !== row.openingBalance ? { ...plainRow(row), openingBalance: opening } : r
  })
}

/**
 * Background rows [from, to) merged with `extra` as mergeByTime merges them, each booked in that order and given
 * its balances, starting from `start` (copied, so a plan can be read again). Background rows are booked by the
 * legs their spec gives (no id lookups).
 */
export function* bookedRows(
  stream: TransactionStream,
  from: number,
  to: number,
  extra: readonly Transaction[],
  book: LedgerBook,
  start: Float64Array,
): Generator<Transaction> {
  const run = new RunningLedger(book, start.slice())
  const legs = legColumns(1)
  let j = 0
  for (let i = from; i < to; i++) {
    const row = stream.rowWithLegs(i, legs, 0)
    while (j < extra.length && extra[j].timestamp < row.timestamp) {
      run.stamp(extra[j])
      yield extra[j++]
    }
    run.bookLegs(legs, 0, row)
    yield row
  }
  while (j < extra.length) {
    run.stamp(extra[j])
    yield extra[j++]
  }
}
