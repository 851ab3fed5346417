import { ABROAD_SHARE, buildAccessEvent, deviceId, ipAddress, networkSlot } from '../generators/events/access-row.ts'
import { popularMerchant } from '../generators/events/merchants.ts'
import { buildTrade, exchangeByCode, isOpen } from '../generators/events/trade-row.ts'
import { buildTransaction, type TransactionSpec } from '../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Company } from '../model/tables/companies.ts'
import { civilFromDays, DAY, daysFromCivil, HOUR, weekday } from '../model/time.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'
import { countries } from '../reference/countries.ts'
import { exchanges } from '../reference/exchanges.ts'
import { merchantCategories } from '../reference/merchant-categories.ts'
import { lognormal } from '../random/distributions.ts'
import type { Rng } from '../random/rng.ts'
import { weighted, weightedBy } from '../random/sampling.ts'
import { BANKING_WEEK, EVEN_WEEK, humanTime, lifeWeek } from './human-time.ts'
import { usableAccountOf } from './select.ts'
import type { InjectContext, PatternOutput, PatternRows } from './types.ts'

/**
 * Camouflage: the persons, companies and accounts a pattern creates live an ordinary life in the window at the
 * background's rates (card spending, bills, salary, cash, transfers, logins, trades), so "only labelled activity"
 * stops being a tell. Drawn from the instance's own stream; rows carry the instance's id, role `camouflage` and
 * is_suspicious false. Existing customers keep their background life and get none.
 */

/** Background events per account-day (or per investment-account-day for trades), from the config's counts. */
export interface BackgroundRates {
  readonly transactions: number
  readonly accessEvents: number
  readonly trades: number
}

export const CAMOUFLAGE_ROLE = 'camouflage'

const MCC = weightedBy(merchantCategories)
type Kind = 'card_purchase' | 'bill_payment' | 'cash_withdrawal' | 'cash_deposit' | 'transfer' | 'salary'
/** Roughly the background's mix of what ordinary accounts do; salary last. */
const LIFE_KINDS: readonly Kind[] = [
  'card_purchase',
  'bill_payment',
  'cash_withdrawal',
  'cash_deposit',
  'transfer',
  'salary',
]
const LIFE_WEIGHTS = [50, 12, 12, 6, 12, 8]
const PERSON_KINDS = weighted(LIFE_KINDS, LIFE_WEIGHTS)
/** The same without salaries, for a current account its holder's payroll already pays every month. */
const PAID_KINDS = weighted(LIFE_KINDS.slice(0, -1), LIFE_WEIGHTS.slice(0, -1))
const COMPANY_KINDS = weighted<Kind>(['card_purchase', 'bill_payment', 'cash_deposit', 'transfer'], [30, 30, 20, 20])

interface Life {
  readonly ctx: InjectContext
  readonly rng: Rng
  readonly rows: Pick<PatternRows, 'transactions' | 'access_events' | 'trades'>
  readonly owners: ReadonlyMap<string, Person | Company>
}

/** A background business account open at t (a biller, an employer's payroll, a counterparty); null after a few tries. */
function businessAt(ctx: InjectContext, rng: Rng, t: number, currency?: string): Account | null {
  const { world } = ctx
  for (let tries = 0; tries < 12 && world.businessAccounts.length > 0; tries++) {
    const a = world.businessAccounts[rng.below(world.businessAccounts.length)]
    if (world.accountFrom[a] <= t && t <= world.accountTo[a] && (!currency || world.accounts[a].currency === currency))
      return world.accounts[a]
  }
  return null
}

function salaryFrom(ctx: InjectContext, person: Person, t: number): Account | null {
  const { world } = ctx
  const ci = person.employerId === null ? undefined : world.companyIndex.get(person.employerId)
  const a = ci === undefined ? undefined : world.accountsOfCompany[ci]?.[0]
  return a !== undefined && world.accountFrom[a] <= t && t <= world.accountTo[a] ? world.accounts[a] : null
}

