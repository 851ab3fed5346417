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

/** Where each statistic sits in an account's record of one side; the transaction kinds' counts follow. */
const N = 0
const SUM = 1
const SUMSQ = 2
const MAX = 3
const NIGHT = 4
const WEEKEND = 5
const FIRST = 6
const LAST = 7
const XBORDER = 8
const KINDS = 9
const STRIDE = KINDS + TRANSACTION_KINDS.length

/**
 * Running aggregates of one side (money out or money in) of every account. Each account's statistics sit
 * together in one record (144 bytes, two or three cache lines) rather than in one array per statistic, where a
 * payment between two random accounts touched a dozen distant lines per side.
 */
class Side {
  private readonly s: Float64Array
  readonly partners: DistinctCounters

  constructor(size: number) {
    this.s = new Float64Array(size * STRIDE)
    this.partners = new DistinctCounters(size)
  }

  /**
   * `partner`: the other account's index (−1 for none: cash, card merchants); `night`, `weekend`, `xborder`: 0 or 1,
   * worked out once per transaction for both sides.
   */
  add(
    i: number,
    t: number,
    amount: number,
    partner: number,
    kind: number,
    night: number,
    weekend: number,
    xborder: number,
  ): void {
    const s = this.s
    const at = i * STRIDE
    const n = s[at + N]++
    s[at + SUM] += amount
    s[at + SUMSQ] += amount * amount
    if (n === 0 || amount > s[at + MAX]) s[at + MAX] = amount
    if (n === 0) s[at + FIRST] = t
    s[at + LAST] = t
    s[at + NIGHT] += night
    s[at + WEEKEND] += weekend
    s[at + XBORDER] += xborder
    if (kind >= 0) s[at + KINDS + kind]++
    this.partners.addNumber(i, partner)
  }

  n(i: number): number {
    return this.s[i * STRIDE + N]
  }

  sum(i: number): number {
    return this.s[i * STRIDE + SUM]
  }

  /** The side's features as separability.py names them (`n_out`, `share_salary_in`, …). */
  columns(side: string, size: number): FeatureColumn[] {
    const s = this.s
    const col = (name: string, f: (i: number) => number): FeatureColumn => ({
      name: `${name}_${side}`,
      categorical: false,
      values: tabulate(size, f),
    })
    const get = (k: number) => (i: number) => s[i * STRIDE + k]
    const share = (k: number) => (i: number) => {
      const n = s[i * STRIDE + N]
      return n > 0 ? s[i * STRIDE + k] / n : 0
    }
    const std = (i: number) => {
      const n = s[i * STRIDE + N]
      if (n < 2) return 0
      const sum = s[i * STRIDE + SUM]
      return Math.sqrt(Math.max(0, (s[i * STRIDE + SUMSQ] - (sum * sum) / n) / (n - 1)))
    }
    return [
      col('n', get(N)),
      col('sum', get(SUM)),
      col('mean', share(SUM)),
      col('max', get(MAX)),
      col('std', std),
      col('partners', (i) => this.partners.estimate(i)),
      col('night', share(NIGHT)),
      col('weekend', share(WEEKEND)),
      col('span_days', (i) => (s[i * STRIDE + N] > 0 ? (s[i * STRIDE + LAST] - s[i * STRIDE + FIRST]) / DAY : 0)),
      ...TRANSACTION_KINDS.map((k, j) => col(`share_${k}`, share(KINDS + j))),
      col('xborder', share(XBORDER)),
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
    const t = tx.timestamp
    const night = hourOf(t) < 6 ? 1 : 0
    const weekend = weekdayOf(t) >= 5 ? 1 : 0
    const xborder = tx.originCountry !== tx.destinationCountry ? 1 : 0
    if (from >= 0) this.out.add(from, t, amount, to, kind, night, weekend, xborder)
    if (to >= 0) this.in.add(to, t, amount, from, kind, night, weekend, xborder)
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
