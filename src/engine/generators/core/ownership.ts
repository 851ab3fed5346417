import type { Company } from '../../model/tables/companies.ts'
import type { Ownership } from '../../model/tables/ownership.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Rng } from '../../random/rng.ts'

const OFFICER_TITLES = [
  'Chief Executive Officer',
  'Chief Financial Officer',
  'Chief Operating Officer',
  'General Counsel',
  'Chief Technology Officer',
  'Head of Investor Relations',
]

export interface OwnershipInput {
  readonly company: Company
  readonly companyIndex: number
  readonly persons: readonly Person[]
  readonly companies: readonly Company[]
  /** Person indices employed by this company. */
  readonly employees: readonly number[]
  /** Person indices resident in the company's country. */
  readonly locals: readonly number[]
  /** Last day a holding may start (before the window). */
  readonly latestDay: number
}

type Draft = Omit<Ownership, 'id'>

/**
 * Holdings and roles of one company. Listed companies get officers and directors (the insiders that
 * insider trading draws on) and a spread shareholder base; private ones a few owners summing to 100 %.
 */
export function generateCompanyOwnership(rng: Rng, input: OwnershipInput): Draft[] {
  const { company, persons } = input
  const rows: Draft[] = []
  if (persons.length === 0) return rows
  const pickPerson = (preferEmployees: boolean): number => {
    if (preferEmployees && input.employees.length > 0 && rng.chance(0.8)) return rng.pick(input.employees)
    if (input.locals.length > 0 && rng.chance(0.85)) return rng.pick(input.locals)
    return rng.below(persons.length)
  }
  const add = (
    ownerIndex: number,
    ownerType: 'person' | 'company',
    role: Draft['role'],
    sharePct: number,
    title: string | null,
  ) => {
    const owner = ownerType === 'person' ? persons[ownerIndex] : input.companies[ownerIndex]
    const birth =
      ownerType === 'person' ? (owner as Person).dateOfBirth + 18 * 365 + 5 : (owner as Company).incorporatedOn
    const earliest = Math.max(company.incorporatedOn, birth)
    rows.push({
      ownerId: owner.id,
      ownerType,
      companyId: company.id,
      sharePct: Math.round(sharePct * 100) / 100,
      role,
      title,
      since: rng.int(earliest, Math.max(earliest, input.latestDay)),
      patternId: null,
      patternRole: null,
      isSuspicious: false,
    })
  }
  const used = new Set<number>()
  const distinct = (preferEmployees: boolean): number => {
    for (let tries = 0; tries < 8; tries++) {
      const i = pickPerson(preferEmployees)
      if (!used.has(i)) {
        used.add(i)
        return i
      }
    }
    return pickPerson(preferEmployees)
  }

  if (company.isListed) {
    const officers = rng.int(2, 4)
    for (let k = 0; k < officers; k++)
      add(distinct(true), 'person', 'officer', rng.chance(0.5) ? rng.next() * 2 : 0, OFFICER_TITLES[k])
    const directors = rng.int(2, 4)
    for (let k = 0; k < directors; k++)
      add(
        distinct(false),
        'person',
        'director',
        rng.chance(0.4) ? rng.next() : 0,
        k === 0 ? 'Chair of the Board' : 'Non-executive Director',
      )
    const founders = rng.int(0, 2)
    for (let k = 0; k < founders; k++) add(distinct(false), 'person', 'shareholder', 1 + rng.next() * 9, null)
    if (input.companies.length > 1 && rng.chance(0.5)) {
      const other = rng.below(input.companies.length)
      if (other !== input.companyIndex) add(other, 'company', 'shareholder', 5 + rng.next() * 10, null)
    }
    return rows
  }

  const owners = company.isShell ? 1 : rng.int(1, 3)
  let remaining = 100
  if (!company.isShell && input.companies.length > 1 && rng.chance(0.12)) {
    const parent = rng.below(input.companies.length)
    if (parent !== input.companyIndex) {
      const share = rng.chance(0.5) ? 100 : 51 + rng.next() * 40
      add(parent, 'company', 'shareholder', share, null)
      remaining -= share
    }
  }
  for (let k = 0; k < owners && remaining > 0.5; k++) {
    const share = k === owners - 1 ? remaining : Math.round(remaining * (0.3 + rng.next() * 0.5))
    add(distinct(false), 'person', 'shareholder', share, null)
    remaining -= share
  }
  add(
    rows.length > 0 && rows[rows.length - 1].ownerType === 'person' && rng.chance(0.6) ? [...used][0] : distinct(false),
    'person',
    'director',
    0,
    'Managing Director',
  )
  return rows
}
