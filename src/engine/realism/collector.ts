import { tables, type TableName } from '../model/schema.ts'
import { civilFromDays, DAY } from '../model/time.ts'
import { hashString } from '../random/hash.ts'
import { floorOf } from '../model/account-floor.ts'
import type { RowObserver } from '../model/row-observer.ts'
import { localClock } from './local-clock.ts'
import { PairTable } from './pairs.ts'
import { benfordMad, firstDigit, percentile, round, tailExponent } from './stats.ts'

type Row = Readonly<Record<string, unknown>>

/**
 * A background row read in place (TransactionView) also names its accounts by world index (-1 for none), which
 * stand for the ids without a lookup by string; row objects do not.
 */
interface IndexedRow {
  readonly fromIndex?: number
  readonly toIndex?: number
}

/** Pairs held before the pair figures switch to a payer sample (2^21 buckets of 36 bytes, about 75 MB): exact up to a few million payments. */
export const PAIR_CAP = 1_000_000
/** Countries with fewer background card purchases are left out of the local-time figures (as in realism.py). */
const MIN_CARD_PURCHASES = 200
const DEGREE_XMIN = 5
const TWO_POW_32 = 4_294_967_296

/** What each figure means; written into the report so a reader needs no code. */
export const DEFINITIONS = {
  scope:
    'Background transactions only (pattern_id empty), except labelled_share and benford_mad, which read every transaction. Definitions follow bench/quality/realism.py.',
  labelled_share: 'Share of transactions with a pattern_id (prevalence).',
  repeat_partner_share:
    'Of payments with a counterparty (to_account_id, else the merchant of a card purchase) and a paying account, the share whose (payer, counterparty) pair occurs more than once.',
  recurring_share:
    'Share of those payments in pairs of >= 3 payments whose gaps are regular: mean gap > 0 and coefficient of variation (sample standard deviation / mean) <= 0.35.',
  out_degree:
    'Distinct receiving accounts per paying account over account-to-account payments: p50 and p99 (linear interpolation, as numpy), max, and the continuous MLE tail exponent alpha = 1 + n / sum(ln(x / 5)) over x >= 5; in_degree: distinct paying accounts per receiving account (p99, max, accounts over 100).',
  sampling:
    'payer_rate 1 means exact. Above 1,000,000 distinct pairs the pair figures are kept for a hash-chosen uniform sample of paying accounts (payer_rate is its share): shares, out-degree percentiles and alpha are then estimates over that sample, max out-degree a lower bound, in-degrees the sampled counts divided by payer_rate.',
  local_time:
    'Per country of the paying account (>= 200 background card purchases), the share of card purchases at 00:00-05:59 and on Saturday or Sunday in local time: the wall clock of the largest population centre with its daylight-saving rules (the zones realism.py uses; realism/local-clock.ts), not the fixed offsets the generator plans with.',
  benford_mad:
    "Mean absolute deviation of the first-digit distribution of all positive amounts (every transaction) from Benford's law.",
  negative_balance:
    'Checking accounts of the accounts table: the share whose balance is below zero after some background transaction (ever_negative) and after its last one (end_negative), and the share with no background transaction (never_transact). source says how the balance is known: from_balance_after / to_balance_after when the transactions table has them, else the opening balance run forward (debits at amount, credits at to_amount when set, else amount). with_overdraft: the share of checking accounts with an overdraft_limit; negative_without_overdraft: of those without one, the share below zero after some background transaction; below_floor: accounts of any type whose balance after a background transaction is below what the account allows (minus overdraft_limit for checking and business, minus credit_limit for credit cards and loans, zero for savings and investment), null without balance columns.',
  salary:
    'Employed persons (employer_id set) outside suspicious instances: how many received a background salary payment into an account they own in any month (paid_any), and the share paid in >= 11 distinct calendar months (UTC).',
} as const

/** Background card purchases per country (by index): all, at night and on weekends, in local time. */
interface LocalCounts {
  readonly n: number[]
  readonly night: number[]
  readonly weekend: number[]
}

/**
 * Per-account columns, in typed arrays grown by doubling: a million accounts pushed onto ten plain arrays cost about
 * 1.3 µs each (growth copies and boxed elements), these a fraction of that.
 */
