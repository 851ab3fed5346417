import { convertMinor, usdToMinor } from '../../model/money.ts'
import type { World } from '../../model/world.ts'
import { combine, unitHash } from '../../random/hash.ts'
import { weighted } from '../../random/sampling.ts'
import { incomeUsd } from './context.ts'
import { DAY_SHAPE } from './timeline.ts'
import { Duty, LAST_BUSINESS_DAY, Obligations, Shift } from './obligations.ts'

/** Who a household pays: chosen by the transaction generator's pools (local, by size), one call per obligation. */
export interface Payees {
  /** Landlord account of a renting account holder (a property company or a private landlord). */
  landlord(account: number): number
  /** The k-th utility or telecom biller of an account holder. */
  biller(account: number, k: number): number
  /** The regular client (a business account) of a freelancer. */
  client(account: number): number
}

/** Share of employers (with at least a few staff) that pay through the country's payroll provider. */
const PROVIDER_SHARE = 0.55
/** Net pay as a share of gross income (a flat stand-in for tax and social charges). */
const NET = 0.72
const SUBSCRIPTION_USD = [4.99, 6.99, 9.99, 11.99, 14.99, 17.99]
/** Industries whose companies take card payments from the public (settled by the country's card acquirer). */
const CARD_INDUSTRIES: ReadonlySet<string> = new Set([
  'retail',
  'hospitality',
  'entertainment',
  'healthcare',
  'automotive',
  'transportation',
])
/** Share of card-taking companies whose acquirer is the bank's (the rest bank their takings elsewhere). */
const ACQUIRED_SHARE = 0.9
/** Staff per payroll run of a large employer (each run has its own payday), and the most runs an employer has. */
const STAFF_PER_PAYROLL = 40
const MAX_PAYROLLS = 6
/** Staff from which a merchant is settled twice a week rather than weekly. */
const TWICE_WEEKLY_STAFF = 50
/**
 * A subscription's local charging hour, spread like other card activity but never at night: it recurs at the same
 * hour every month, so a few night-time ones would weigh a small country's night share twelvefold.
 */
const SUBSCRIPTION_HOURS = weighted(
  DAY_SHAPE.map((_, h) => h),
  DAY_SHAPE.map((w, h) => (h < 6 ? 0 : w)),
)

/**
 * Every standing obligation of the population, in a fixed order (person by person, salaries and their payroll
 * funding first): the monthly rhythm of salaries, housing, bills, loans, savings, subscriptions and investing.
 * Traits are stateless hashes of (seed, entity), so the plan is the same for every shard.
 */
