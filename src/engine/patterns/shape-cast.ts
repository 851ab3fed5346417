import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import { countries, countryByCode } from '../reference/countries.ts'
import { isAdultOn, newAdult } from './human-time.ts'
import { incomeUsdOf } from './own-large-payment.ts'
import { blends, dayOf, openAccount, pickPersonsWithAccounts, usableAccountOf } from './select.ts'
import type { InjectContext, PatternRows } from './types.ts'

/** One account of a shape and the person who holds it. */
export interface Holder {
  readonly account: Account
  readonly person: Person
}

export type CastRows = Pick<PatternRows, 'persons' | 'accounts'>

/** Where the money is banked: the country and currency of a customer who could start it. */
export function chooseHome(ctx: InjectContext, from: number, to: number): { country: string; currency: string } {
  const { world, rng } = ctx
  const hit = pickPersonsWithAccounts(rng, world, 1, from, to, (q) => isAdultOn(q, dayOf(from)))[0]
  if (hit) {
    const a = world.accounts[hit.account]
    return { country: a.country, currency: a.currency }
  }
  const c = rng.pick(countries)
  return { country: c.code, currency: c.currency }
}

/**
 * How often a holder is an existing customer's account rather than one the scheme opens: 0.7 from medium account
 * blending up, fewer below it, none without it, so that the plain typology's holders are all the telltale new
 * accounts (a recruited customer's or a new identity's).
 */
function reuseShare(ctx: InjectContext): number {
  return 0.7 * Math.min(1, 2 * ctx.knobs.accountBlending)
}

/**
 * `n` accounts held by `n` distinct adults, all in the home currency (so every hop is comparable at the minor
 * unit), usable over [from, to]. Most are existing customers' own accounts; the rest are accounts opened for the
 * job weeks before, by a recruited customer or a new (often synthetic) identity (see reuseShare). `exclude` keeps
 * persons out.
 * `wellOff` takes the better-earning of two customers each time: a large sum hides best where large payments are
 * ordinary, in the accounts of people who earn and spend more.
 */
export function chooseHolders(
  ctx: InjectContext,
  n: number,
  home: { country: string; currency: string },
  from: number,
  to: number,
  rows: CastRows,
  exclude: ReadonlySet<string> = new Set(),
  wellOff = false,
): Holder[] {
  const { world, rng } = ctx
  const day = dayOf(from)
  const codes = [
    home.country,
    ...countries.filter((c) => c.currency === home.currency && c.code !== home.country).map((c) => c.code),
  ]
  const local = world.personsByCountry.get(home.country) ?? []
  const wider = codes.flatMap((c) => world.personsByCountry.get(c) ?? [])
  const used = new Set<string>(exclude)
  // Blended, every holder lives in the home country: background persons pay one another abroad rarely, and then
  // by wire, so hops across a currency area were a tell.
  const atHome = (): boolean => blends(ctx) || rng.chance(0.8)
  const one = (): number => {
    for (let tries = 0; tries < 30 && wider.length > 0; tries++) {
      const pool = atHome() && local.length > 0 ? local : wider
      const i = pool[rng.below(pool.length)]
      if (!used.has(world.persons[i].id) && isAdultOn(world.persons[i], day - 140)) return i
    }
    return -1
  }
  const candidate = (): number => {
    const i = one()
    if (!wellOff) return i
    const j = one()
    if (i < 0 || j < 0) return Math.max(i, j)
    return incomeUsdOf(world.persons[j]) > incomeUsdOf(world.persons[i]) ? j : i
  }
  const existingShare = reuseShare(ctx)
  const out: Holder[] = []
  for (let k = 0; k < n; k++) {
    const i = candidate()
    if (i >= 0 && rng.chance(existingShare)) {
      const a = usableAccountOf(world, i, from, to)
      if (a >= 0 && world.accounts[a].currency === home.currency) {
        used.add(world.persons[i].id)
        out.push({ account: world.accounts[a], person: world.persons[i] })
        continue
      }
    }
    let person: Person
    if (i >= 0 && rng.chance(0.5)) person = world.persons[i]
    else {
      person = newAdult(ctx, `holder:${k}`, day, countryByCode[home.country], 55)
      rows.persons.push(person)
    }
    used.add(person.id)
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 90 - k, day - 5)
    rows.accounts.push(account)
    out.push({ account, person })
  }
  return out
}
