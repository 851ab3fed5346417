import type { Company } from '../model/tables/companies.ts'
import { countryByCode, type Country } from '../reference/countries.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY } from '../model/time.ts'
import {
  generateAccount,
  IN_WINDOW_OPENING_SHARE,
  OPENED_IN_WINDOW,
  OPENING_HISTORY_DAYS,
  type AccountType,
} from '../generators/core/accounts.ts'
import { generateCompany, type CompanyOverrides } from '../generators/core/companies.ts'
import { createCoreContext, type CoreContext } from '../generators/core/context.ts'
import { generatePerson, type PersonOverrides } from '../generators/core/persons.ts'
import { employerPicker } from '../generators/core/population.ts'
import type { World } from '../model/world.ts'
import type { Rng } from '../random/rng.ts'
import type { InjectContext, Member } from './types.ts'

/** Shared steps of pattern injectors: choosing members and windows, opening the accounts and companies a pattern needs. */

export type { Member }

export function member(entityType: Member['entityType'], entityId: Member['entityId'], role: string): Member {
  return { entityType, entityId, role }
}

/** A member the scheme used without its knowledge (see Member). */
export function unwittingMember(entityType: Member['entityType'], entityId: Member['entityId'], role: string): Member {
  return { entityType, entityId, role, unwitting: true }
}

const coreContexts = new WeakMap<World, CoreContext>()
function coreOf(world: World): CoreContext {
  let ctx = coreContexts.get(world)
  if (!ctx) {
    ctx = createCoreContext(world.clock, world.seedKey)
    coreContexts.set(world, ctx)
  }
  return ctx
}

/** A window of `days` days inside the simulation: [start, end) in seconds; the whole window when it is shorter. */
export function chooseWindow(rng: Rng, world: World, days: number): { start: number; end: number } {
  const { start, end } = world.clock
  const length = Math.min(end - start, Math.max(1, days) * DAY)
  const from = start + Math.floor(rng.next() * (end - start - length + 1))
  return { start: from, end: from + length }
}

/** Uniform instant in [start, end). */
export function instant(rng: Rng, start: number, end: number): number {
  return start + Math.floor(rng.next() * Math.max(1, end - start))
}

/** The person's main account (their checking account) if it is usable during [from, to]; else any usable one; else -1. */
export function usableAccountOf(
  world: World,
  person: number,
  from: number,
  to: number,
  types: readonly AccountType[] = ['checking', 'savings'],
): number {
  for (const a of world.accountsOfPerson[person] ?? []) {
    if (types.includes(world.accounts[a].accountType) && world.accountFrom[a] <= from && to <= world.accountTo[a])
      return a
  }
  return -1
}

/**
 * Up to `n` distinct persons, each with an account usable over [from, to] and passing `accept`.
 * Draws a bounded number of candidates, so it returns fewer when the population cannot supply them.
 */
export function pickPersonsWithAccounts(
  rng: Rng,
  world: World,
  n: number,
  from: number,
  to: number,
  accept: (p: Person, index: number) => boolean = () => true,
): { person: number; account: number }[] {
  const out: { person: number; account: number }[] = []
  const seen = new Set<number>()
  const total = world.persons.length
  for (let tries = 0; out.length < n && tries < n * 40 + 200 && seen.size < total; tries++) {
    const p = rng.below(total)
    if (seen.has(p)) continue
    seen.add(p)
    if (!accept(world.persons[p], p)) continue
    const a = usableAccountOf(world, p, from, to)
    if (a >= 0) out.push({ person: p, account: a })
  }
  return out
}

type Owner = { type: 'person'; row: Person } | { type: 'company'; row: Company }

/**
 * The day range an account a pattern opens is dated in. With chance `accountBlending` (a difficulty knob) it is the
 * range the background dates an account of the same standing in (a new holder's only account is their main one),
 * cut off at the last day the scheme allows and never before an existing customer became one: most such accounts
 * predate the window, so "opened just before the crime" stops giving the account away. Otherwise the scheme's own
 * range. Drawn from a stream of its own, so the account's other columns do not move with the knob.
 */
function openingRange(ctx: InjectContext, id: string, owner: Owner, from: number, to: number): [number, number] {
  const share = ctx.knobs.accountBlending
  if (share <= 0) return [from, to]
  const rng = ctx.rng.fork(`history:${id}`)
  if (!rng.chance(share)) return [from, to]
  const { startDay, days } = ctx.world.clock
  const known =
    owner.type === 'person' ? ctx.world.personIndex.has(owner.row.id) : ctx.world.companyIndex.has(owner.row.id)
  const since = owner.type === 'person' && known ? (owner.row.customerSince ?? -Infinity) : -Infinity
  const inWindow = rng.chance(known ? OPENED_IN_WINDOW.other : OPENED_IN_WINDOW.main)
  const ranges: [number, number][] = [
    [startDay - OPENING_HISTORY_DAYS, startDay - 1],
    [startDay, startDay + Math.floor(days * IN_WINDOW_OPENING_SHARE)],
  ]
  for (const [lo, hi] of inWindow ? [ranges[1], ranges[0]] : ranges) {
    const a = Math.max(lo, since)
    const b = Math.min(hi, to)
    if (a <= b) return [a, b]
  }
  return [from, to]
}

