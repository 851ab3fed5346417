import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { World } from '../../model/world.ts'
import { countries } from '../../reference/countries.ts'
import { isAdultOn } from '../human-time.ts'
import { dayOf, usableAccountOf } from '../select.ts'
import type { InjectContext } from '../types.ts'
import { businessAccountOf } from './common.ts'

/** A background customer taking part in a benign flow: a company's business account or a person's own account. */
export type Party =
  | { readonly type: 'company'; readonly account: Account; readonly company: Company; readonly index: number }
  | { readonly type: 'person'; readonly account: Account; readonly person: Person; readonly index: number }

export type PartyType = Party['type']

interface Pools {
  /** Persons living in a country of the currency, and companies reporting in it (not shells). */
  readonly people: readonly number[]
  readonly firms: readonly number[]
}

/** Built once per world, currency and home country (a run's look-alike instances share them), not per instance. */
const poolCache = new WeakMap<World, Map<string, Pools>>()

function poolsOf(world: World, currency: string, country: string): Pools {
  let byCurrency = poolCache.get(world)
  if (!byCurrency) poolCache.set(world, (byCurrency = new Map()))
  const hit = byCurrency.get(`${currency}|${country}`)
  if (hit) return hit
  // The home country's people first, then the rest of the currency's (the order draws index into).
  const codes = [country, ...countries.filter((c) => c.currency === currency && c.code !== country).map((c) => c.code)]
  const people = codes.flatMap((c) => world.personsByCountry.get(c) ?? [])
  const firms: number[] = []
  world.companies.forEach((c, i) => {
    if (c.currency === currency && !c.isShell) firms.push(i)
  })
  const made = { people, firms }
  byCurrency.set(`${currency}|${country}`, made)
  return made
}

/**
 * Ordinary customers of one currency (so a flow's amounts compare at the minor unit), each used once, with accounts
 * open over [from, to]. A benign flow opens no accounts: its parties are the background's own customers.
 */
export class Parties {
  private readonly used = new Set<string>()
  private readonly people: readonly number[]
  /** Companies reporting in the currency: where its business accounts are. */
  private readonly firms: readonly number[]

  constructor(
    private readonly ctx: InjectContext,
    readonly currency: string,
    readonly country: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    const pools = poolsOf(ctx.world, currency, country)
    this.people = pools.people
    this.firms = pools.firms
  }

  /** Marks a party taken (one found elsewhere, such as the flow's anchor). */
  take(p: Party): Party {
    this.used.add(p.account.id).add(holderId(p))
    return p
  }

  private free(a: Account, holder: string): boolean {
    return a.currency === this.currency && !this.used.has(a.id) && !this.used.has(holder)
  }

  company(accept: (c: Company, index: number) => boolean = () => true): Party | null {
    const { world, rng } = this.ctx
    for (let tries = 0; tries < 120 && this.firms.length > 0; tries++) {
      const index = this.firms[rng.below(this.firms.length)]
      const company = world.companies[index]
      if (company.incorporatedOn > dayOf(this.from) - 60 || !accept(company, index)) continue
      const a = businessAccountOf(this.ctx, index, this.from, this.to)
      if (a < 0 || !this.free(world.accounts[a], company.id)) continue
      return this.take({ type: 'company', account: world.accounts[a], company, index })
    }
    return null
  }

  person(accept: (p: Person, index: number) => boolean = () => true): Party | null {
    const { world, rng } = this.ctx
    for (let tries = 0; tries < 120 && this.people.length > 0; tries++) {
      const index = this.people[rng.below(this.people.length)]
      const person = world.persons[index]
      if (!isAdultOn(person, dayOf(this.from)) || !accept(person, index)) continue
      const a = usableAccountOf(world, index, this.from, this.to)
      if (a < 0 || !this.free(world.accounts[a], person.id)) continue
      return this.take({ type: 'person', account: world.accounts[a], person, index })
    }
    return null
  }

  /** A party of the type asked for (never the other type: the story's payments depend on who pays whom). */
  of(type: PartyType): Party | null {
    return type === 'company' ? this.company() : this.person()
  }

  /** The employees of a company with an account in the currency, up to `n`, not yet taken. */
  staffOf(index: number, n: number): Party[] {
    const { world } = this.ctx
    const out: Party[] = []
    for (const i of world.employeesOf[index] ?? []) {
      if (out.length >= n) break
      const a = usableAccountOf(world, i, this.from, this.to)
      if (a < 0 || !this.free(world.accounts[a], world.persons[i].id)) continue
      out.push(this.take({ type: 'person', account: world.accounts[a], person: world.persons[i], index: i }))
    }
    return out
  }
}

/** Where a benign flow is banked: the country and currency of a random company with a business account. */
export function flowHome(ctx: InjectContext, from: number, to: number): Party | null {
  const { world, rng } = ctx
  for (let tries = 0; tries < 200 && world.companies.length > 0; tries++) {
    const index = rng.below(world.companies.length)
    const company = world.companies[index]
    if (company.isShell || company.incorporatedOn > dayOf(from) - 60) continue
    const a = businessAccountOf(ctx, index, from, to)
    if (a >= 0) return { type: 'company', account: world.accounts[a], company, index }
  }
  return null
}

/** The entity id of a party (its company or person). */
export function holderId(p: Party): Person['id'] | Company['id'] {
  return p.type === 'company' ? p.company.id : p.person.id
}
