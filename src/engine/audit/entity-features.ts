import type { Company } from '../model/tables/companies.ts'
import type { DocumentRow } from '../model/tables/documents.ts'
import type { Ownership } from '../model/tables/ownership.ts'
import type { Person } from '../model/tables/persons.ts'
import type { AccountFeatures } from './account-features.ts'
import { Codebook } from './codebook.ts'
import { EntityIndex } from './entity-index.ts'
import type { FeatureColumn } from './level.ts'
import { tabulate } from './growable.ts'
import { major } from './money.ts'

type Stat = (i: number) => number

/** Named per-entity counters and categories, sized by the count the run announced. */
class Counters {
  readonly index = new EntityIndex()
  private readonly stats = new Map<string, Float64Array>()
  private readonly cats = new Map<string, { book: Codebook; codes: Float64Array }>()

  constructor(readonly size: number) {}

  stat(name: string): Float64Array {
    let a = this.stats.get(name)
    if (!a) this.stats.set(name, (a = new Float64Array(this.size)))
    return a
  }

  bump(name: string, id: string | null | undefined, by = 1): void {
    const i = this.index.of(id)
    if (i >= 0) this.stat(name)[i] += by
  }

  category(name: string, i: number, value: string | null): void {
    let c = this.cats.get(name)
    if (!c) this.cats.set(name, (c = { book: new Codebook(), codes: new Float64Array(this.size).fill(-1) }))
    c.codes[i] = c.book.code(value)
  }

  columns(numeric: readonly string[], derived: Record<string, Stat>, categories: readonly string[]): FeatureColumn[] {
    const n = this.index.size
    const of = (name: string, f: Stat, categorical = false) => ({
      name,
      categorical,
      values: tabulate(n, f),
    })
    return [
      ...numeric.map((name) => of(name, (i) => this.stat(name)[i])),
      ...Object.entries(derived).map(([name, f]) => of(name, f)),
      ...categories.map((name) => of(name, (i) => this.cats.get(name)?.codes[i] ?? -1, true)),
    ]
  }
}

const ACCOUNT_SUMS = ['accounts', 'acct_n_out', 'acct_n_in', 'acct_sum_out', 'acct_sum_in', 'acct_logins']

/** Adds each account's aggregates to its holder (and joint holder) in `holders`. */
function addAccounts(holders: Counters, accounts: AccountFeatures, onlyOwner: boolean): void {
  for (let a = 0; a < accounts.index.size; a++) {
    const owners = onlyOwner ? [accounts.owner[a]] : [accounts.owner[a], accounts.jointOwner[a]]
    for (const id of owners) {
      if (!id) continue
      holders.bump('accounts', id)
      holders.bump('acct_n_out', id, accounts.out.n(a))
      holders.bump('acct_n_in', id, accounts.in.n(a))
      holders.bump('acct_sum_out', id, accounts.out.sum(a))
      holders.bump('acct_sum_in', id, accounts.in.sum(a))
      holders.bump('acct_logins', id, accounts.logins[a])
    }
  }
}

const log10p = (v: number) => Math.log10(1 + Math.max(0, v))

/** The person level: their accounts' activity summed, trades, messages, travels, roles and profile. */
export class PersonFeatures {
  readonly c: Counters
  private readonly born: Float64Array
  private readonly income: Float64Array
  private readonly worth: Float64Array
  private readonly flags: Float64Array

  constructor(size: number) {
    this.c = new Counters(size)
    ;[this.born, this.income, this.worth, this.flags] = [1, 2, 3, 4].map(() => new Float64Array(size))
  }

  addPerson(p: Person): void {
    if (this.c.index.size >= this.c.size) return
    const i = this.c.index.add(p.id)
    this.born[i] = p.dateOfBirth
    this.income[i] = log10p(major(p.annualIncome, p.currency))
    this.worth[i] = log10p(major(p.netWorth, p.currency))
    this.flags[i] = (p.isPep ? 1 : 0) + (p.isSanctioned ? 2 : 0) + (p.employerId ? 4 : 0)
    this.c.category('gender', i, p.gender)
    this.c.category('nationality', i, p.nationality)
    this.c.category('residence_country', i, p.residenceCountry)
    this.c.category('occupation', i, p.occupation)
    this.c.category('risk_rating', i, p.riskRating)
  }

