import { banks, type Bank } from '../reference/banks.ts'
import { countries, type Country } from '../reference/countries.ts'
import type { IdCodec } from './ids.ts'
import { RowView, viewsOf } from './row-view.ts'
import { TextPool } from './text-pool.ts'
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, type Account } from './tables/accounts.ts'

/** Banks by BIC (each bank has its own). */
const bankIndex = new Map<string, number>(banks.map((b, i) => [b.bic, i]))
const countryIndex = new Map<string, number>(countries.map((c, i) => [c.code, i]))
const typeIndex = new Map<string, number>(ACCOUNT_TYPES.map((t, i) => [t, i]))
const statusIndex = new Map<string, number>(ACCOUNT_STATUSES.map((s, i) => [s, i]))
/** closedAt of an account that never closes (no real day is this far back). */
const OPEN = -0x80000000
/** A nullable money column's null. */
const NONE = NaN

/**
 * The background accounts held as columns: typed arrays for numbers, dates and enums, indexes into the reference
 * banks and countries for the texts they fix (bank name, BIC, currency, country), and a TextPool for the only text
 * drawn per account (the BBAN where the country uses IBAN, else the domestic account number). As objects an
 * account took about 300 bytes of heap (an 18-field object, its id, IBAN and account-number strings, the world's
 * indexes) and a share of every full garbage collection; as columns about 70 bytes of typed arrays and a 32-byte
 * view. Every other text is derived again when read: the id from the row index, the owner's from the owner's row,
 * the account number as the BBAN after the bank code, the IBAN from the stored check digits.
 */
export class AccountColumns {
  readonly length: number
  readonly ownerRow: Int32Array
  readonly ownerIsCompany: Uint8Array
  /** Joint holder's person row, -1 for none. */
  readonly jointRow: Int32Array
  readonly type: Uint8Array
  readonly country: Uint8Array
  readonly bank: Uint16Array
  readonly openedAt: Int32Array
  readonly closedAt: Int32Array
  readonly status: Uint8Array
  readonly openingBalance: Float64Array
  readonly creditLimit: Float64Array
  readonly overdraftLimit: Float64Array
  /** IBAN check digits (0–98), read only where the country uses IBAN. */
  readonly check: Uint8Array
  /** Each row's drawn text: the BBAN, or the account number where the country has no IBAN. */
  private readonly text: TextPool

  /** AccountView with this table on its prototype. */
  private readonly View: new (index: number) => AccountView

  constructor(
    count: number,
    readonly codecs: { readonly [T in 'persons' | 'companies' | 'accounts']: IdCodec<T> },
  ) {
    this.length = count
    const View = class extends AccountView {}
    Object.defineProperty(View.prototype, 'cols', { value: this })
    this.View = View
    this.ownerRow = new Int32Array(count)
    this.ownerIsCompany = new Uint8Array(count)
    this.jointRow = new Int32Array(count).fill(-1)
    this.type = new Uint8Array(count)
    this.country = new Uint8Array(count)
    this.bank = new Uint16Array(count)
    this.openedAt = new Int32Array(count)
    this.closedAt = new Int32Array(count)
    this.status = new Uint8Array(count)
    this.openingBalance = new Float64Array(count)
    this.creditLimit = new Float64Array(count)
    this.overdraftLimit = new Float64Array(count)
    this.check = new Uint8Array(count)
    this.text = new TextPool(count, 1, 20)
  }

  /**
   * Stores row i (rows are set in order 0, 1, 2 …) from the account the generator drew and its owner's and joint
   * holder's rows (the object is dropped afterwards).
   */
  set(i: number, a: Account, ownerRow: number, jointRow: number): void {
    const country = countryIndex.get(a.country)
    const b = bankIndex.get(a.bic)
    if (country === undefined || b === undefined) throw new Error(`accounts: no reference row for ${a.country}`)
    // Currency and IBAN are derived from the country when read, so the drawn row must agree with it.
    const c = countries[country]
    if (c.currency !== a.currency || (a.iban === null) !== c.ibanLength <= 0)
      throw new Error(`accounts: ${a.currency} / ${a.iban === null ? 'no IBAN' : 'IBAN'} does not fit ${a.country}`)
    this.ownerRow[i] = ownerRow
    this.ownerIsCompany[i] = a.ownerType === 'company' ? 1 : 0
    this.jointRow[i] = a.jointOwnerId === null ? -1 : jointRow
    this.type[i] = typeIndex.get(a.accountType) ?? 0
    this.country[i] = country
    this.bank[i] = b
    this.openedAt[i] = a.openedAt
    this.closedAt[i] = a.closedAt ?? OPEN
    this.status[i] = statusIndex.get(a.status) ?? 0
    this.openingBalance[i] = a.openingBalance
    this.creditLimit[i] = a.creditLimit ?? NONE
    this.overdraftLimit[i] = a.overdraftLimit ?? NONE
    const drawn = a.iban === null ? a.accountNumber : a.iban.slice(4)
    if (a.iban !== null) this.check[i] = Number(a.iban.slice(2, 4))
    this.text.set(i, [drawn])
  }