function spec(life: Life, account: Account, owner: Person | Company, kind: Kind, t: number): TransactionSpec | null {
  const { ctx, rng } = life
  const person = 'firstName' in owner ? owner : null
  const city = owner.city
  switch (kind) {
    case 'card_purchase': {
      const mcc = MCC.sample(rng)
      const amount = Math.max(1, usdToMinor(lognormal(rng, mcc.medianUsd, mcc.sigma), account.currency))
      return { timestamp: t, kind, from: account, to: null, amount, merchant: popularMerchant(rng, mcc), city }
    }
    case 'bill_payment': {
      const to = businessAt(ctx, rng, t)
      if (!to) return null
      return { timestamp: t, kind, from: account, to, amount: usdToMinor(lognormal(rng, 90, 0.7), account.currency) }
    }
    case 'cash_withdrawal':
    case 'cash_deposit': {
      const usd = kind === 'cash_withdrawal' ? lognormal(rng, 140, 0.75) : lognormal(rng, person ? 450 : 2400, 1)
      const note = usdToMinor(20, account.currency)
      const amount = Math.max(note, Math.round(usdToMinor(usd, account.currency) / note) * note)
      const side = kind === 'cash_withdrawal' ? { from: account, to: null } : { from: null, to: account }
      return { timestamp: t, kind, ...side, amount, city, conductorId: person?.id ?? null }
    }
    case 'transfer': {
      const other = businessAt(ctx, rng, t)
      if (!other) return null
      const amount = usdToMinor(Math.max(20, Math.round(lognormal(rng, 400, 1) / 10) * 10), account.currency)
      return rng.chance(0.5)
        ? { timestamp: t, kind, from: account, to: other, amount }
        : {
            timestamp: t,
            kind,
            from: other,
            to: account,
            amount: convertMinor(amount, account.currency, other.currency).minor,
          }
    }
    case 'salary': {
      const from = person ? salaryFrom(ctx, person, t) : null
      if (!person || !from) return null
      const net = Math.round((person.annualIncome / 12) * 0.72)
      return {
        timestamp: t,
        kind,
        from,
        to: account,
        amount: Math.max(1, convertMinor(net, person.currency, from.currency).minor),
      }
    }
  }
}

/** Whole events at a daily rate over `days`: the integer part, plus one more with the fractional chance. */
function howMany(rng: Rng, rate: number, days: number): number {
  const x = rate * days
  return Math.floor(x) + (rng.chance(x - Math.floor(x)) ? 1 : 0)
}

/**
 * How many ordinary events an account gets: the background's rate over its days, spread from account to account
 * as activity is (a mean-one lognormal factor), less the events the pattern already gave it, so that a
 * camouflaged account is about as busy as an ordinary one rather than busier.
 */
function lifeEvents(rng: Rng, rate: number, days: number, own: number): number {
  const busy = Math.exp(0.8 * normal(rng) - 0.32)
  return Math.max(0, howMany(rng, rate * busy, days) - own)
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())
}

function accountLife(life: Life, account: Account, rates: BackgroundRates, own: OwnEvents): void {
  const { ctx, rng, rows } = life
  const owner = life.owners.get(account.ownerId) ?? ownerFromWorld(ctx, account)
  if (!owner) return
  const from = Math.max(ctx.clock.start, account.openedAt * DAY)
  const to = ctx.clock.end - 1
  if (to <= from) return
  const days = (to - from) / DAY
  const country = account.country
  if (account.accountType === 'investment') {
    if (!('firstName' in owner)) return
    trades(life, account, owner, from, to, lifeEvents(rng, rates.trades, days, own.trades.get(account.id) ?? 0))
    investing(life, account, owner, from, to, days)
    logins(life, account, owner, from, to, lifeEvents(rng, rates.accessEvents, days, own.access.get(account.id) ?? 0))
    return
  }
  let n = lifeEvents(rng, rates.transactions, days, own.transactions.get(account.id) ?? 0)
  // An employed holder's current account is paid every month, as the background's are (its schedule), within the
  // same count of events.
  const paid = 'firstName' in owner && account.accountType === 'checking' ? payroll(life, account, owner, from, to) : 0
  n = Math.max(0, n - paid)
  const kinds = !('firstName' in owner) ? COMPANY_KINDS : paid > 0 ? PAID_KINDS : PERSON_KINDS
  for (let i = 0; i < n; i++) {
    const kind = kinds.sample(rng)
    const s = spec(life, account, owner, kind, humanTime(rng, from, to, country, lifeWeek(ctx.knobs, kind)))
    if (s)
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          ...s,
          patternId: ctx.patternId,
          patternRole: CAMOUFLAGE_ROLE,
        }),
      )
  }
  if (!('firstName' in owner)) return
  logins(life, account, owner, from, to, lifeEvents(rng, rates.accessEvents, days, own.access.get(account.id) ?? 0))
}

