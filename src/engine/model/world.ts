import type { Account } from './tables/accounts.ts'
import type { Announcement } from './tables/announcements.ts'
import type { Company } from './tables/companies.ts'
import type { Ownership } from './tables/ownership.ts'
import type { Person } from './tables/persons.ts'
import type { IdCodec } from './ids.ts'
import { DAY, type SimClock } from './time.ts'

/** Row index of a background entity by its id (undefined for any other text): what a Map from id to index answers. */
export interface IdLookup {
  get(id: string): number | undefined
  has(id: string): boolean
}

/**
 * Background row i of a table has the id codec.id(0, i), so its index is read back from the id itself instead of
 * held in a Map of millions of strings (hundreds of MB and seconds to build at 10M accounts).
 */
function idLookup(codec: IdCodec, count: number): IdLookup {
  const get = (id: string) => {
    const v = codec.decode(id)
    // Stream 0 (the background) is v < 2^32; a pattern's rows (stream > 0) are not in the world.
    return v >= 0 && v < count ? v : undefined
  }
  return { get, has: (id) => get(id) !== undefined }
}

/**
 * The background population, read-only, with the indexes event generators and pattern injectors need.
 * Entities are small enough to hold (millions at most); events are streamed and never held here.
 */
export interface World {
  readonly clock: SimClock
  readonly seedKey: number
  readonly persons: readonly Person[]
  readonly companies: readonly Company[]
  readonly accounts: readonly Account[]
  readonly ownership: readonly Ownership[]
  readonly personIndex: IdLookup
  readonly companyIndex: IdLookup
  readonly accountIndex: IdLookup
  /** Account indices held by each person / company (by index), the main account first. */
  readonly accountsOfPerson: readonly (readonly number[])[]
  readonly accountsOfCompany: readonly (readonly number[])[]
  /** For each account: index of its owner in persons or companies. */
  readonly accountOwner: Int32Array
  readonly accountIsCompany: Uint8Array
  /** First and last second each account may be used (open day … close day or window end). */
  readonly accountFrom: Float64Array
  readonly accountTo: Float64Array
  readonly listedCompanies: readonly number[]
  /** Person indices employed by each company. */
  readonly employeesOf: readonly (readonly number[])[]
  /** Ownership row indices per company. */
  readonly ownershipOf: readonly (readonly number[])[]
  /** Person-held accounts by type, for the generators that need one kind. */
  readonly investmentAccounts: readonly number[]
  readonly personalAccounts: readonly number[]
  readonly businessAccounts: readonly number[]
  readonly personsByCountry: ReadonlyMap<string, readonly number[]>
  /** Corporate announcements in time order, and each company's (by index) in time order: the share price follows them. */
  readonly announcements: readonly Announcement[]
  readonly announcementsOf: readonly (readonly Announcement[])[]
}

export function buildWorld(
  clock: SimClock,
  seedKey: number,
  /** The codecs that made the background ids (in benchmark mode keyed by the run's secret too). */
  ids: { readonly [T in 'persons' | 'companies' | 'accounts']: IdCodec },
  persons: Person[],
  companies: Company[],
  ownership: Ownership[],
  accounts: Account[],
  announcements: readonly Announcement[],
  /** The same indexes as the population build made them (what this would otherwise compute again). */
  prebuilt?: {
    readonly employeesOf: number[][]
    readonly personsByCountry: Map<string, number[]>
    readonly accountOwner: Int32Array
  },
): World {
  const personIndex = idLookup(ids.persons, persons.length)
  const companyIndex = idLookup(ids.companies, companies.length)
  const accountIndex = idLookup(ids.accounts, accounts.length)
  checkIds(persons, personIndex)
  checkIds(companies, companyIndex)
  checkIds(accounts, accountIndex)
  const accountOwner = new Int32Array(accounts.length)
  const accountIsCompany = new Uint8Array(accounts.length)
  const accountFrom = new Float64Array(accounts.length)
  const accountTo = new Float64Array(accounts.length)
  const investmentAccounts: number[] = []
  const personalAccounts: number[] = []
  const businessAccounts: number[] = []
  accounts.forEach((a, i) => {
    const isCompany = a.ownerType === 'company'
    const owner = prebuilt ? prebuilt.accountOwner[i] : ((isCompany ? companyIndex : personIndex).get(a.ownerId) ?? -1)
    accountOwner[i] = owner
    accountIsCompany[i] = isCompany ? 1 : 0
    accountFrom[i] = Math.max(a.openedAt * DAY, clock.start)
    accountTo[i] = a.closedAt === null ? clock.end - 1 : a.closedAt * DAY + DAY - 1
    if (isCompany) {
      if (a.accountType === 'business') businessAccounts.push(i)
    } else if (a.accountType === 'investment') investmentAccounts.push(i)
    else if (a.accountType === 'checking' || a.accountType === 'savings') personalAccounts.push(i)
  })
  const personOf = new Int32Array(accounts.length)
  const companyOf = new Int32Array(accounts.length)
  for (let i = 0; i < accounts.length; i++) {
    personOf[i] = accountIsCompany[i] ? -1 : accountOwner[i]
    companyOf[i] = accountIsCompany[i] ? accountOwner[i] : -1
  }
  const accountsOfPerson = groupRows(persons.length, personOf)
  const accountsOfCompany = groupRows(companies.length, companyOf)
  // Ids are permuted, so id order says nothing of which account a company runs its business through: its
  // business accounts come first (the longest-held first), and a company's savings or loan account never pays.
  for (const own of accountsOfCompany)
    if (own.length > 1) own.sort((x, y) => mainRank(accounts[x]) - mainRank(accounts[y]) || x - y)
  const { employeesOf, personsByCountry } = prebuilt ?? peopleIndexes(persons, companies, companyIndex)
  const ownershipOf = groupRows(
    companies.length,
    Int32Array.from(ownership, (o) => companyIndex.get(o.companyId) ?? 0),
  )
  const announcementsOf = groupItems(
    companies.length,
    Int32Array.from(announcements, (a) => companyIndex.get(a.companyId) ?? 0),
    announcements,
  )
  const listedCompanies: number[] = []
  companies.forEach((c, i) => c.isListed && listedCompanies.push(i))
  return {
    clock,
    seedKey,
    persons,
    companies,
    accounts,
    ownership,
    personIndex,
    companyIndex,
    accountIndex,
    accountsOfPerson,
    accountsOfCompany,
    accountOwner,
    accountIsCompany,
    accountFrom,
    accountTo,
    listedCompanies,
    employeesOf,
    ownershipOf,
    investmentAccounts,
    personalAccounts,
    businessAccounts,
    personsByCountry,
    announcements,
    announcementsOf,
  }
}

