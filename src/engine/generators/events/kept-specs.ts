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
 * in typed arrays, text as codes into the strings the generator already holds), a scheduled row's obligation and
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
  /**
   * The text fields as codes + 1 into `texts` (0: null). Arrays of a million references cost 8 MB each to fill
   * and stay for the collector to trace; the texts are a bounded vocabulary the generator holds already (merchants,
   * cities, countries, the population's ids, a few descriptions), so each is stored once.
   */
  private readonly merchantName: Int32Array
  private readonly merchantCategory: Int32Array
  private readonly city: Int32Array
  private readonly conductorId: Int32Array
  private readonly destinationCountry: Int32Array
  private readonly documentId: Int32Array
  private readonly description: Int32Array
  private readonly texts: string[] = []
  private readonly codes = new Map<string, number>()

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
    this.merchantName = new Int32Array(count)
    this.merchantCategory = new Int32Array(count)
    this.city = new Int32Array(count)
    this.conductorId = new Int32Array(count)
    this.destinationCountry = new Int32Array(count)
    this.documentId = new Int32Array(count)
    this.description = new Int32Array(count)
  }

  /** Text v's code + 1 (0 for null). */
  private code(v: string | null): number {
    if (v === null) return 0
    let c = this.codes.get(v)
    if (c === undefined) this.codes.set(v, (c = this.texts.push(v)))
    return c
  }

  /** The text of code + 1 `c`. */
  private text(c: number): string | null {
    return c === 0 ? null : this.texts[c - 1]
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
    this.merchantName[i] = this.code(s.merchantName)
    this.merchantCategory[i] = this.code(s.merchantCategory)
    this.city[i] = this.code(s.city)
    this.conductorId[i] = this.code(s.conductorId)
    this.destinationCountry[i] = this.code(s.destinationCountry)
    this.documentId[i] = this.code(s.documentId)
    this.description[i] = this.code(s.description)
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
    into.merchantName = this.text(this.merchantName[i])
    into.merchantCategory = this.text(this.merchantCategory[i])
    into.city = this.text(this.city[i])
    into.conductorId = this.text(this.conductorId[i]) as Transaction['conductorId']
    into.destinationCountry = this.text(this.destinationCountry[i])
    into.documentId = this.text(this.documentId[i]) as Transaction['documentId']
    into.description = this.text(this.description[i])
    rng.loadState(this.states, i)
    return into
  }
}
