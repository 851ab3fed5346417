/**
 * What a standing obligation pays for, in the order a too-small transaction count gives them up (salaries last).
 * PayrollFunding is an employer topping up its payroll provider before the provider pays the staff; Income is what
 * people without an employer live on (a pension, or a freelancer's fee from a regular client); Settlement is a
 * card acquirer paying a merchant its card takings, net of its fee, one of several settlement days a month.
 */
export const Duty = {
  Salary: 0,
  PayrollFunding: 1,
  Income: 2,
  Rent: 3,
  Utility: 4,
  Loan: 5,
  Savings: 6,
  Subscription: 7,
  Investing: 8,
  Settlement: 9,
} as const
export type Duty = (typeof Duty)[keyof typeof Duty]
export const DUTY_COUNT = 10

/** How a due date on a weekend or public holiday moves: salaries come the business day before, debits the day after. */
export const Shift = { None: 0, Earlier: 1, Later: 2 } as const
export type Shift = (typeof Shift)[keyof typeof Shift]

/** Day rule 0: the last business day of the month (payroll). */
export const LAST_BUSINESS_DAY = 0

/** raiseFrom of an obligation without pay rises (any window month index is below it). */
const NEVER = 255

/**
 * The standing obligations of a population, before they are placed in time, as columns by obligation index: a
 * population of millions has about six each, and objects of sixteen fields would hold gigabytes and be read in
 * random order by the row path. Codes stand for repeated values (duty, shift, the payer's country, a month share),
 * and the salary terms that depend on the person alone are held by person. Columns grow by doubling; only the
 * first `length` entries are meaningful, and a column is replaced when it grows, so read them once planning is done.
 *
 * For each obligation: payer and payee accounts (payee −1 for a card subscription, paid to a merchant), the
 * due-day rule in the payer's local calendar (`day`, `shift`), the local booking `hour` and a `base` amount in minor
 * units of the payer's currency. `aux` is duty-specific: the person for salaries, the employer for payroll
 * funding, the subscription's or bill's slot, 1 for a mortgage (else a loan), 1 for a pension (else a freelance
 * fee) and the merchant company for a settlement.
 */
export class Obligations {
  length = 0
  duty: Uint8Array
  payer: Int32Array
  payee: Int32Array
  day: Uint8Array
  shift: Uint8Array
  hour: Uint8Array
  base: Float64Array
  aux: Int32Array
  /** The calendar whose business days move the due date: a code into `countries`. */
  country: Uint16Array
  /**
   * Due in every month when its share (`shares[share]`) is 1; otherwise in month m when unitHash(salt, m) is below
   * it (occasional duties).
   */
  share: Uint8Array
  salt: Uint32Array
  /** Salaries: the window month of the first yearly raise, and the calendar month of the bonus (0: none). */
  raiseFrom: Uint8Array
  bonusMonth: Uint8Array
  /** Salaries, by person (a salary's aux): the yearly raise as a factor, and the bonus in base units. */
  readonly raise: Float64Array
  readonly bonus: Float64Array
  readonly countries: string[] = []
  readonly shares: number[] = [1]
  private readonly countryCode = new Map<string, number>()
  /**
   * Payroll funding obligations in index order, and the first of the salaries each covers: those salaries are the
   * obligations just before it (staffOf), so no list is held per funding.
   */
  private fundingAt = new Int32Array(64)
  private fundingFirst = new Int32Array(64)
  private fundings = 0

  constructor(persons: number, capacity: number) {
    const n = Math.max(16, capacity)
    this.duty = new Uint8Array(n)
    this.payer = new Int32Array(n)
    this.payee = new Int32Array(n)
    this.day = new Uint8Array(n)
    this.shift = new Uint8Array(n)
    this.hour = new Uint8Array(n)
    this.base = new Float64Array(n)
    this.aux = new Int32Array(n)
    this.country = new Uint16Array(n)
    this.share = new Uint8Array(n)
    this.salt = new Uint32Array(n)
    this.raiseFrom = new Uint8Array(n)
    this.bonusMonth = new Uint8Array(n)
    this.raise = new Float64Array(persons)
    this.bonus = new Float64Array(persons)
  }

  /** Appends an obligation due every month (no raise, no bonus) and returns its index. */
  add(
    duty: Duty,
    payer: number,
    payee: number,
    day: number,
    shift: Shift,
    hour: number,
    base: number,
    aux: number,
    country: string,
  ): number {
    if (this.length === this.duty.length) this.grow()
    const o = this.length++
    this.duty[o] = duty
    this.payer[o] = payer
    this.payee[o] = payee
    this.day[o] = day
    this.shift[o] = shift
    this.hour[o] = hour
    this.base[o] = base
    this.aux[o] = aux
    let c = this.countryCode.get(country)
    if (c === undefined) {
      c = this.countries.push(country) - 1
      this.countryCode.set(country, c)
    }
    this.country[o] = c
    this.raiseFrom[o] = NEVER
    return o
  }

  /** Salary o's terms: person `aux`'s raise factor and bonus, its employer's review and bonus months. */
  payTerms(o: number, raise: number, raiseFrom: number, bonus: number, bonusMonth: number): void {
    this.raise[this.aux[o]] = raise
    this.bonus[this.aux[o]] = bonus
    this.raiseFrom[o] = raiseFrom
    this.bonusMonth[o] = bonusMonth
  }

  /** Makes obligation o occasional: due in a month when unitHash(salt, month) < share. */
  occasional(o: number, share: number, salt: number): void {
    let k = this.shares.indexOf(share)
    if (k < 0) k = this.shares.push(share) - 1
    this.share[o] = k
    this.salt[o] = salt
  }

  monthShare(o: number): number {
    return this.shares[this.share[o]]
  }

  /** Marks funding obligation f (appended last) as covering the salaries from index `first` up to f. */
  funds(f: number, first: number): void {
    if (this.fundings === this.fundingAt.length) {
      this.fundingAt = grown(this.fundingAt)
      this.fundingFirst = grown(this.fundingFirst)
    }
    this.fundingAt[this.fundings] = f
    this.fundingFirst[this.fundings++] = first
  }

  /** The first salary obligation that funding obligation f covers (they run up to f), or f when it covers none. */
  staffFrom(f: number): number {
    let lo = 0
    let hi = this.fundings
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.fundingAt[mid] < f) lo = mid + 1
      else hi = mid
    }
    return lo < this.fundings && this.fundingAt[lo] === f ? this.fundingFirst[lo] : f
  }

  private grow(): void {
    this.duty = grown(this.duty)
    this.payer = grown(this.payer)
    this.payee = grown(this.payee)
    this.day = grown(this.day)
    this.shift = grown(this.shift)
    this.hour = grown(this.hour)
    this.base = grown(this.base)
    this.aux = grown(this.aux)
    this.country = grown(this.country)
    this.share = grown(this.share)
    this.salt = grown(this.salt)
    this.raiseFrom = grown(this.raiseFrom)
    this.bonusMonth = grown(this.bonusMonth)
  }
}

type Column = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array

/** A column of twice the length holding the old one's values (the rest zero). */
function grown<T extends Column>(column: T): T {
  const next = new (column.constructor as new (n: number) => T)(column.length * 2)
  next.set(column as never)
  return next
}
