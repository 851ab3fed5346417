import type { Account } from '../../model/tables/accounts.ts'
import { CHANNELS, TRANSACTION_KINDS, type Transaction } from '../../model/tables/transactions.ts'
import type { Rng } from '../../random/rng.ts'
import type { RowSpec } from './transaction-row.ts'
import type { ScheduledRows } from './scheduled-rows.ts'

const FLOW = 1
const SCHEDULED = 2

const KIND_CODE = new Map(TRANSACTION_KINDS.map((k, i) => [k, i]))
const CHANNEL_CODE = new Map(CHANNELS.map((c, i) => [c, i]))

/**
 * What the ledger's pre-pass drew, held for the write pass (fill's `keep`) as columns: a flow row's spec (numbers
 * in typed arrays, text as references to strings the generator already holds), a scheduled row's obligation and
 * amount, and each row's draw state after them. A million held spec objects would all survive to the old
 * generation; columns cost no per-row object (about 75 bytes a row). Each row is taken once.
 */
export class KeptSpecs {
  /** 0: not held, FLOW or SCHEDULED. */
  private readonly held: Uint8Array
  /** A scheduled row's obligation. */
  private readonly obligation: Int32Array
  private readonly time: Float64Array
  private readonly amount: Float64Array
  private readonly from: Int32Array
  private readonly to: Int32Array
  private readonly kind: Uint8Array
  /** Channel code + 1 (0: none, drawn with the row's text). */
  private readonly channel: Uint8Array
  private readonly states: Int32Array
  private readonly merchantName: (string | null)[]
  private readonly merchantCategory: (string | null)[]
  private readonly city: (string | null)[]
  private readonly conductorId: Transaction['conductorId'][]
  private readonly destinationCountry: (string | null)[]
  private readonly documentId: Transaction['documentId'][]
  private readonly description: (string | null)[]

  constructor(
    count: number,
    private readonly accounts: readonly Account[],
    private readonly scheduled: ScheduledRows,
  ) {
    this.held = new Uint8Array(count)
    this.obligation = new Int32Array(count)
    this.time = new Float64Array(count)
    this.amount = new Float64Array(count)
    this.from = new Int32Array(count)
    this.to = new Int32Array(count)
    this.kind = new Uint8Array(count)
    this.channel = new Uint8Array(count)
    this.states = new Int32Array(4 * count)
    const refs = <T>() => new Array<T | null>(count).fill(null)
    this.merchantName = refs()
    this.merchantCategory = refs()
    this.city = refs()
    this.conductorId = refs()
    this.destinationCountry = refs()
    this.documentId = refs()
    this.description = refs()
  }

  /** Holds row i's spec and `rng`'s state just after it. */
  put(i: number, s: RowSpec, rng: Rng): void {
    this.held[i] = FLOW
    this.time[i] = s.timestamp
    this.amount[i] = s.amount
    this.from[i] = s.fromIndex
    this.to[i] = s.toIndex
    this.kind[i] = KIND_CODE.get(s.kind) ?? 0
    this.channel[i] = s.channel === null ? 0 : (CHANNEL_CODE.get(s.channel) ?? -1) + 1
    rng.saveState(this.states, i)
    this.merchantName[i] = s.merchantName
    this.merchantCategory[i] = s.merchantCategory
    this.city[i] = s.city
    this.conductorId[i] = s.conductorId
    this.destinationCountry[i] = s.destinationCountry
    this.documentId[i] = s.documentId
    this.description[i] = s.description
  }

  /** Holds scheduled row i: obligation o's occurrence at t for `amount`, and `rng`'s state after the row's placing. */
  putScheduled(i: number, t: number, o: number, amount: number, rng: Rng): void {
    this.held[i] = SCHEDULED
    this.time[i] = t
    this.obligation[i] = o
    this.amount[i] = amount
    rng.saveState(this.states, i)
  }

  /**
   * Row i's spec, with its draw state loaded into `rng`, if it is held (then no longer); null if not. A flow row's
   * spec is read back into `into`; a scheduled row's is its obligation's, without working out the amount again.
   */
  take(i: number, into: RowSpec, rng: Rng): RowSpec | null {
    const held = i < this.held.length ? this.held[i] : 0
    if (held === 0) return null
    this.held[i] = 0
    if (held === SCHEDULED)
      return this.scheduled.specWith(
        rng.loadState(this.states, i),
        this.time[i],
        this.obligation[i],
        this.amount[i],
        into,
      )
    const from = this.from[i]
    const to = this.to[i]
    into.timestamp = this.time[i]
    into.kind = TRANSACTION_KINDS[this.kind[i]]
    into.fromIndex = from
    into.toIndex = to
    into.from = from >= 0 ? this.accounts[from] : null
    into.to = to >= 0 ? this.accounts[to] : null
    into.amount = this.amount[i]
    const c = this.channel[i]
    into.channel = c === 0 ? null : CHANNELS[c - 1]
    into.merchantName = this.merchantName[i]
    into.merchantCategory = this.merchantCategory[i]
    into.city = this.city[i]
    into.conductorId = this.conductorId[i]
    into.destinationCountry = this.destinationCountry[i]
    into.documentId = this.documentId[i]
    into.description = this.description[i]
    // The strings are the write pass's now: drop them so they do not outlive it.
    this.merchantName[i] = this.merchantCategory[i] = this.city[i] = this.destinationCountry[i] = null
    this.conductorId[i] = this.documentId[i] = this.description[i] = null
    rng.loadState(this.states, i)
    return into
  }
}
