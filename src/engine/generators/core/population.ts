import type { IdCodec } from '../../model/ids.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Ownership } from '../../model/tables/ownership.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Counts } from '../../config/schema.ts'
import { Rng } from '../../random/rng.ts'
import { weighted, type Weighted } from '../../random/sampling.ts'
import { accountSlot, generateAccount } from './accounts.ts'
import { generateCompany, listedCount } from './companies.ts'
import type { CoreContext } from './context.ts'
import { generateCompanyOwnership } from './ownership.ts'
import { generatePerson } from './persons.ts'

export interface Population {
  persons: Person[]
  companies: Company[]
  ownership: Ownership[]
  accounts: Account[]
}

type Codecs = { readonly [T in 'persons' | 'companies' | 'ownership' | 'accounts']: IdCodec<T> }

/** Employers weighted by head count, local ones preferred: most people work in their own country. */
function employerPicker(companies: readonly Company[]): (rng: Rng, country: string) => Company['id'] | null {
  const employing = companies.filter((c) => !c.isShell && c.employees > 0)
  if (employing.length === 0) return () => null
  const weight = (c: Company) => Math.min(c.employees, 5_000)
  const all = weighted(employing, employing.map(weight))
  const byCountry = new Map<string, Weighted<Company>>()
  for (const code of new Set(employing.map((c) => c.registrationCountry))) {
    const local = employing.filter((c) => c.registrationCountry === code)
    byCountry.set(code, weighted(local, local.map(weight)))
  }
  return (rng, country) => ((rng.chance(0.8) ? byCountry.get(country) : undefined) ?? all).sample(rng).id
}

/**
 * The background population. Each table draws from its own fork and each row from its own index, so adding
 * persons never changes companies, and changing accounts never changes persons.
 */
export function generatePopulation(root: Rng, ctx: CoreContext, counts: Counts, ids: Codecs): Population {
  const row = new Rng(root.key)
  const companiesRng = root.fork('companies')
  const tickers = new Set<string>()
  const listed = listedCount(counts.companies)
  const companies = Array.from({ length: counts.companies }, (_, i) =>
    generateCompany(
      row.seekRow(companiesRng, i),
      ctx,
      ids.companies.id(0, i),
      { listed: i < listed, isShell: i < listed ? false : undefined },
      tickers,
    ),
  )

  const personsRng = root.fork('persons')
  const pickEmployer = employerPicker(companies)
  const persons = Array.from({ length: counts.persons }, (_, i) =>
    generatePerson(row.seekRow(personsRng, i), ctx, ids.persons.id(0, i), { pickEmployer }),
  )

  const companyIndex = new Map(companies.map((c, i) => [c.id, i]))
  const employees: number[][] = companies.map(() => [])
  const locals = new Map<string, number[]>()
  persons.forEach((p, i) => {
    if (p.employerId !== null) employees[companyIndex.get(p.employerId) ?? 0].push(i)
    const list = locals.get(p.residenceCountry)
    if (list) list.push(i)
    else locals.set(p.residenceCountry, [i])
  })
  const ownershipRng = root.fork('ownership')
  const ownership: Ownership[] = []
  companies.forEach((company, i) => {
    const drafts = generateCompanyOwnership(row.seekRow(ownershipRng, i), {
      company,
      companyIndex: i,
      persons,
      companies,
      employees: employees[i],
      locals: locals.get(company.registrationCountry) ?? [],
      latestDay: ctx.clock.startDay - 1,
    })
    for (const d of drafts) ownership.push({ id: ids.ownership.id(0, ownership.length), ...d })
  })

  const accountsRng = root.fork('accounts')
  const accounts = Array.from({ length: counts.accounts }, (_, i) => {
    const rng = row.seekRow(accountsRng, i)
    const slot = accountSlot(rng, i, persons.length, companies.length)
    const owner =
      slot.owner === 'person'
        ? { type: 'person' as const, row: persons[slot.ownerIndex] }
        : { type: 'company' as const, row: companies[slot.ownerIndex] }
    let jointOwner: Person | null = null
    if (owner.type === 'person' && (slot.type === 'checking' || slot.type === 'savings') && rng.chance(0.08)) {
      const neighbours = locals.get(owner.row.residenceCountry) ?? []
      const candidate = persons[rng.pick(neighbours)]
      if (candidate.id !== owner.row.id) jointOwner = candidate
    }
    const account = generateAccount(rng, ctx, ids.accounts.id(0, i), owner, slot.type, { jointOwner })
    // A joint holder must have been an adult when the account was opened.
    if (jointOwner && jointOwner.dateOfBirth + 18 * 366 > account.openedAt) account.jointOwnerId = null
    return account
  })
  return { persons, companies, ownership, accounts }
}