export function planObligations(
  world: World,
  payees: Payees,
  providers: ReadonlyMap<string, number>,
  pensions: ReadonlyMap<string, number>,
  acquirers: ReadonlyMap<string, number> = new Map(),
): Obligations {
  const seed = world.seedKey
  const h = (salt: number, a: number, b = 0) => unitHash(seed ^ salt, a, b)
  // About six a person: room for seven, and four a company, before the columns double.
  const plan = new Obligations(world.persons.length, 7 * world.persons.length + 4 * world.companies.length)
  const mainOf = (p: number, type: string) =>
    world.accountsOfPerson[p].find((a) => world.accounts[a].accountType === type)
  // A person's first account of each type, in one pass over their accounts: a type is read through the account's
  // view, and a find per type took about a third of the plan's time at 1M persons.
  const main = new Map<string, number>()
  const mainsOf = (p: number) => {
    main.clear()
    for (const a of world.accountsOfPerson[p]) {
      const type = world.accounts[a].accountType
      if (!main.has(type)) main.set(type, a)
    }
    return main
  }

  // Payroll, employer by employer, so a provider's funding comes right after the salaries it pays out.
  world.companies.forEach((_, e) => {
    const staff = world.employeesOf[e]
    const own = world.accountsOfCompany[e][0]
    if (own === undefined || staff.length === 0) return
    const country = world.accounts[own].country
    const provider = providers.get(country) ?? -1
    const viaProvider = provider >= 0 && provider !== own && staff.length >= 2 && h(0x9a70, e) < PROVIDER_SHARE
    const payer = viaProvider ? provider : own
    // Pay rises come once a year in the employer's review month; some staff get a bonus in its bonus month.
    const raiseFrom = 1 + Math.floor(h(0x5a1c, e) * 11)
    const bonusMonth = h(0x5a1d, e) < 0.6 ? 12 : 3
    const from = world.accounts[payer]
    // A large employer runs several payrolls (subsidiaries, sites, salaried and hourly staff), each on its own day.
    const groups = Math.min(MAX_PAYROLLS, 1 + Math.floor(staff.length / STAFF_PER_PAYROLL))
    for (let g = 0; g < groups; g++) {
      const [day, shift] = payday(e, g)
      const hour = 5 + Math.floor(h(0x5a1b, e, g) * 4)
      const first = plan.length
      for (const p of staff) {
        const to = mainOf(p, 'checking')
        if (to === undefined || (groups > 1 && Math.floor(h(0x5a21, p) * groups) !== g)) continue
        const person = world.persons[p]
        const net = Math.round((person.annualIncome / 12) * NET)
        const base = Math.max(1, convertMinor(net, person.currency, from.currency).minor)
        const raise = 1 + 0.015 + 0.05 * h(0x5a1e, p)
        const bonus = h(0x5a1f, p) < 0.35 ? 0.25 + 0.9 * h(0x5a20, p) : 0
        const o = plan.add(Duty.Salary, payer, to, day, shift, hour, base, p, from.country)
        plan.payTerms(o, raise, raiseFrom, bonus, bonusMonth)
      }
      // The group's salaries are the obligations just added: the funding covers that run.
      if (viaProvider && plan.length > first) {
        const f = plan.add(
          Duty.PayrollFunding,
          own,
          provider,
          day === LAST_BUSINESS_DAY ? 26 : day - 3,
          Shift.Earlier,
          8,
          0,
          e,
          country,
        )
        plan.funds(f, first)
      }
    }
  })

  world.companies.forEach((_, e) => settlements(e))

  world.persons.forEach((person, p) => {
    const mains = mainsOf(p)
    const checking = mains.get('checking')
    if (checking === undefined) return
    const a = world.accounts[checking]
    const country = a.country
    const income = incomeUsd(person)
    // Standing payments are sized to the household's income, so they fit in it in poor and rich countries alike.
    const scale = Math.max(0.05, income / 55_000) ** 0.6
    const monthlyNetUsd = (income / 12) * NET
    const loan = mains.get('loan')
    if (person.employerId === null && person.annualIncome > 0) livelihood(p, checking, country)
    if (h(0x4e01, p) < 0.82) {
      // A homeowner with a loan account pays the mortgage into it; everyone else rents.
      if (loan !== undefined && h(0x4e02, p) < 0.6) {
        const monthlyUsd = (income / 12) * (0.2 + 0.12 * h(0x4e03, p))
        const base = usdToMinor(Math.max(40, Math.round(monthlyUsd)), a.currency)
        // The borrower picks the collection day (most lenders offer any day to the 28th).
        plan.add(
          Duty.Loan,
          checking,
          loan,
          h(0x4e08, p) < 0.3 ? 1 : 1 + Math.floor(h(0x4e09, p) * 28),
          Shift.Later,
          6,
          base,
          1,
          country,
        )
      } else {
        const landlord = payees.landlord(checking)
        const monthlyUsd = (income / 12) * (0.22 + 0.16 * h(0x4e04, p))
        const base = usdToMinor(Math.max(40, Math.round(monthlyUsd / 10) * 10), a.currency)
        // Rent is due at the start of the month; standing orders and direct debits collect it from the 1st to the 5th.
        const day = 1 + Math.floor(h(0x4e06, p) * 5)
        if (landlord >= 0 && landlord !== checking)
          plan.add(Duty.Rent, checking, landlord, day, Shift.Later, 6 + Math.floor(h(0x4e07, p) * 3), base, 0, country)
      }
    } else if (loan !== undefined) {
      // A five-year instalment on the loan's limit, but no more than a sixth of net pay (the bank would not lend more).
      const cap = usdToMinor(monthlyNetUsd / 6, a.currency)
      const base = Math.max(1, Math.min(cap, Math.round((world.accounts[loan].creditLimit ?? 0) / 60)))
      if (base > 1)
        plan.add(Duty.Loan, checking, loan, 1 + Math.floor(h(0x4e0a, p) * 28), Shift.Later, 6, base, 0, country)
    }
    const bills = 1 + Math.floor(h(0xb1f0, p) * 2.6)
    for (let k = 0; k < bills; k++) {
      const biller = payees.biller(checking, k)
      if (biller < 0 || biller === checking) continue
      const usd = 85 * scale * Math.exp(0.6 * (h(0xb1f1, p, k) * 2 - 1))
      const day = 5 + Math.floor(h(0xb1f2, p, k) * 21)
      plan.add(
        Duty.Utility,
        checking,
        biller,
        day,
        Shift.Later,
        5 + Math.floor(h(0xb1f3, p, k) * 4),
        usdToMinor(usd, a.currency),
        k,
        country,
      )
    }
    const savings = mains.get('savings')
    if (savings !== undefined) {
      const usd = monthlyNetUsd * (0.03 + 0.09 * h(0x5a70, p))
      const base = usdToMinor(Math.max(5, Math.round(usd / 5) * 5), a.currency)
      plan.add(Duty.Savings, checking, savings, 2 + Math.floor(h(0x5a71, p) * 27), Shift.Later, 7, base, 0, country)
    }
    const subscriptions = Math.floor(h(0x5b50, p) * 3.4)
    for (let k = 0; k < subscriptions; k++) {
      const usd = SUBSCRIPTION_USD[Math.floor(h(0x5b51, p, k) * SUBSCRIPTION_USD.length)]
      const day = 1 + Math.floor(h(0x5b52, p, k) * 28)
      plan.add(
        Duty.Subscription,
        checking,
        -1,
        day,
        Shift.None,
        SUBSCRIPTION_HOURS.indexAt(h(0x5b53, p, k)),
        usdToMinor(usd, a.currency),
        k,
        country,
      )
    }
    const investment = mains.get('investment')
    if (investment !== undefined) {
      const usd = Math.round((monthlyNetUsd * (0.2 + 0.8 * h(0x1e50, p) ** 2)) / 50) * 50
      const o = plan.add(
        Duty.Investing,
        checking,
        investment,
        3 + Math.floor(h(0x1e52, p) * 20),
        Shift.Later,
        19,
        usdToMinor(Math.max(50, usd), a.currency),
        0,
        country,
      )
      plan.occasional(o, 0.15, combine(seed ^ 0x1e51, p))
    }
  })
  return plan

  /**
   * Payroll g's payday of employer e. Paydays differ by employer and country (the 25th, month end, the 28th,
   * mid-month, a payroll calendar's own day): with salaries a third of a 20-a-year table, a few shared paydays
   * would make the daily count spike.
   */
  function payday(e: number, g: number): [number, Shift] {
    const u = h(0x5a1a, e, g)
    if (u < 0.1) return [25, Shift.Earlier]
    if (u < 0.2) return [LAST_BUSINESS_DAY, Shift.Earlier]
    if (u < 0.25) return [28, Shift.Earlier]
    if (u < 0.3) return [15, Shift.Earlier]
    // The rest run payroll on a day of their own (a payroll calendar, a contract date).
    return [5 + Math.floor(h(0x5a19, e, g) * 24), Shift.Earlier]
  }

  /**
   * Card settlements: the country's acquirer pays a card-taking business customer its card takings net of its fee,
   * weekly (twice a week from TWICE_WEEKLY_STAFF staff) on fixed weekdays-of-month, so the acquirer is an out-degree
   * hub and the merchant has a regular inflow. One obligation per settlement day of the month.
   */
  function settlements(e: number): void {
    const company = world.companies[e]
    const own = world.accountsOfCompany[e][0]
    if (own === undefined || company.isShell || !CARD_INDUSTRIES.has(company.industry)) return
    const to = world.accounts[own]
    const acquirer = acquirers.get(to.country) ?? -1
    if (acquirer < 0 || acquirer === own || h(0xca70, e) >= ACQUIRED_SHARE) return
    const from = world.accounts[acquirer]
    const twice = company.employees >= TWICE_WEEKLY_STAFF
    const days: number[] = []
    const first = 1 + Math.floor(h(0xca71, e) * (twice ? 4 : 7))
    for (let k = 0; k < 4; k++) days.push(first + 7 * k, ...(twice ? [first + 3 + 7 * k] : []))
    const cardShare = 0.35 + 0.45 * h(0xca72, e)
    const fee = 0.012 + 0.018 * h(0xca73, e)
    const monthly = (company.annualRevenue / 12) * cardShare * (1 - fee)
    const base = Math.max(1, Math.round(convertMinor(monthly / days.length, company.currency, from.currency).minor))
    const hour = 4 + Math.floor(h(0xca74, e) * 3)
    for (const day of days) plan.add(Duty.Settlement, acquirer, own, day, Shift.Later, hour, base, e, from.country)
  }

  /** A pension from the country's pension fund for the retired, a monthly fee from one client for the rest. */
  function livelihood(p: number, checking: number, country: string): void {
    const person = world.persons[p]
    const retired = world.clock.startDay - person.dateOfBirth >= 63 * 365.25
    // Where a country has no pension fund, its payroll provider pays pensions, or failing that a client pays fees.
    const fund = retired ? (pensions.get(country) ?? providers.get(country) ?? -1) : -1
    const payer = fund >= 0 ? fund : payees.client(checking)
    if (payer < 0 || payer === checking) return
    const from = world.accounts[payer]
    const net = Math.round((person.annualIncome / 12) * NET)
    const base = Math.max(1, convertMinor(net, person.currency, from.currency).minor)
    const pension = fund >= 0
    // Pension funds pay on a day set by the pensioner's birth date or claim date, spread over the month.
    const day = pension ? 1 + Math.floor(h(0x1c01, p) * 28) : 10 + Math.floor(h(0x1c02, p) * 15)
    plan.add(Duty.Income, payer, checking, day, Shift.Earlier, 6, base, pension ? 1 : 0, from.country)
  }
}