class Accounts {
  size = 0
  /** Ids in order of first sight; the map from id to index is built on the first lookup by id (none in a run without events). */
  private readonly ids: string[] = []
  private index: Map<string, number> | null = null
  /** Country of each account, as an index into `codes`. */
  country = new Int32Array(1024)
  readonly codes: string[] = []
  readonly owner: string[] = []
  checking = new Uint8Array(1024)
  /** Checking accounts with an arranged overdraft. */
  overdraft = new Uint8Array(1024)
  /** What each account's balance may not go below (model/account-floor.ts), and whether it ever did. */
  floor = new Float64Array(1024)
  breached = new Uint8Array(1024)
  balance = new Float64Array(1024)
  low = new Float64Array(1024)
  touched = new Uint8Array(1024)
  unit = new Float64Array(1024)

  get indexed(): boolean {
    return this.index !== null
  }

  /** The index of account `id`, or -1 when it was not seen yet. */
  find(id: string): number {
    if (this.index === null) {
      const index = new Map<string, number>()
      const ids = this.ids
      for (let i = 0; i < ids.length; i++) if (!index.has(ids[i])) index.set(ids[i], i)
      this.index = index
    }
    return this.index.get(id) ?? -1
  }

  /** Appends account `id` (not seen yet) and returns its index. */
  add(id: string, country: number, row: Row | undefined): number {
    const i = this.size
    if (i === this.country.length) this.grow()
    this.size = i + 1
    this.ids.push(id)
    this.index?.set(id, i)
    this.country[i] = country
    this.owner.push((row?.ownerId as string) ?? '')
    this.checking[i] = row?.accountType === 'checking' ? 1 : 0
    this.overdraft[i] = row?.overdraftLimit != null ? 1 : 0
    this.floor[i] = row ? floorOf(row as unknown as Parameters<typeof floorOf>[0]) : -Infinity
    this.balance[i] = (row?.openingBalance as number | null) ?? 0
    this.low[i] = Infinity
    this.unit[i] = hashString(id) / TWO_POW_32
    return i
  }

  private grow(): void {
    const n = 2 * this.country.length
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a)
      return b
    }
    this.country = more(this.country, (k) => new Int32Array(k))
    this.checking = more(this.checking, (k) => new Uint8Array(k))
    this.overdraft = more(this.overdraft, (k) => new Uint8Array(k))
    this.floor = more(this.floor, (k) => new Float64Array(k))
    this.breached = more(this.breached, (k) => new Uint8Array(k))
    this.balance = more(this.balance, (k) => new Float64Array(k))
    this.low = more(this.low, (k) => new Float64Array(k))
    this.touched = more(this.touched, (k) => new Uint8Array(k))
    this.unit = more(this.unit, (k) => new Float64Array(k))
  }
}

