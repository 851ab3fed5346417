import { countries } from '../reference/countries.ts'
import type { IdCodec } from './ids.ts'
import { RowView, viewsOf } from './row-view.ts'
import { TextPool } from './text-pool.ts'
import { RISK_RATINGS, type Person } from './tables/persons.ts'

const GENDERS = ['female', 'male', 'nonbinary'] as const
const countryIndex = new Map<string, number>(countries.map((c, i) => [c.code, i]))
const genderIndex = new Map<string, number>(GENDERS.map((g, i) => [g, i]))
const riskIndex = new Map<string, number>(RISK_RATINGS.map((r, i) => [r, i]))
/** customerSince of a person who holds no account. */
const NO_DAY = -0x80000000

/**
 * Texts a population repeats (given, family and full names, cities, occupations, PEP positions, lists): each held
 * once and referred to by number. Index -1 is null.
 */
class TextTable {
  private readonly index = new Map<string, number>()
  readonly texts: string[] = []
  of(text: string | null): number {
    if (text === null) return -1
    let i = this.index.get(text)
    if (i === undefined) {
      i = this.texts.length
      this.texts.push(text)
      this.index.set(text, i)
    }
    return i
  }
  at(i: number): string | null {
    return i < 0 ? null : this.texts[i]
  }
}

/**
 * The background persons held as columns: numbers and dates in typed arrays, repeated texts as numbers into one
 * text table, countries as indexes into the reference list, and the four texts drawn per person (street, postal
 * code, e-mail, phone) as character codes in a TextPool. As objects a person took about 450 bytes of heap (a
 * 25-field object, its id and four strings of its own) and a share of every full garbage collection; as columns
 * about 150 bytes of typed arrays and a 32-byte view.
 */
export class PersonColumns {
  readonly length: number
  readonly first: Int32Array
  readonly last: Int32Array
  readonly full: Int32Array
  readonly city: Int32Array
  readonly occupation: Int32Array
  readonly pepPosition: Int32Array
  readonly sanctionsList: Int32Array
  readonly gender: Uint8Array
  readonly risk: Uint8Array
  /** Bit 0: PEP, bit 1: sanctioned. */
  readonly flags: Uint8Array
  readonly nationality: Uint8Array
  readonly residence: Uint8Array
  readonly dateOfBirth: Int32Array
  readonly customerSince: Int32Array
  /** Employer's company row, -1 for none. */
  readonly employer: Int32Array
  readonly annualIncome: Float64Array
  readonly netWorth: Float64Array
  readonly texts = new TextTable()
  /** Street, postal code, e-mail and phone of each row. */
  private readonly drawn: TextPool

  /** PersonView with this table on its prototype. */
  private readonly View: new (index: number) => PersonView

  constructor(
    count: number,
    readonly codecs: { readonly [T in 'persons' | 'companies']: IdCodec<T> },
  ) {
    this.length = count
    const View = class extends PersonView {}
    Object.defineProperty(View.prototype, 'cols', { value: this })
    this.View = View
    this.first = new Int32Array(count)
    this.last = new Int32Array(count)
    this.full = new Int32Array(count)
    this.city = new Int32Array(count)
    this.occupation = new Int32Array(count)
    this.pepPosition = new Int32Array(count)
    this.sanctionsList = new Int32Array(count)
    this.gender = new Uint8Array(count)
    this.risk = new Uint8Array(count)
    this.flags = new Uint8Array(count)
    this.nationality = new Uint8Array(count)
    this.residence = new Uint8Array(count)
    this.dateOfBirth = new Int32Array(count)
    this.customerSince = new Int32Array(count).fill(NO_DAY)
    this.employer = new Int32Array(count)
    this.annualIncome = new Float64Array(count)
    this.netWorth = new Float64Array(count)
    // The four texts run to about 70 characters.
    this.drawn = new TextPool(count, 4, 72)
  }

  /** Stores row i (rows are set in order 0, 1, 2 …) from the person the generator drew (dropped afterwards). */
  set(i: number, p: Person, employerRow: number): void {
    const nationality = countryIndex.get(p.nationality)
    const residence = countryIndex.get(p.residenceCountry)
    if (nationality === undefined || residence === undefined || countries[residence].currency !== p.currency)
      throw new Error(`persons: no reference row for ${p.nationality} / ${p.residenceCountry} in ${p.currency}`)
    const t = this.texts
    this.first[i] = t.of(p.firstName)
    this.last[i] = t.of(p.lastName)
    this.full[i] = t.of(p.fullName)
    this.city[i] = t.of(p.city)
    this.occupation[i] = t.of(p.occupation)
    this.pepPosition[i] = t.of(p.pepPosition)
    this.sanctionsList[i] = t.of(p.sanctionsList)
    this.gender[i] = genderIndex.get(p.gender) ?? 0
    this.risk[i] = riskIndex.get(p.riskRating) ?? 0
    this.flags[i] = (p.isPep ? 1 : 0) | (p.isSanctioned ? 2 : 0)
    this.nationality[i] = nationality
    this.residence[i] = residence
    this.dateOfBirth[i] = p.dateOfBirth
    if (p.customerSince !== null) this.customerSince[i] = p.customerSince
    this.employer[i] = p.employerId === null ? -1 : employerRow
    this.annualIncome[i] = p.annualIncome
    this.netWorth[i] = p.netWorth
    this.drawn.set(i, [p.street, p.postalCode, p.email, p.phone])
  }