/**
 * The payroll provider of each country: its largest financial-services company with a business account open all
 * window (a hub that pays many employers' staff). Countries without one have none; their employers pay directly.
 * With `except` (the payroll providers), the next largest: the country's pension fund; excepting both, the next
 * (see cardAcquirers).
 */
export function payrollProviders(world: World, ...except: ReadonlyMap<string, number>[]): Map<string, number> {
  const best = new Map<string, { account: number; employees: number }>()
  world.companies.forEach((c, e) => {
    const account = world.accountsOfCompany[e][0]
    if (c.industry !== 'financial_services' || c.isShell || account === undefined) return
    if (except.some((m) => m.get(world.accounts[account].country) === account)) return
    // A provider is an established business: open all window.
    if (world.accountFrom[account] > world.clock.start || world.accountTo[account] < world.clock.end - 1) return
    const country = world.accounts[account].country
    const seen = best.get(country)
    if (seen === undefined || c.employees > seen.employees) best.set(country, { account, employees: c.employees })
  })
  return new Map([...best].map(([k, v]) => [k, v.account]))
}

/**
 * The card acquirer of each country: its next largest financial-services company after the payroll provider and
 * the pension fund; where there is none, the payroll provider also acquires (a payments company doing both).
 */
export function cardAcquirers(
  world: World,
  providers: ReadonlyMap<string, number>,
  pensions: ReadonlyMap<string, number>,
): Map<string, number> {
  const acquirers = payrollProviders(world, providers, pensions)
  for (const [country, account] of providers) if (!acquirers.has(country)) acquirers.set(country, account)
  return acquirers
}