/** The realism report (realism.json): background figures of issue 10, computed while the rows stream. */
export function createRealismCollector(): RowObserver {
  const countries = new Map<string, number>()
  const local: LocalCounts = { n: [], night: [], weekend: [] }
  const acc = new Accounts()
  const accountOf = (id: string, row?: Row): number => {
    const seen = acc.find(id)
    if (seen >= 0) return seen
    return added(id, row)
  }
  // The accounts table's ids are distinct, so until something looks an account up by id (a transaction naming
  // one), its rows are appended without building the id map.
  const listed = (id: string, row: Row): number => (acc.indexed ? accountOf(id, row) : added(id, row))
  const added = (id: string, row?: Row): number => {
    const code = (row?.country as string) ?? ''
    let c = countries.get(code)
    if (c === undefined) {
      countries.set(code, (c = acc.codes.length))
      acc.codes.push(code)
      local.n.push(0)
      local.night.push(0)
      local.weekend.push(0)
    }
    return acc.add(id, c, row)
  }
  /** This report's index + 1 of each world account met through an IndexedRow (0: not met yet). */
  let byWorld = new Int32Array(0)
  const accountAt = (k: number, r: Row, idField: 'fromAccountId' | 'toAccountId'): number => {
    if (k >= byWorld.length) {
      const grown = new Int32Array(Math.max(2 * byWorld.length, k + 1, 1024))
      grown.set(byWorld)
      byWorld = grown
    }
    let i = byWorld[k] - 1
    if (i < 0) byWorld[k] = (i = accountOf(r[idField] as string)) + 1
    return i
  }
  /** A row's paying or receiving account as this report's index, -1 for none. */
  const side = (k: number | undefined, r: Row, idField: 'fromAccountId' | 'toAccountId'): number => {
    if (k !== undefined) return k < 0 ? -1 : accountAt(k, r, idField)
    const id = r[idField]
    return id === null ? -1 : accountOf(id as string)
  }
  const merchants = new Map<string, number>()
  const pairs = new PairTable(PAIR_CAP, (p) => acc.unit[p])
  // The employed persons' ids in table order; the map to their slots, and each slot's months, are made on the
  // first salary (a run without transactions makes none: at 5M persons the map alone was ~3M entries).
  const employedIds: string[] = []
  let employed: Map<string, number> | null = null
  let lastMonth = new Float64Array(0)
  let months = new Int32Array(0)
  const employedSlots = (): Map<string, number> => {
    if (employed !== null) return employed
    employed = new Map()
    for (let i = 0; i < employedIds.length; i++) employed.set(employedIds[i], i)
    lastMonth = new Float64Array(employedIds.length).fill(-1)
    months = new Int32Array(employedIds.length)
    return employed
  }
  const digits = new Float64Array(10)
  let transactions = 0
  let labelled = 0
  const ledger = 'fromBalanceAfter' in tables.transactions.fields && 'toBalanceAfter' in tables.transactions.fields

  const leg = (a: number, delta: number, after: number | null) => {
    if (after !== null && after < acc.floor[a]) acc.breached[a] = 1
    if (!acc.checking[a]) return
    const bal = after ?? acc.balance[a] + delta
    acc.balance[a] = bal
    if (bal < acc.low[a]) acc.low[a] = bal
    acc.touched[a] = 1
  }

  // Salaries come in time order, most of them on a few paydays: the month of the last day seen is reused.
  let salaryDay = NaN
  let salaryMonth = 0
  const salary = (to: number, t: number) => {
    const slot = employedSlots().get(acc.owner[to])
    if (slot === undefined) return
    const day = Math.floor(t / DAY)
    if (day !== salaryDay) {
      const { year, month } = civilFromDays(day)
      salaryDay = day
      salaryMonth = year * 12 + month
    }
    const m = salaryMonth
    if (lastMonth[slot] !== m) {
      lastMonth[slot] = m
      months[slot]++
    }
  }

  const offsetAt = localClock(acc.codes)
  const cardPurchase = (from: number, t: number) => {
    const c = acc.country[from]
    const localT = t + offsetAt(c, t)
    const day = Math.floor(localT / DAY)
    local.n[c]++
    if (localT - day * DAY < 6 * 3600) local.night[c]++
    if ((((day + 3) % 7) + 7) % 7 >= 5) local.weekend[c]++
  }

  const transaction = (r: Row) => {
    transactions++
    const amount = r.amount as number
    if (amount > 0) digits[firstDigit(amount)]++
    if (r.patternId !== null) {
      labelled++
      return
    }
    const t = r.timestamp as number
    const from = side((r as IndexedRow).fromIndex, r, 'fromAccountId')
    const to = side((r as IndexedRow).toIndex, r, 'toAccountId')
    if (from >= 0) {
      if (to >= 0) pairs.add(from, PairTable.accountPartner(to), t)
      else if (r.merchantName !== null && r.merchantName !== '') {
        const name = r.merchantName as string
        let m = merchants.get(name)
        if (m === undefined) merchants.set(name, (m = merchants.size))
        pairs.add(from, PairTable.merchantPartner(m), t)
      }
      leg(from, -amount, ledger ? ((r.fromBalanceAfter as number | null) ?? null) : null)
      if (r.kind === 'card_purchase') cardPurchase(from, t)
    }
    if (to >= 0) {
      leg(to, (r.toAmount as number | null) ?? amount, ledger ? ((r.toBalanceAfter as number | null) ?? null) : null)
      if (r.kind === 'salary') salary(to, t)
    }
  }

  return {
    tables: ['persons', 'accounts', 'transactions'],
    // observe() copies what it needs out of each row and keeps none.
    readsInPlace: true,
    // What transaction() reads (the balance fields where the table has them); lanes pack only these.
    fields: {
      transactions: [
        'timestamp',
        'kind',
        'fromAccountId',
        'toAccountId',
        'amount',
        'toAmount',
        'merchantName',
        'patternId',
        'fromBalanceAfter',
        'toBalanceAfter',
      ],
    },
    observe(table: TableName, row: Row) {
      if (table === 'transactions') transaction(row)
      else if (table === 'accounts') listed(row.id as string, row)
      // The background's employed: a person in a suspicious instance (a synthetic identity, a mule) is not.
      else if (table === 'persons' && row.employerId !== null && row.isSuspicious !== true) {
        employedIds.push(row.id as string)
      }
    },
    finish() {
      const report = {
        definitions: DEFINITIONS,
        transactions,
        labelled_share: round(transactions > 0 ? labelled / transactions : NaN, 6),
        ...pairFigures(pairs, acc.size),
        local_time: localFigures(local, acc.codes),
        benford_mad: round(benfordMad(digits), 5),
        negative_balance: balanceFigures(acc, ledger),
        salary: {
          employed: employedIds.length,
          paid_any: months.filter((m) => m > 0).length,
          paid_11_months_share: round(
            employedIds.length > 0 ? months.filter((m) => m >= 11).length / employedIds.length : NaN,
            4,
          ),
        },
      }
      return { name: 'realism.json', text: JSON.stringify(report, null, 2) + '\n' }
    },
  }
}