  addOwnership(o: Ownership): void {
    if (o.ownerType === 'person') this.c.bump(o.role === 'shareholder' ? 'shareholdings' : 'officer_roles', o.ownerId)
  }

  columns(accounts: AccountFeatures, endDay: number): FeatureColumn[] {
    addAccounts(this.c, accounts, false)
    const numeric = [...ACCOUNT_SUMS, 'trades', 'comms_sent', 'comms_received', 'travels']
    return this.c.columns(
      [...numeric, 'shareholdings', 'officer_roles'],
      {
        age_years: (i) => (endDay - this.born[i]) / 365.25,
        log_income: (i) => this.income[i],
        log_net_worth: (i) => this.worth[i],
        is_pep: (i) => this.flags[i] & 1,
        is_sanctioned: (i) => (this.flags[i] >> 1) & 1,
        has_employer: (i) => (this.flags[i] >> 2) & 1,
      },
      ['gender', 'nationality', 'residence_country', 'occupation', 'risk_rating'],
    )
  }
}

/** The company level: accounts' activity, trade documents issued and received, owners and officers, profile. */
export class CompanyFeatures {
  readonly c: Counters
  private readonly profile: Float64Array[]

  constructor(size: number) {
    this.c = new Counters(size)
    this.profile = [1, 2, 3, 4, 5, 6].map(() => new Float64Array(size))
  }

  addCompany(co: Company): void {
    if (this.c.index.size >= this.c.size) return
    const i = this.c.index.add(co.id)
    const [incorporated, employees, revenue, listed, shell, havens] = this.profile
    incorporated[i] = co.incorporatedOn
    employees[i] = co.employees
    revenue[i] = log10p(major(co.annualRevenue, co.currency))
    listed[i] = co.isListed ? 1 : 0
    shell[i] = co.isShell ? 1 : 0
    havens[i] = co.taxHavenLinks.length
    this.c.category('company_type', i, co.companyType)
    this.c.category('industry', i, co.industry)
    this.c.category('registration_country', i, co.registrationCountry)
    this.c.category('risk_rating', i, co.riskRating)
  }

  addOwnership(o: Ownership): void {
    this.c.bump(o.role === 'shareholder' ? 'owners' : 'officers', o.companyId)
  }

  addDocument(d: DocumentRow): void {
    this.c.bump('docs_issued', d.issuerId)
    this.c.bump('docs_received', d.recipientId)
    if (d.originCountry && d.originCountry !== d.destinationCountry) this.c.bump('docs_xborder', d.issuerId)
    const i = this.c.index.of(d.issuerId)
    if (i >= 0 && this.c.stat('docs_issued')[i] === 1) this.c.category('first_doc_origin', i, d.originCountry)
  }

  columns(accounts: AccountFeatures, endDay: number): FeatureColumn[] {
    addAccounts(this.c, accounts, true)
    const [incorporated, employees, revenue, listed, shell, havens] = this.profile
    const issued = this.c.stat('docs_issued')
    const xborder = this.c.stat('docs_xborder')
    return this.c.columns(
      [...ACCOUNT_SUMS, 'docs_issued', 'docs_received', 'lines_issued', 'owners', 'officers', 'traded_shares'],
      {
        docs_xborder_share: (i) => (issued[i] > 0 ? xborder[i] / issued[i] : 0),
        age_days: (i) => endDay - incorporated[i],
        employees: (i) => employees[i],
        log_revenue: (i) => revenue[i],
        is_listed: (i) => listed[i],
        is_shell: (i) => shell[i],
        tax_haven_links: (i) => havens[i],
      },
      ['company_type', 'industry', 'registration_country', 'risk_rating', 'first_doc_origin'],
    )
  }
}