/** Opens a new account for a pattern (a mule or collection account): ordinary-looking, opened on a given day range, never closed. */
export function openAccount(
  ctx: InjectContext,
  owner: Owner,
  type: AccountType,
  openedFrom: number,
  openedTo: number,
): Account {
  const id = ctx.ids.next('accounts')
  // A background customer's new account opens no earlier than they became one, where the range allows it.
  const since = owner.type === 'person' && ctx.world.personIndex.has(owner.row.id) ? owner.row.customerSince : null
  if (since !== null && since > openedFrom) openedFrom = Math.min(since, Math.max(openedFrom, openedTo))
  const [from, to] = openingRange(ctx, id, owner, openedFrom, Math.max(openedFrom, openedTo))
  // Forked by the new row's own id: unique and stable, so two accounts of one owner never share numbers.
  const account = generateAccount(ctx.rng.fork(`account:${id}`), coreOf(ctx.world), id, owner, type, {
    openedFrom: from,
    openedTo: to,
    neverClosed: true,
  })
  // A person this instance creates becomes a customer with their first account; background persons keep theirs.
  const p = owner.type === 'person' ? owner.row : null
  if (p && !ctx.world.personIndex.has(p.id) && (p.customerSince === null || account.openedAt < p.customerSince))
    p.customerSince = account.openedAt
  return account
}

/**
 * Whether one choice of the pattern blends in: true with chance `accountBlending`. Draws nothing at 0 or 1, so the
 * easy and hard streams do not depend on how many such choices an instance makes.
 */
export function blends(ctx: InjectContext): boolean {
  const b = ctx.knobs.accountBlending
  return b >= 1 || (b > 0 && ctx.rng.chance(b))
}

/**
 * A country for a new holder: where a random background customer lives (among `codes` when given), so holders come
 * from countries in the proportions ordinary customers do rather than evenly from a list.
 */
export function ordinaryCountry(ctx: InjectContext, codes: readonly string[] = []): Country {
  const { world, rng } = ctx
  const pool = codes.length === 0 ? null : new Set(codes)
  for (let tries = 0; tries < 40 && world.persons.length > 0; tries++) {
    const code = world.persons[rng.below(world.persons.length)].residenceCountry
    if (!pool || pool.has(code)) return countryByCode[code]
  }
  return countryByCode[codes.length > 0 ? rng.pick(codes) : 'GB']
}

/** An existing business account open from `day` to the end of the window, added to the members under `role`; null if none is found. */
function existingBusiness(ctx: InjectContext, members: Member[], role: string, day: number): Account | null {
  const { world, rng } = ctx
  for (let tries = 0; tries < 20 && world.businessAccounts.length > 0; tries++) {
    const a = world.businessAccounts[rng.below(world.businessAccounts.length)]
    if (world.accountFrom[a] > day * DAY || world.accountTo[a] < world.clock.end - 1) continue
    const company = world.companies[world.accountOwner[a]]
    if (company.isShell) continue
    members.push(member('company', company.id, role), member('account', world.accounts[a].id, role))
    return world.accounts[a]
  }
  return null
}

/** A new company (a shell or front) with an id in this instance's stream. */
export function newCompany(ctx: InjectContext, label: string, o: CompanyOverrides): Company {
  return generateCompany(ctx.rng.fork(`company:${label}`), coreOf(ctx.world), ctx.ids.next('companies'), o, new Set())
}

/** A new person (a synthetic identity or an outside accomplice) with an id in this instance's stream. */
export function newPerson(ctx: InjectContext, label: string, o: PersonOverrides = {}): Person {
  // Blended, a working person has an employer as background ones do (and so a salary in their camouflage).
  const pickEmployer = o.pickEmployer ?? (blends(ctx) ? employerOf(ctx.world) : undefined)
  return generatePerson(ctx.rng.fork(`person:${label}`), coreOf(ctx.world), ctx.ids.next('persons'), {
    ...o,
    pickEmployer,
  })
}

const employerPickers = new WeakMap<World, ReturnType<typeof employerPicker>>()
function employerOf(world: World): ReturnType<typeof employerPicker> {
  let pick = employerPickers.get(world)
  if (!pick) employerPickers.set(world, (pick = employerPicker(world.companies)))
  return pick
}

/** Day number of an instant. */
export function dayOf(t: number): number {
  return Math.floor(t / DAY)
}

/**
 * A new offshore shell with a business account, added to the rows and the members under `role`: where mule
 * chains cash out and structured money is sent on. Incorporated and opened the given number of days before `day`.
 * When the choice blends in (accountBlending), an existing ordinary business takes the money instead: a haven
 * shell that appears for the scheme is a tell the background never shows.
 */
export function openOffshoreShell(
  ctx: InjectContext,
  rows: { companies: Company[]; accounts: Account[] },
  members: Member[],
  role: string,
  havens: readonly string[],
  day: number,
  daysBefore: { incorporated: number; openedFrom: number; openedTo: number },
): Account {
  const existing = blends(ctx) ? existingBusiness(ctx, members, role, day) : null
  if (existing) return existing
  const company = newCompany(ctx, role, {
    isShell: true,
    country: countryByCode[ctx.rng.pick(havens)],
    incorporatedBefore: day - daysBefore.incorporated,
  })
  const account = openAccount(
    ctx,
    { type: 'company', row: company },
    'business',
    day - daysBefore.openedFrom,
    day - daysBefore.openedTo,
  )
  rows.companies.push(company)
  rows.accounts.push(account)
  members.push(member('company', company.id, role), member('account', account.id, role))
  return account
}
