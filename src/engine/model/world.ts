import type { Account } from './tables/accounts.ts'
import type { Announcement } from './tables/announcements.ts'
import type { Company } from './tables/companies.ts'
import type { Ownership } from './tables/ownership.ts'
import type { Person } from './tables/persons.ts'
import { DAY, type SimClock } from './time.ts'

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
  readonly personIndex: ReadonlyMap<string, number>
  readonly companyIndex: ReadonlyMap<string, number>
  readonly accountIndex: ReadonlyMap<string, number>
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
  persons: Person[],
  companies: Company[],
  ownership: Ownership[],
  accounts: Account[],
  announcements: readonly Announcement[] = [],
): World {
  // Keyed by plain strings: lookups come with ids read from any row.
  const personIndex = new Map<string, number>(persons.map((p, i) => [p.id, i]))
  const companyIndex = new Map<string, number>(companies.map((c, i) => [c.id, i]))
  const accountIndex = new Map<string, number>(accounts.map((a, i) => [a.id, i]))
  const accountsOfPerson: number[][] = persons.map(() => [])
  const accountsOfCompany: number[][] = companies.map(() => [])
  const accountOwner = new Int32Array(accounts.length)
  const accountIsCompany = new Uint8Array(accounts.length)
  const accountFrom = new Float64Array(accounts.length)
  const accountTo = new Float64Array(accounts.length)
  const investmentAccounts: number[] = []
  const personalAccounts: number[] = []
  const businessAccounts: number[] = []
  accounts.forEach((a, i) => {
    const isCompany = a.ownerType === 'company'
    const owner = (isCompany ? companyIndex : personIndex).get(a.ownerId) ?? -1
    accountOwner[i] = owner
    accountIsCompany[i] = isCompany ? 1 : 0
    ;(isCompany ? accountsOfCompany : accountsOfPerson)[owner].push(i)
    accountFrom[i] = Math.max(a.openedAt * DAY, clock.start)
    accountTo[i] = a.closedAt === null ? clock.end - 1 : a.closedAt * DAY + DAY - 1
    if (isCompany) businessAccounts.push(i)
    else if (a.accountType === 'investment') investmentAccounts.push(i)
    else if (a.accountType === 'checking' || a.accountType === 'savings') personalAccounts.push(i)
  })
  const employeesOf: number[][] = companies.map(() => [])
  const personsByCountry = new Map<string, number[]>()
  persons.forEach((p, i) => {
    if (p.employerId !== null) employeesOf[companyIndex.get(p.employerId) ?? 0]?.push(i)
    const list = personsByCountry.get(p.residenceCountry)
    if (list) list.push(i)
    else personsByCountry.set(p.residenceCountry, [i])
  })
  const ownershipOf: number[][] = companies.map(() => [])
  ownership.forEach((o, i) => ownershipOf[companyIndex.get(o.companyId) ?? 0]?.push(i))
  const announcementsOf: Announcement[][] = companies.map(() => [])
  for (const a of announcements) announcementsOf[companyIndex.get(a.companyId) ?? 0]?.push(a)
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
