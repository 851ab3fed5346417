import type { Transaction } from '../model/tables/transactions.ts'
import { hashString } from '../random/hash.ts'
import { hourOf, weekdayOf } from './account-features.ts'
import { Codebook } from './codebook.ts'
import { GrowableFloats, tabulate } from './growable.ts'
import type { FeatureColumn, LevelInput } from './level.ts'
import { major } from './money.ts'

/** Background transactions kept for the transaction level: a uniform sample this large bounds its memory and time. */
export const TRANSACTION_SAMPLE = 20_000

const LOCAL = ['log_amount', 'cents_zero', 'hour', 'weekday', 'xborder', 'has_document', 'has_conductor'] as const
const CATEGORIES = ['kind', 'channel', 'merchant_category', 'origin_country', 'destination_country', 'tx_currency']
const JOINED = ['n_out', 'n_in', 'partners_out', 'partners_in', 'opened_days', 'logins', 'sum_in', 'sum_out']

function localValues(tx: Transaction): number[] {
  const amount = major(tx.amount, tx.currency)
  return [
    Math.log10(Math.max(amount, 1e-9)),
    amount % 1 === 0 ? 1 : 0,
    hourOf(tx.timestamp),
    weekdayOf(tx.timestamp),
    tx.originCountry !== tx.destinationCountry ? 1 : 0,
    tx.documentId ? 1 : 0,
    tx.conductorId ? 1 : 0,
  ]
}

/**
 * The transaction level: every labelled row and a hash-chosen uniform sample of the background (a fixed share,
 * so the sample does not depend on row order), each with its own features and its two accounts; the accounts'
 * aggregates are joined in at the end, as separability.py joins them.
 */
export class TransactionSample {
  private readonly rate: number
  private readonly local = LOCAL.map(() => new GrowableFloats())
  private readonly cats = CATEGORIES.map(() => ({ book: new Codebook(), codes: new GrowableFloats() }))
  private readonly from = new GrowableFloats()
  private readonly to = new GrowableFloats()
  private readonly kind = new GrowableFloats()
  private readonly test = new GrowableFloats()
  private readonly weight = new GrowableFloats()

  constructor(
    background: number,
    private readonly midpoint: number,
  ) {
    this.rate = Math.min(1, TRANSACTION_SAMPLE / Math.max(1, background))
  }

  get sampleRate(): number {
    return this.rate
  }

  /** `kind`: the row's suspicious kind index, −1 if none; `labelled`: the row belongs to any instance. */
  add(tx: Transaction, kind: number, labelled: boolean, from: number, to: number): void {
    if (!labelled && hashString(tx.id) / 4_294_967_296 >= this.rate) return
    localValues(tx).forEach((v, i) => this.local[i].push(v))
    const values = [tx.kind, tx.channel, tx.merchantCategory, tx.originCountry, tx.destinationCountry, tx.currency]
    values.forEach((v, i) => this.cats[i].codes.push(this.cats[i].book.code(v)))
    this.from.push(from)
    this.to.push(to)
    this.kind.push(kind)
    this.test.push(tx.timestamp >= this.midpoint ? 1 : 0)
    this.weight.push(labelled ? 1 : 1 / this.rate)
  }

  level(kinds: readonly string[], accountColumns: readonly FeatureColumn[]): LevelInput {
    const byName = new Map(accountColumns.map((c) => [c.name, c.values]))
    const joined = (side: string, ids: Float64Array): FeatureColumn[] =>
      JOINED.map((name) => {
        const v = byName.get(name) as Float64Array
        return {
          name: `${side}_${name}`,
          categorical: false,
          values: tabulate(ids.length, (i) => (ids[i] >= 0 ? v[ids[i]] : -1)),
        }
      })
    const columns: FeatureColumn[] = [
      ...LOCAL.map((name, i) => ({ name, categorical: false, values: Float64Array.from(this.local[i].view()) })),
      ...CATEGORIES.map((name, i) => ({
        name,
        categorical: true,
        values: Float64Array.from(this.cats[i].codes.view()),
      })),
      ...joined('from', this.from.view()),
      ...joined('to', this.to.view()),
    ]
    return {
      columns,
      kind: Int32Array.from(this.kind.view()),
      kinds,
      test: Uint8Array.from(this.test.view()),
      weight: Float64Array.from(this.weight.view()),
    }
  }
}
