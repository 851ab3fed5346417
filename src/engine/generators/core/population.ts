import { AccountColumns } from '../../model/account-columns.ts'
import type { IdCodec } from '../../model/ids.ts'
import { PersonColumns } from '../../model/person-columns.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Announcement } from '../../model/tables/announcements.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Ownership } from '../../model/tables/ownership.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Counts } from '../../config/schema.ts'
import { groupRows } from '../../model/world.ts'
import { Rng } from '../../random/rng.ts'
import { weighted, type Weighted } from '../../random/sampling.ts'
import { accountSlot, generateAccount } from './accounts.ts'
import { generateAnnouncements } from './announcements.ts'
import { generateCompany, listedCount } from './companies.ts'
import type { CoreContext } from './context.ts'
import { generateCompanyOwnership } from './ownership.ts'
import { adultOn, customerSinceOf, generatePerson } from './persons.ts'

export interface Population {
  persons: Person[]
  companies: Company[]
  ownership: Ownership[]
  /** Views of the accounts' columns (see AccountColumns): an Account each, held in typed arrays. */
  accounts: Account[]
  announcements: Announcement[]
  /** Indexes the build needed anyway, handed on so the world need not compute them again (see buildWorld). */
  indexes: PopulationIndexes
}

export interface PopulationIndexes {
  /** Person rows employed by each company. */
  readonly employeesOf: number[][]
  /** Person rows by residence country, in row order. */
  readonly personsByCountry: Map<string, number[]>
  /** Each account's owner row in persons or companies. */
  readonly accountOwner: Int32Array
}

type Codecs = { readonly [T in 'persons' | 'companies' | 'ownership' | 'accounts' | 'announcements']: IdCodec<T> }