  /** Drops the pool's unused tail once every row is set. */
  seal(): void {
    this.text.seal()
  }

  countryOf(i: number): Country {
    return countries[this.country[i]]
  }

  bankOf(i: number): Bank {
    return banks[this.bank[i]]
  }

  /** Row i's drawn text (BBAN or account number). */
  drawn(i: number): string {
    return this.text.get(i, 0)
  }

  iban(i: number): string | null {
    const c = this.countryOf(i)
    if (c.ibanLength <= 0) return null
    const check = this.check[i]
    return c.code + (check < 10 ? '0' : '') + String(check) + this.drawn(i)
  }

  accountNumber(i: number): string {
    const drawn = this.drawn(i)
    // The domestic number is the BBAN after the bank code.
    return this.countryOf(i).ibanLength <= 0 ? drawn : drawn.slice(this.bankOf(i).bankCode.length)
  }

  /** The whole row as a plain object (what a spread or a structured clone needs). */
  row(i: number): Account {
    const v = new this.View(i)
    return {
      id: v.id,
      ownerId: v.ownerId,
      ownerType: v.ownerType,
      jointOwnerId: v.jointOwnerId,
      accountType: v.accountType,
      currency: v.currency,
      country: v.country,
      bankName: v.bankName,
      bic: v.bic,
      iban: v.iban,
      accountNumber: v.accountNumber,
      openedAt: v.openedAt,
      closedAt: v.closedAt,
      status: v.status,
      openingBalance: v.openingBalance,
      creditLimit: v.creditLimit,
      overdraftLimit: v.overdraftLimit,
      isSuspicious: false,
    }
  }

  /** One view per row (pattern code compares accounts by identity). */
  views(): AccountView[] {
    return viewsOf(this.length, this.View)
  }
}

/**
 * Row i of AccountColumns read as an Account: each field a getter on the columns, so the event generators and
 * patterns that read `world.accounts[i].currency` work unchanged, at two fields an account instead of eighteen
 * and three strings. A spread copies own fields only: copy one with `plainRow`.
 */
export class AccountView extends RowView<Account> {
  /** On the prototype of each table's own subclass (see AccountColumns.View), so a view holds its index alone. */
  declare protected readonly cols: AccountColumns
  constructor(readonly index: number) {
    super()
  }
  get id(): Account['id'] {
    return this.cols.codecs.accounts.id(0, this.index)
  }
  get ownerId(): Account['ownerId'] {
    const c = this.cols
    const owner = c.ownerRow[this.index]
    return c.ownerIsCompany[this.index] === 1 ? c.codecs.companies.id(0, owner) : c.codecs.persons.id(0, owner)
  }
  get ownerType(): Account['ownerType'] {
    return this.cols.ownerIsCompany[this.index] === 1 ? 'company' : 'person'
  }
  get jointOwnerId(): Account['jointOwnerId'] {
    const j = this.cols.jointRow[this.index]
    return j < 0 ? null : this.cols.codecs.persons.id(0, j)
  }
  get accountType(): Account['accountType'] {
    return ACCOUNT_TYPES[this.cols.type[this.index]]
  }
  get currency(): string {
    return this.cols.countryOf(this.index).currency
  }
  get country(): string {
    return this.cols.countryOf(this.index).code
  }
  get bankName(): string {
    return this.cols.bankOf(this.index).name
  }
  get bic(): string {
    return this.cols.bankOf(this.index).bic
  }
  get iban(): string | null {
    return this.cols.iban(this.index)
  }
  get accountNumber(): string {
    return this.cols.accountNumber(this.index)
  }
  get openedAt(): number {
    return this.cols.openedAt[this.index]
  }
  get closedAt(): number | null {
    const d = this.cols.closedAt[this.index]
    return d === OPEN ? null : d
  }
  get status(): Account['status'] {
    return ACCOUNT_STATUSES[this.cols.status[this.index]]
  }
  get openingBalance(): number {
    return this.cols.openingBalance[this.index]
  }
  get creditLimit(): number | null {
    const v = this.cols.creditLimit[this.index]
    return v === v ? v : null
  }
  get overdraftLimit(): number | null {
    const v = this.cols.overdraftLimit[this.index]
    return v === v ? v : null
  }
  get isSuspicious(): boolean {
    return false
  }
  /** The row as a plain object. */
  plain(): Account {
    return this.cols.row(this.index)
  }
}