function pairFigures(pairs: PairTable, accounts: number) {
  let payments = 0
  let repeat = 0
  let recurring = 0
  const out = new Float64Array(accounts)
  const inn = new Float64Array(accounts)
  pairs.forEach((payer, partner, n, gapMean, gapSd) => {
    payments += n
    if (n > 1) repeat += n
    if (n >= 3 && gapMean > 0 && gapSd / gapMean <= 0.35) recurring += n
    if (partner % 2 === 0) {
      out[payer]++
      inn[partner / 2]++
    }
  })
  const degrees = (xs: Float64Array) => xs.filter((d) => d > 0).sort()
  const d = degrees(out)
  const i = degrees(inn).map((x) => x / pairs.rate)
  return {
    repeat_partner_share: round(payments > 0 ? repeat / payments : NaN, 4),
    recurring_share: round(payments > 0 ? recurring / payments : NaN, 4),
    out_degree: {
      accounts: d.length,
      p50: round(percentile(d, 50), 3),
      p99: round(percentile(d, 99), 3),
      max: d.length > 0 ? d[d.length - 1] : null,
      alpha_mle_xmin5: round(tailExponent(d, DEGREE_XMIN), 3),
      in_degree: {
        p99: round(percentile(i, 99), 3),
        max: i.length > 0 ? round(i[i.length - 1], 1) : null,
        accounts_over_100: i.filter((x) => x > 100).length,
      },
    },
    sampling: { payer_rate: pairs.rate, pair_cap: PAIR_CAP },
  }
}

function localFigures(local: LocalCounts, codes: readonly string[]) {
  const per: Record<string, { n: number; night: number | null; weekend: number | null }> = {}
  const order = codes.map((code, i) => [code, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [code, i] of order) {
    const n = local.n[i]
    if (n < MIN_CARD_PURCHASES) continue
    per[code] = { n, night: round(local.night[i] / n, 4), weekend: round(local.weekend[i] / n, 4) }
  }
  const nights = Object.values(per).map((v) => v.night as number)
  return {
    per_country: per,
    night_min: nights.length > 0 ? Math.min(...nights) : null,
    night_max: nights.length > 0 ? Math.max(...nights) : null,
  }
}

function balanceFigures(acc: Accounts, ledger: boolean) {
  let n = 0
  let ever = 0
  let end = 0
  let idle = 0
  let overdraft = 0
  let plain = 0
  let plainNegative = 0
  for (let a = 0; a < acc.size; a++) {
    if (!acc.checking[a]) continue
    n++
    if (acc.overdraft[a]) overdraft++
    else plain++
    if (!acc.touched[a]) idle++
    else {
      if (acc.low[a] < 0) ever++
      if (acc.low[a] < 0 && !acc.overdraft[a]) plainNegative++
      if (acc.balance[a] < 0) end++
    }
  }
  return {
    source: ledger ? 'balance_after' : 'opening_balance_forward',
    checking_accounts: n,
    ever_negative: round(n > 0 ? ever / n : NaN, 4),
    end_negative: round(n > 0 ? end / n : NaN, 4),
    never_transact: round(n > 0 ? idle / n : NaN, 4),
    with_overdraft: round(n > 0 ? overdraft / n : NaN, 4),
    negative_without_overdraft: round(plain > 0 ? plainNegative / plain : NaN, 4),
    below_floor: ledger ? acc.breached.subarray(0, acc.size).filter((b) => b === 1).length : null,
  }
}