/**
 * A monthly salary from the holder's employer on a payday of its own (moved to the Friday before a weekend), booked
 * early in the morning local time as payroll runs are. Returns how many it paid (none without an employer account).
 */
function payroll(life: Life, account: Account, person: Person, from: number, to: number): number {
  const { ctx, rng, rows } = life
  const payday = rng.int(1, 28)
  const hour = rng.int(5, 8)
  const offset = utcOffsetSeconds(account.country)
  let paid = 0
  const first = civilFromDays(Math.floor(from / DAY))
  for (let k = 0; ; k++) {
    const month = first.month - 1 + k
    let day = daysFromCivil(first.year + Math.floor(month / 12), (month % 12) + 1, payday)
    const wd = weekday(day)
    if (wd >= 5) day -= wd - 4
    const t = day * DAY + hour * HOUR + rng.below(HOUR) - offset
    if (t > to) break
    if (t < from) continue
    const s = spec(life, account, person, 'salary', t)
    if (s === null) continue
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        ...s,
        patternId: ctx.patternId,
        patternRole: CAMOUFLAGE_ROLE,
      }),
    )
    paid++
  }
  return paid
}

/** The holder's logins to the account, from their own devices and networks, on an even week. */
function logins(life: Life, account: Account, owner: Person, from: number, to: number, n: number): void {
  const { ctx, rng, rows } = life
  for (let i = 0; i < n; i++) {
    // Sessions from home and now and then from abroad, drawn as the background draws them.
    const abroad = rng.chance(ABROAD_SHARE)
    const where = abroad ? rng.pick(countries).code : owner.residenceCountry
    rows.access_events.push(
      buildAccessEvent(rng, ctx.ids.next('access_events'), {
        timestamp: humanTime(rng, from, to, owner.residenceCountry, EVEN_WEEK),
        accountId: account.id,
        person: owner,
        kind: rng.chance(0.8) ? 'login_success' : 'logout',
        deviceId: deviceId(ctx.world.seedKey, owner.id, rng.chance(0.7) ? 0 : 1),
        ipAddress: ipAddress(ctx.world.seedKey, owner.id, networkSlot(rng, abroad), where),
        country: where,
        patternId: ctx.patternId,
        patternRole: CAMOUFLAGE_ROLE,
      }),
    )
  }
}

/**
 * Background investment accounts are funded from the holder's checking account about twice a year (monthly
 * investing in some months, the odd own transfer; median about USD 750): without it an insider's account is the
 * one investment account that trades on money that never arrived.
 */
const INVESTING_PER_DAY = 2.2 / 365

function investing(life: Life, account: Account, person: Person, from: number, to: number, days: number): void {
  const { ctx, rng, rows } = life
  const p = ctx.world.personIndex.get(person.id)
  if (p === undefined) return
  for (let i = 0, n = lifeEvents(rng, INVESTING_PER_DAY, days, 0); i < n; i++) {
    const t = humanTime(rng, from, to, account.country, BANKING_WEEK)
    const a = usableAccountOf(ctx.world, p, t, t, ['checking'])
    if (a < 0) continue
    const payer = ctx.world.accounts[a]
    const usd = Math.max(50, Math.round(lognormal(rng, 750, 1) / 50) * 50)
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: t,
        kind: 'transfer',
        from: payer,
        to: account,
        amount: usdToMinor(usd, payer.currency),
        patternId: ctx.patternId,
        patternRole: CAMOUFLAGE_ROLE,
      }),
    )
  }
}

