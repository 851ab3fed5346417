import type { AccessEvent } from '../model/tables/access-events.ts'
import type { Account } from '../model/tables/accounts.ts'
import { TRANSACTION_KINDS, type Transaction } from '../model/tables/transactions.ts'
import { DAY, HOUR } from '../model/time.ts'
import { Codebook } from './codebook.ts'
import { EntityIndex } from './entity-index.ts'
import { DistinctCounters } from './distinct.ts'
import type { FeatureColumn } from './level.ts'
import { tabulate } from './growable.ts'
import { major } from './money.ts'

/** Hour of day (UTC) and weekday (0 = Monday) of an instant in seconds. */
export const hourOf = (t: number) => Math.floor(t / HOUR) % 24
export const weekdayOf = (t: number) => (Math.floor(t / DAY) + 3) % 7

/** Running aggregates of one side (money out or money in) of every account, one typed array per statistic. */
class Side {
  readonly n: Float64Array
  readonly sum: Float64Array
  readonly sumsq: Float64Array
  readonly max: Float64Array
  readonly night: Float64Array
  readonly weekend: Float64Array
  readonly first: Float64Array
  readonly last: Float64Array
  readonly xborder: Float64Array
  readonly kinds: Float64Array[]
  readonly partners: DistinctCounters

  constructor(size: number) {
    const a = () => new Float64Array(size)
    ;[this.n, this.sum, this.sumsq, this.max, this.night, this.weekend] = [a(), a(), a(), a(), a(), a()]
    ;[this.first, this.last, this.xborder] = [a(), a(), a()]
    this.kinds = TRANSACTION_KINDS.map(a)
    this.partners = new DistinctCounters(size)
  }

  /** `partner`: the other account's index (−1 for none: cash, card merchants). */
  add(i: number, tx: Transaction, amount: number, partner: number, kind: number): void {
    const n = this.n[i]++
    this.sum[i] += amount
    this.sumsq[i] += amount * amount
    if (n === 0 || amount > this.max[i]) this.max[i] = amount
    if (n === 0) this.first[i] = tx.timestamp
    this.last[i] = tx.timestamp
    if (hourOf(tx.timestamp) < 6) this.night[i]++
    if (weekdayOf(tx.timestamp) >= 5) this.weekend[i]++
    if (tx.originCountry !== tx.destinationCountry) this.xborder[i]++
    if (kind >= 0) this.kinds[kind][i]++
    this.partners.addNumber(i, partner)
  }

  /** The side's features as separability.py names them (`n_out`, `share_salary_in`, …). */
  columns(side: string, size: number): FeatureColumn[] {
    const col = (name: string, f: (i: number) => number): FeatureColumn => ({
      name: `${name}_${side}`,
      categorical: false,
      values: tabulate(size, f),
    })
    const share = (a: Float64Array) => (i: number) => (this.n[i] > 0 ? a[i] / this.n[i] : 0)
    const std = (i: number) => {
      const n = this.n[i]
      if (n < 2) return 0
      return Math.sqrt(Math.max(0, (this.sumsq[i] - (this.sum[i] * this.sum[i]) / n) / (n - 1)))
    }
    return [
      col('n', (i) => this.n[i]),
      col('sum', (i) => this.sum[i]),
      col('mean', (i) => (this.n[i] > 0 ? this.sum[i] / this.n[i] : 0)),
      col('max', (i) => this.max[i]),
      col('std', std),
      col('partners', (i) => this.partners.estimate(i)),
      col('night', share(this.night)),
      col('weekend', share(this.weekend)),
      col('span_days', (i) => (this.n[i] > 0 ? (this.last[i] - this.first[i]) / DAY : 0)),
      ...TRANSACTION_KINDS.map((k, j) => col(`share_${k}`, share(this.kinds[j]))),
      col('xborder', share(this.xborder)),
    ]
  }
}

const kindIndex = new Map<string, number>(TRANSACTION_KINDS.map((k, i) => [k, i]))
const CATEGORIES = ['account_type', 'owner_type', 'currency', 'country', 'bank_name'] as const

/**
 * Per-account aggregates of every transaction, access event and trade, in typed arrays sized by the accounts
 * count the run announced: the rows pass through and are never held. Mirrors separability.py's account features.
 */
export class AccountFeatures {
  readonly index = new EntityIndex()
  readonly out: Side
  readonly in: Side
  readonly owner: string[] = []
  readonly jointOwner: (string | null)[] = []
  private readonly opened: Float64Array
  private readonly balance: Float64Array
  private readonly cats = CATEGORIES.map(() => new Codebook())
  private readonly catCodes: Float64Array[]
  readonly logins: Float64Array
  private readonly failed: Float64Array
  readonly trades: Float64Array
  private readonly devices: DistinctCounters
  private readonly ips: DistinctCounters
  private readonly countries: DistinctCounters

  constructor(private readonly size: number) {
    const a = () => new Float64Array(size)
    this.out = new Side(size)
    this.in = new Side(size)
    ;[this.opened, this.balance, this.logins, this.failed, this.trades] = [a(), a(), a(), a(), a()]
    this.catCodes = CATEGORIES.map(a)
    ;[this.devices, this.ips, this.countries] = [1, 2, 3].map(() => new DistinctCounters(size))
  }

  addAccount(row: Account): void {
    if (this.index.size >= this.size) return
    const i = this.index.add(row.id)
    this.owner.push(row.ownerId)
    this.jointOwner.push(row.jointOwnerId)
    this.opened[i] = row.openedAt
    this.balance[i] = major(row.openingBalance, row.currency)
    const values = [row.accountType, row.ownerType, row.currency, row.country, row.bankName]
    values.forEach((v, c) => (this.catCodes[c][i] = this.cats[c].code(v)))
  }

  /** `from`, `to`: the accounts' indices (−1 for none) and `amount` in major units, worked out once by the caller. */
  addTransaction(tx: Transaction, from: number, to: number, amount: number): void {
    const kind = kindIndex.get(tx.kind) ?? -1
    if (from >= 0) this.out.add(from, tx, amount, to, kind)
    if (to >= 0) this.in.add(to, tx, amount, from, kind)
  }

  addAccess(e: AccessEvent, i: number): void {
    if (i < 0) return
    this.logins[i]++
    if (e.kind.includes('fail')) this.failed[i]++
    this.devices.add(i, e.deviceId)
    this.ips.add(i, e.ipAddress)
    this.countries.add(i, e.country)
  }

  addTrade(i: number): void {
    if (i >= 0) this.trades[i]++
  }

  /** Days from opening to the window's end (separability.py measures to 2026-01-01, the medium window's end). */
  columns(endDay: number): FeatureColumn[] {
    const n = this.index.size
    const col = (name: string, f: (i: number) => number, categorical = false): FeatureColumn => ({
      name,
      categorical,
      values: tabulate(n, f),
    })
    return [
      ...this.out.columns('out', n),
      ...this.in.columns('in', n),
      col('logins', (i) => this.logins[i]),
      col('devices', (i) => this.devices.estimate(i)),
      col('ips', (i) => this.ips.estimate(i)),
      col('login_countries', (i) => this.countries.estimate(i)),
      col('failed_share', (i) => (this.logins[i] > 0 ? this.failed[i] / this.logins[i] : 0)),
      col('trades', (i) => this.trades[i]),
      col('opened_days', (i) => endDay - this.opened[i]),
      col('opening_balance', (i) => this.balance[i]),
      col('has_joint', (i) => (this.jointOwner[i] ? 1 : 0)),
      ...CATEGORIES.map((name, c) => col(name, (i) => this.catCodes[c][i], true)),
    ]
  }
}