  /** Drops the pool's unused tail once every row is set. */
  seal(): void {
    this.drawn.seal()
  }

  /** Drawn text f (0 street, 1 postal code, 2 e-mail, 3 phone) of row i. */
  own(i: number, f: number): string {
    return this.drawn.get(i, f)
  }

  row(i: number): Person {
    const v = new this.View(i)
    return {
      id: v.id,
      firstName: v.firstName,
      lastName: v.lastName,
      fullName: v.fullName,
      gender: v.gender,
      dateOfBirth: v.dateOfBirth,
      nationality: v.nationality,
      residenceCountry: v.residenceCountry,
      street: v.street,
      city: v.city,
      postalCode: v.postalCode,
      email: v.email,
      phone: v.phone,
      occupation: v.occupation,
      employerId: v.employerId,
      currency: v.currency,
      annualIncome: v.annualIncome,
      netWorth: v.netWorth,
      riskRating: v.riskRating,
      isPep: v.isPep,
      pepPosition: v.pepPosition,
      isSanctioned: v.isSanctioned,
      sanctionsList: v.sanctionsList,
      customerSince: v.customerSince,
      isSuspicious: false,
    }
  }

  views(): PersonView[] {
    return viewsOf(this.length, this.View)
  }
}

/** Row i of PersonColumns read as a Person (see AccountView). */
export class PersonView extends RowView<Person> {
  /** On the prototype of each table's own subclass (see PersonColumns.View), so a view holds its index alone. */
  declare protected readonly cols: PersonColumns
  constructor(readonly index: number) {
    super()
  }
  get id(): Person['id'] {
    return this.cols.codecs.persons.id(0, this.index)
  }
  get firstName(): string {
    return this.cols.texts.texts[this.cols.first[this.index]]
  }
  get lastName(): string {
    return this.cols.texts.texts[this.cols.last[this.index]]
  }
  get fullName(): string {
    return this.cols.texts.texts[this.cols.full[this.index]]
  }
  get gender(): Person['gender'] {
    return GENDERS[this.cols.gender[this.index]]
  }
  get dateOfBirth(): number {
    return this.cols.dateOfBirth[this.index]
  }
  get nationality(): string {
    return countries[this.cols.nationality[this.index]].code
  }
  get residenceCountry(): string {
    return countries[this.cols.residence[this.index]].code
  }
  get street(): string {
    return this.cols.own(this.index, 0)
  }
  get city(): string {
    return this.cols.texts.texts[this.cols.city[this.index]]
  }
  get postalCode(): string {
    return this.cols.own(this.index, 1)
  }
  get email(): string {
    return this.cols.own(this.index, 2)
  }
  get phone(): string {
    return this.cols.own(this.index, 3)
  }
  get occupation(): string {
    return this.cols.texts.texts[this.cols.occupation[this.index]]
  }
  get employerId(): Person['employerId'] {
    const e = this.cols.employer[this.index]
    return e < 0 ? null : this.cols.codecs.companies.id(0, e)
  }
  get currency(): string {
    return countries[this.cols.residence[this.index]].currency
  }
  get annualIncome(): number {
    return this.cols.annualIncome[this.index]
  }
  get netWorth(): number {
    return this.cols.netWorth[this.index]
  }
  get riskRating(): Person['riskRating'] {
    return RISK_RATINGS[this.cols.risk[this.index]]
  }
  get isPep(): boolean {
    return (this.cols.flags[this.index] & 1) !== 0
  }
  get pepPosition(): string | null {
    return this.cols.texts.at(this.cols.pepPosition[this.index])
  }
  get isSanctioned(): boolean {
    return (this.cols.flags[this.index] & 2) !== 0
  }
  get sanctionsList(): string | null {
    return this.cols.texts.at(this.cols.sanctionsList[this.index])
  }
  get customerSince(): number | null {
    const d = this.cols.customerSince[this.index]
    return d === NO_DAY ? null : d
  }
  get isSuspicious(): boolean {
    return false
  }
  plain(): Person {
    return this.cols.row(this.index)
  }
}