/** The lookups rest on row i having the background id i: check a few rows, so a change elsewhere fails loudly. */
function checkIds(rows: readonly { id: string }[], lookup: IdLookup): void {
  for (const i of [0, rows.length >> 1, rows.length - 1])
    if (i >= 0 && i < rows.length && lookup.get(rows[i].id) !== i)
      throw new Error(`world: row ${i} has id ${rows[i].id}, not the background id the index expects`)
}

/** Employees per company and residents per country, by person row. */
function peopleIndexes(persons: readonly Person[], companies: readonly Company[], companyIndex: IdLookup) {
  const employeesOf: number[][] = companies.map(() => [])
  const personsByCountry = new Map<string, number[]>()
  persons.forEach((p, i) => {
    if (p.employerId !== null) employeesOf[companyIndex.get(p.employerId) ?? 0]?.push(i)
    const list = personsByCountry.get(p.residenceCountry)
    if (list) list.push(i)
    else personsByCountry.set(p.residenceCountry, [i])
  })
  return { employeesOf, personsByCountry }
}

/**
 * Row lists grouped by a key row (-1: in no group), in row order, each array allocated at its exact length: an
 * array grown by push keeps room for 17 entries, several times what most persons and companies hold (hundreds of
 * MB at 5M persons).
 */
export function groupRows(groups: number, keyOf: Int32Array): number[][] {
  const sizes = new Int32Array(groups)
  for (let i = 0; i < keyOf.length; i++) if (keyOf[i] >= 0 && keyOf[i] < groups) sizes[keyOf[i]]++
  const lists = new Array<number[]>(groups)
  for (let g = 0; g < groups; g++) lists[g] = new Array<number>(sizes[g])
  sizes.fill(0)
  for (let i = 0; i < keyOf.length; i++) {
    const g = keyOf[i]
    if (g >= 0 && g < groups) lists[g][sizes[g]++] = i
  }
  return lists
}

/** No items: one array for every group without any (most companies are not listed and announce nothing). */
const NONE: readonly never[] = Object.freeze([])

/** `items` grouped by `keyOf` (as groupRows), each group's array at its exact length, every empty group the same one. */
function groupItems<T>(groups: number, keyOf: Int32Array, items: readonly T[]): (readonly T[])[] {
  const sizes = new Int32Array(groups)
  for (let i = 0; i < keyOf.length; i++) if (keyOf[i] >= 0 && keyOf[i] < groups) sizes[keyOf[i]]++
  const lists = new Array<T[]>(groups)
  for (let g = 0; g < groups; g++) lists[g] = sizes[g] === 0 ? (NONE as never[]) : new Array<T>(sizes[g])
  sizes.fill(0)
  for (let i = 0; i < keyOf.length; i++) {
    const g = keyOf[i]
    if (g >= 0 && g < groups) lists[g][sizes[g]++] = items[i]
  }
  return lists
}

/** Sorts a company's business accounts (oldest first) before its other products. */
function mainRank(a: Account): number {
  return a.accountType === 'business' ? a.openedAt : 1e9 + a.openedAt
}
