import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Person } from '../../model/tables/persons.ts'
import { usdToMinor } from '../../model/money.ts'
import type { Rng } from '../../random/rng.ts'
import type { InjectContext } from '../types.ts'

/** Shared steps of the look-alikes: finding ordinary customers with accounts open over a window. */

/** A company's business account open over [from, to], or -1. */
export function businessAccountOf(ctx: InjectContext, company: number, from: number, to: number): number {
  const { world } = ctx
  for (const a of world.accountsOfCompany[company] ?? [])
    if (world.accounts[a].accountType === 'business' && world.accountFrom[a] <= from && to <= world.accountTo[a])
      return a
  return -1
}

/** A random background company with a business account open over [from, to] passing `accept`; null after bounded tries. */
export function pickBusiness(
  ctx: InjectContext,
  from: number,
  to: number,
  accept: (c: Company, account: Account, index: number) => boolean = () => true,
): { index: number; company: Company; account: Account } | null {
  const { world, rng } = ctx
  const n = world.companies.length
  for (let tries = 0; tries < 200 && n > 0; tries++) {
    const i = rng.below(n)
    const a = businessAccountOf(ctx, i, from, to)
    if (a < 0) continue
    const company = world.companies[i]
    if (!company.isShell && accept(company, world.accounts[a], i))
      return { index: i, company, account: world.accounts[a] }
  }
  return null
}

/** The person's accounts of the given types open over [from, to], main account first. */
export function accountsOf(ctx: InjectContext, person: number, from: number, to: number, types: readonly string[]) {
  const { world } = ctx
  return (world.accountsOfPerson[person] ?? [])
    .filter(
      (a) => types.includes(world.accounts[a].accountType) && world.accountFrom[a] <= from && to <= world.accountTo[a],
    )
    .map((a) => world.accounts[a])
}

/** A person who is an adult customer with at least `minAccounts` usable accounts of the types; null after bounded tries. */
export function pickCustomer(
  ctx: InjectContext,
  from: number,
  to: number,
  types: readonly string[],
  minAccounts = 1,
  accept: (p: Person, index: number) => boolean = () => true,
): { index: number; person: Person; accounts: Account[] } | null {
  const { world, rng } = ctx
  const n = world.persons.length
  for (let tries = 0; tries < 300 && n > 0; tries++) {
    const i = rng.below(n)
    const person = world.persons[i]
    if (!accept(person, i)) continue
    const accounts = accountsOf(ctx, i, from, to, types)
    if (accounts.length >= minAccounts) return { index: i, person, accounts }
  }
  return null
}

/** Whole notes of the currency (the background's cash unit), as banks count cash. */
export function inNotes(usd: number, currency: string): number {
  const unit = usdToMinor(20, currency)
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(unit)))
  const note = Math.max(scale, Math.round(unit / scale) * scale)
  return Math.max(note, Math.round(usdToMinor(usd, currency) / note) * note)
}

/** n instants in [start, end), sorted. */
export function sortedTimes(rng: Rng, n: number, start: number, end: number, at: (s: number, e: number) => number) {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(at(start, end))
  return out.sort((a, b) => a - b)
}

/** A look-alike that found nobody fitting in a tiny population still returns an instance: empty, and saying so. */
export function nobody(what: string) {
  return {
    subtype: 'none',
    members: [],
    rows: {},
    currency: null,
    totalMinor: null,
    narrative: `No ${what} fitted this population, so this look-alike has no rows.`,
  }
}
