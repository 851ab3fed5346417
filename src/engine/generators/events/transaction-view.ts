import type { Account } from '../../model/tables/accounts.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import type { TransactionCsv } from './transaction-csv.ts'
import type { RowSpec } from './transaction-row.ts'

/**
 * The row the cursor last wrote, read field by field as the row object backgroundTransaction would have made (the
 * balances as booked): one object for every row, each field worked out only when read, so a reader of a few fields
 * (a report, a lane's packer) costs no row object and no strings it does not read. Valid until the next row.
 */
export class TransactionView {
  constructor(private readonly csv: TransactionCsv) {}

  private get s(): RowSpec {
    return this.csv.spec as RowSpec
  }

  private get payer(): Account {
    const s = this.s
    return (s.from ?? s.to) as Account
  }

  get id(): string {
    return this.csv.id()
  }
  get timestamp(): number {
    return this.s.timestamp
  }
  get kind(): Transaction['kind'] {
    return this.s.kind
  }
  get channel(): Transaction['channel'] {
    return this.csv.channel
  }
  /** World index of the paying account (-1 for none): a reader in this thread may key accounts by it, not by id. */
  get fromIndex(): number {
    return this.s.fromIndex
  }
  /** World index of the receiving account (-1 for none). */
  get toIndex(): number {
    return this.s.toIndex
  }
  get fromAccountId(): Transaction['fromAccountId'] {
    return this.s.from?.id ?? null
  }
  get toAccountId(): Transaction['toAccountId'] {
    return this.s.to?.id ?? null
  }
  get amount(): number {
    return this.s.amount
  }
  get currency(): string {
    return this.payer.currency
  }
  get toAmount(): number | null {
    return this.csv.fx ? this.csv.credit : null
  }
  get toCurrency(): string | null {
    return this.csv.fx ? (this.s.to as Account).currency : null
  }
  get fxRate(): number | null {
    return this.csv.fx ? this.csv.rate : null
  }
  get merchantName(): string | null {
    return this.s.merchantName
  }
  get merchantCategory(): string | null {
    return this.s.merchantCategory
  }
  get city(): string | null {
    return this.s.city
  }
  get conductorId(): Transaction['conductorId'] {
    return this.s.conductorId
  }
  get originCountry(): string {
    return this.payer.country
  }
  get destinationCountry(): string {
    return this.s.destinationCountry ?? (this.s.to ?? this.payer).country
  }
  get description(): string {
    return this.csv.descriptionText()
  }
  get documentId(): Transaction['documentId'] {
    return this.s.documentId
  }
  get patternId(): null {
    return null
  }
  get patternRole(): null {
    return null
  }
  get isSuspicious(): boolean {
    return false
  }
  get fromBalanceAfter(): number | null {
    return this.csv.fromAfter
  }
  get toBalanceAfter(): number | null {
    return this.csv.toAfter
  }
}