/** Employers weighted by head count, local ones preferred: most people work in their own country. */
export function employerPicker(companies: readonly Company[]): (rng: Rng, country: string) => Company['id'] | null {
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
 * Each person's customer-since day, from the first account they hold or co-hold (none: not a customer, null).
 * Holders come as person rows (`holder`, `jointHolder`; -1 for none), so no Map of every person's id is built.
 */
function setCustomerSince(
  stream: Rng,
  columns: PersonColumns,
  persons: readonly Person[],
  accounts: AccountColumns,
  holder: Int32Array,
  jointHolder: Int32Array,
): void {
  const first = new Float64Array(persons.length).fill(Infinity)
  for (let a = 0; a < accounts.length; a++) {
    const opened = accounts.openedAt[a]
    const h = holder[a]
    if (h >= 0 && opened < first[h]) first[h] = opened
    const j = jointHolder[a]
    if (j >= 0 && opened < first[j]) first[j] = opened
  }
  const row = new Rng(stream.key)
  persons.forEach((p, i) => {
    if (first[i] !== Infinity) columns.customerSince[i] = customerSinceOf(row.seekRow(stream, i), p, first[i])
  })
}

/** Rows between the points where a host may report progress, check for abort and give its event loop a turn. */
export const POPULATION_STEP_ROWS = 4096

/**
 * The background population, built in steps: yields the number of rows built so far every POPULATION_STEP_ROWS
 * rows, so a long build can report progress and be cancelled. Each table draws from its own fork and each row from
 * its own index, so adding persons never changes companies, and changing accounts never changes persons.
 */
export function* populationSteps(
  root: Rng,
  ctx: CoreContext,
  counts: Counts,
  ids: Codecs,
): Generator<number, Population, void> {
  let built = 0
  const row = new Rng(root.key)
  const companiesRng = root.fork('companies')
  const tickers = new Set<string>()
  const listed = listedCount(counts.companies)
  const companies: Company[] = []
  for (let i = 0; i < counts.companies; i++) {
    companies.push(
      generateCompany(
        row.seekRow(companiesRng, i),
        ctx,
        ids.companies.id(0, i),
        { listed: i < listed, isShell: i < listed ? false : undefined },
        tickers,
      ),
    )
    if (++built % POPULATION_STEP_ROWS === 0) yield built
  }

  const personsRng = root.fork('persons')
  const pickEmployer = employerPicker(companies)
  const personColumns = new PersonColumns(counts.persons, ids)
  for (let i = 0; i < counts.persons; i++) {
    const p = generatePerson(row.seekRow(personsRng, i), ctx, ids.persons.id(0, i), { pickEmployer })
    // Employers are background companies, so the id decodes to the company's row (no Map of every id).
    personColumns.set(i, p, p.employerId === null ? -1 : Math.max(0, ids.companies.decode(p.employerId)))
    if (++built % POPULATION_STEP_ROWS === 0) yield built
  }
  personColumns.seal()
  const persons: Person[] = personColumns.views()

  const locals = new Map<string, number[]>()
  persons.forEach((p, i) => {
    const list = locals.get(p.residenceCountry)
    if (list) list.push(i)
    else locals.set(p.residenceCountry, [i])
  })
  const employees = groupRows(companies.length, personColumns.employer)
  const ownershipRng = root.fork('ownership')
  const ownership: Ownership[] = []
  for (let i = 0; i < companies.length; i++) {
    const company = companies[i]
    const drafts = generateCompanyOwnership(row.seekRow(ownershipRng, i), {
      company,
      companyIndex: i,
      persons,
      companies,
      employees: employees[i],
      locals: locals.get(company.registrationCountry) ?? [],
      latestDay: ctx.clock.startDay - 1,
    })
    // A literal, not a spread: a spread row keeps its fields in a second allocation (a property array).
    for (const d of drafts)
      ownership.push({
        id: ids.ownership.id(0, ownership.length),
        ownerId: d.ownerId,
        ownerType: d.ownerType,
        companyId: d.companyId,
        sharePct: d.sharePct,
        role: d.role,
        title: d.title,
        since: d.since,
        patternId: d.patternId,
        patternRole: d.patternRole,
        isSuspicious: d.isSuspicious,
      })
    if (++built % POPULATION_STEP_ROWS === 0) yield built
  }

  const accountsRng = root.fork('accounts')
  const columns = new AccountColumns(counts.accounts, ids)
  const accountOwner = new Int32Array(counts.accounts)
  const personHolder = new Int32Array(counts.accounts).fill(-1)
  const jointHolder = new Int32Array(counts.accounts).fill(-1)
  for (let i = 0; i < counts.accounts; i++) {
    const rng = row.seekRow(accountsRng, i)
    const slot = accountSlot(rng, i, persons.length, companies.length)
    accountOwner[i] = slot.ownerIndex
    const owner =
      slot.owner === 'person'
        ? { type: 'person' as const, row: persons[slot.ownerIndex] }
        : { type: 'company' as const, row: companies[slot.ownerIndex] }
    let jointOwner: Person | null = null
    let joint = -1
    if (owner.type === 'person' && (slot.type === 'checking' || slot.type === 'savings') && rng.chance(0.08)) {
      const neighbours = locals.get(owner.row.residenceCountry) ?? []
      joint = rng.pick(neighbours)
      const candidate = persons[joint]
      if (candidate.id !== owner.row.id) jointOwner = candidate
      else joint = -1
    }
    const account = generateAccount(rng, ctx, ids.accounts.id(0, i), owner, slot.type, {
      jointOwner,
      main: i < persons.length + companies.length,
    })
    // A joint holder must have been an adult when the account was opened.
    if (jointOwner && adultOn(jointOwner.dateOfBirth) > account.openedAt) account.jointOwnerId = null
    if (owner.type === 'person') personHolder[i] = slot.ownerIndex
    if (account.jointOwnerId !== null) jointHolder[i] = joint
    columns.set(i, account, slot.ownerIndex, joint)
    if (++built % POPULATION_STEP_ROWS === 0) yield built
  }
  columns.seal()
  const accounts: Account[] = columns.views()
  setCustomerSince(root.fork('customer_since'), personColumns, persons, columns, personHolder, jointHolder)
  const announcements = generateAnnouncements(root, companies, ctx.clock, ids.announcements)
  return {
    persons,
    companies,
    ownership,
    accounts,
    announcements,
    indexes: { employeesOf: employees, personsByCountry: locals, accountOwner },
  }
}
