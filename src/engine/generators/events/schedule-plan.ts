import { convertMinor, usdToMinor } from '../../model/money.ts'
import type { World } from '../../model/world.ts'
import { combine, unitHash } from '../../random/hash.ts'
import { weighted } from '../../random/sampling.ts'
import { incomeUsd } from './context.ts'
import { DAY_SHAPE } from './timeline.ts'
import { Duty, LAST_BUSINESS_DAY, obligation, Shift, type Obligation, type ObligationInput } from './schedules.ts'

/** Who a household pays: chosen by the transaction generator's pools (local, by size), one call per obligation. */
export interface Payees {
  /** Landlord account of a renting account holder (a property company or a private landlord). */
  landlord(account: number): number
  /** The k-th utility or telecom biller of an account holder. */
  biller(account: number, k: number): number
  /** The regular client (a business account) of a freelancer. */
  client(account: number): number
}

/** The obligations of a population, and for each payroll-funding obligation the salary obligations it covers. */
export interface Plan {
  readonly obligations: Obligation[]
  readonly staffOf: ReadonlyMap<number, readonly number[]>
}

/** Share of employers (with at least a few staff) that pay through the country's payroll provider. */
const PROVIDER_SHARE = 0.55
/** Net pay as a share of gross income (a flat stand-in for tax and social charges). */
const NET = 0.72
const SUBSCRIPTION_USD = [4.99, 6.99, 9.99, 11.99, 14.99, 17.99]
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
): Plan {
  const seed = world.seedKey
  const h = (salt: number, a: number, b = 0) => unitHash(seed ^ salt, a, b)
  const obligations: Obligation[] = []
  const staffOf = new Map<number, number[]>()
  const add = (o: ObligationInput) => obligations.push(obligation(o)) - 1
  const mainOf = (p: number, type: string) =>
    world.accountsOfPerson[p].find((a) => world.accounts[a].accountType === type)

  // Payroll, employer by employer, so a provider's funding comes right after the salaries it pays out.
  world.companies.forEach((_, e) => {
    const staff = world.employeesOf[e]
    const own = world.accountsOfCompany[e][0]
    if (own === undefined || staff.length === 0) return
    const country = world.accounts[own].country
    const provider = providers.get(country) ?? -1
    const viaProvider = provider >= 0 && provider !== own && staff.length >= 2 && h(0x9a70, e) < PROVIDER_SHARE
    const payer = viaProvider ? provider : own
    const u = h(0x5a1a, e)
    const [day, shift] =
      u < 0.3
        ? [25, Shift.Earlier]
        : u < 0.5
          ? [LAST_BUSINESS_DAY, Shift.Earlier]
          : u < 0.6
            ? [28, Shift.Earlier]
            : u < 0.7
              ? [15, Shift.Earlier]
              : // The rest run payroll on a day of their own (a payroll calendar, a contract date).
                [5 + Math.floor(h(0x5a19, e) * 24), Shift.Earlier]
    const hour = 5 + Math.floor(h(0x5a1b, e) * 4)
    // Pay rises come once a year in the employer's review month; some staff get a bonus in its bonus month.
    const raiseFrom = 1 + Math.floor(h(0x5a1c, e) * 11)
    const bonusMonth = h(0x5a1d, e) < 0.6 ? 12 : 3
    const from = world.accounts[payer]
    const paid: number[] = []
    for (const p of staff) {
      const to = mainOf(p, 'checking')
      if (to === undefined) continue
      const person = world.persons[p]
      const net = Math.round((person.annualIncome / 12) * NET)
      const base = Math.max(1, convertMinor(net, person.currency, from.currency).minor)
      const raise = 1 + 0.015 + 0.05 * h(0x5a1e, p)
      const bonus = h(0x5a1f, p) < 0.35 ? 0.25 + 0.9 * h(0x5a20, p) : 0
      paid.push(
        add({
          duty: Duty.Salary,
          payer,
          payee: to,
          day,
          shift,
          hour,
          base,
          aux: p,
          country: from.country,
          raise,
          raiseFrom,
          bonus,
          bonusMonth,
        }),
      )
    }
    if (viaProvider && paid.length > 0) {
      const f = add({
        duty: Duty.PayrollFunding,
        payer: own,
        payee: provider,
        day: day === LAST_BUSINESS_DAY ? 26 : day - 3,
        shift: Shift.Earlier,
        hour: 8,
        base: 0,
        aux: e,
        country,
      })
      staffOf.set(f, paid)
    }
  })

  world.persons.forEach((person, p) => {
    const checking = mainOf(p, 'checking')
    if (checking === undefined) return
    const a = world.accounts[checking]
    const country = a.country
    const income = incomeUsd(person)
    // Standing payments are sized to the household's income, so they fit in it in poor and rich countries alike.
    const scale = Math.max(0.05, income / 55_000) ** 0.6
    const monthlyNetUsd = (income / 12) * NET
    const loan = mainOf(p, 'loan')
    if (person.employerId === null && person.annualIncome > 0) livelihood(p, checking, country)
    if (h(0x4e01, p) < 0.82) {
      // A homeowner with a loan account pays the mortgage into it; everyone else rents.
      if (loan !== undefined && h(0x4e02, p) < 0.6) {
        const monthlyUsd = (income / 12) * (0.2 + 0.12 * h(0x4e03, p))
        const base = usdToMinor(Math.max(40, Math.round(monthlyUsd)), a.currency)
        add({
          duty: Duty.Loan,
          payer: checking,
          payee: loan,
          day: 1,
          shift: Shift.Later,
          hour: 6,
          base,
          aux: 1,
          country,
        })
      } else {
        const landlord = payees.landlord(checking)
        const monthlyUsd = (income / 12) * (0.22 + 0.16 * h(0x4e04, p))
        const base = usdToMinor(Math.max(40, Math.round(monthlyUsd / 10) * 10), a.currency)
        const day = h(0x4e05, p) < 0.5 ? 1 : 1 + Math.floor(h(0x4e06, p) * 5)
        if (landlord >= 0 && landlord !== checking)
          add({
            duty: Duty.Rent,
            payer: checking,
            payee: landlord,
            day,
            shift: Shift.Later,
            hour: 6 + Math.floor(h(0x4e07, p) * 3),
            base,
            aux: 0,
            country,
          })
      }
    } else if (loan !== undefined) {
      // A five-year instalment on the loan's limit, but no more than a sixth of net pay (the bank would not lend more).
      const cap = usdToMinor(monthlyNetUsd / 6, a.currency)
      const base = Math.max(1, Math.min(cap, Math.round((world.accounts[loan].creditLimit ?? 0) / 60)))
      if (base > 1)
        add({
          duty: Duty.Loan,
          payer: checking,
          payee: loan,
          day: 15,
          shift: Shift.Later,
          hour: 6,
          base,
          aux: 0,
          country,
        })
    }
    const bills = 1 + Math.floor(h(0xb1f0, p) * 2.6)
    for (let k = 0; k < bills; k++) {
      const biller = payees.biller(checking, k)
      if (biller < 0 || biller === checking) continue
      const usd = 85 * scale * Math.exp(0.6 * (h(0xb1f1, p, k) * 2 - 1))
      const day = 5 + Math.floor(h(0xb1f2, p, k) * 21)
      add({
        duty: Duty.Utility,
        payer: checking,
        payee: biller,
        day,
        shift: Shift.Later,
        hour: 5 + Math.floor(h(0xb1f3, p, k) * 4),
        base: usdToMinor(usd, a.currency),
        aux: k,
        country,
      })
    }
    const savings = mainOf(p, 'savings')
    if (savings !== undefined) {
      const usd = monthlyNetUsd * (0.03 + 0.09 * h(0x5a70, p))
      const base = usdToMinor(Math.max(5, Math.round(usd / 5) * 5), a.currency)
      add({
        duty: Duty.Savings,
        payer: checking,
        payee: savings,
        day: 2 + Math.floor(h(0x5a71, p) * 27),
        shift: Shift.Later,
        hour: 7,
        base,
        aux: 0,
        country,
      })
    }
    const subscriptions = Math.floor(h(0x5b50, p) * 3.4)
    for (let k = 0; k < subscriptions; k++) {
      const usd = SUBSCRIPTION_USD[Math.floor(h(0x5b51, p, k) * SUBSCRIPTION_USD.length)]
      const day = 1 + Math.floor(h(0x5b52, p, k) * 28)
      add({
        duty: Duty.Subscription,
        payer: checking,
        payee: -1,
        day,
        shift: Shift.None,
        hour: SUBSCRIPTION_HOURS.indexAt(h(0x5b53, p, k)),
        base: usdToMinor(usd, a.currency),
        aux: k,
        country,
      })
    }
    const investment = mainOf(p, 'investment')
    if (investment !== undefined) {
      const usd = Math.round((monthlyNetUsd * (0.2 + 0.8 * h(0x1e50, p) ** 2)) / 50) * 50
      add({
        duty: Duty.Investing,
        payer: checking,
        payee: investment,
        day: 3 + Math.floor(h(0x1e52, p) * 20),
        shift: Shift.Later,
        hour: 19,
        base: usdToMinor(Math.max(50, usd), a.currency),
        aux: 0,
        country,
        monthShare: 0.3,
        monthSalt: combine(seed ^ 0x1e51, p),
      })
    }
  })
  return { obligations, staffOf }

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
    const day = pension ? 1 + Math.floor(h(0x1c01, p) * 3) : 10 + Math.floor(h(0x1c02, p) * 15)
    add({
      duty: Duty.Income,
      payer,
      payee: checking,
      day,
      shift: Shift.Earlier,
      hour: 6,
      base,
      aux: pension ? 1 : 0,
      country: from.country,
    })
  }
}

/**
 * The payroll provider of each country: its largest financial-services company with a business account open all
 * window (a hub that pays many employers' staff). Countries without one have none; their employers pay directly.
 * With `except` (the payroll providers), the next largest: the country's pension fund.
 */
export function payrollProviders(world: World, except?: ReadonlyMap<string, number>): Map<string, number> {
  const best = new Map<string, { account: number; employees: number }>()
  world.companies.forEach((c, e) => {
    const account = world.accountsOfCompany[e][0]
    if (c.industry !== 'financial_services' || c.isShell || account === undefined) return
    if (except?.get(world.accounts[account].country) === account) return
    // A provider is an established business: open all window.
    if (world.accountFrom[account] > world.clock.start || world.accountTo[account] < world.clock.end - 1) return
    const country = world.accounts[account].country
    const seen = best.get(country)
    if (seen === undefined || c.employees > seen.employees) best.set(country, { account, employees: c.employees })
  })
  return new Map([...best].map(([k, v]) => [k, v.account]))
}