function ownerFromWorld(ctx: InjectContext, account: Account): Person | Company | null {
  const { world } = ctx
  const p = world.personIndex.get(account.ownerId)
  if (p !== undefined) return world.persons[p]
  const c = world.companyIndex.get(account.ownerId)
  return c === undefined ? null : world.companies[c]
}

/** Ordinary trades in listed companies, in session, as background investors make them. */
function trades(life: Life, account: Account, person: Person, from: number, to: number, n: number): void {
  const { ctx, rng, rows } = life
  const listed = ctx.world.listedCompanies
  for (let i = 0; i < n && listed.length > 0; i++) {
    const company = ctx.world.companies[rng.pick(listed)]
    const ex = exchangeByCode.get(company.exchange ?? '') ?? exchanges[0]
    let t = humanTime(rng, from, to)
    for (let k = 0; k < 48 && !isOpen(ex, t); k++) t += HOUR
    if (!isOpen(ex, t) || t > to) continue
    rows.trades.push(
      buildTrade(rng, ctx.world, ctx.ids.next('trades'), {
        timestamp: t,
        person,
        account,
        company,
        side: rng.chance(0.55) ? 'buy' : 'sell',
        valueUsd: lognormal(rng, 4_000, 1.2),
        patternId: ctx.patternId,
        patternRole: CAMOUFLAGE_ROLE,
      }),
    )
  }
}

interface OwnEvents {
  readonly transactions: Map<string, number>
  readonly access: Map<string, number>
  readonly trades: Map<string, number>
}

/** Events the instance already has per account (either side of a transaction). */
function ownEvents(rows: Partial<PatternRows>): OwnEvents {
  const out: OwnEvents = { transactions: new Map(), access: new Map(), trades: new Map() }
  const bump = (m: Map<string, number>, id: string | null) => id !== null && m.set(id, (m.get(id) ?? 0) + 1)
  for (const t of rows.transactions ?? []) {
    bump(out.transactions, t.fromAccountId)
    bump(out.transactions, t.toAccountId)
  }
  for (const a of rows.access_events ?? []) bump(out.access, a.accountId)
  for (const t of rows.trades ?? []) bump(out.trades, t.accountId)
  return out
}

/**
 * Adds camouflage to an instance's output: each account it opened (and, through them, each person and company it
 * created) lives an ordinary life with chance `ctx.knobs.camouflageShare`. Returns the output with the rows added.
 */
export function withCamouflage(ctx: InjectContext, out: PatternOutput, rates: BackgroundRates): PatternOutput {
  const share = ctx.knobs.camouflageShare
  const accounts = out.rows.accounts ?? []
  if (share <= 0 || accounts.length === 0) return out
  const rng = ctx.rng.fork('camouflage')
  const owners = new Map<string, Person | Company>()
  for (const p of out.rows.persons ?? []) owners.set(p.id, p)
  for (const c of out.rows.companies ?? []) owners.set(c.id, c)
  const extra = { transactions: [], access_events: [], trades: [] }
  const life: Life = { ctx, rng, rows: extra, owners }
  const own = ownEvents(out.rows)
  for (const account of accounts) if (rng.chance(share)) accountLife(life, account, rates, own)
  const rows: Partial<PatternRows> = { ...out.rows }
  for (const table of ['transactions', 'access_events', 'trades'] as const) {
    if (extra[table].length === 0) continue
    const merged = [...(rows[table] ?? []), ...extra[table]] as { timestamp: number }[]
    merged.sort((a, b) => a.timestamp - b.timestamp)
    ;(rows as Record<string, unknown>)[table] = merged
  }
  return { ...out, rows }
}
