import type { ParamValues } from '../config/params.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { countries, countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import type { Rng } from '../random/rng.ts'
import { shuffle, weighted } from '../random/sampling.ts'
import { pickBusiness } from './lookalikes/common.ts'
import { adultFromDay, bankingWeekTime, humanTime, isAdultOn, newAdult } from './human-time.ts'
import { noteOf } from './cash-notes.ts'
import { moneyRangeText, moneyText } from './money-text.ts'
import {
  chooseWindow,
  dayOf,
  member,
  openAccount,
  openOffshoreShell,
  pickPersonsWithAccounts,
  type Member,
  unwittingMember,
} from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, structuringSpec } from './specs/structuring.ts'

/** How often each variant is seen in case files (the reference's mix). */
const SUBTYPE_MIX = weighted<Subtype>(SUBTYPES, [35, 30, 15, 10, 10])
/** Where structured money is typically sent on: offshore and conduit jurisdictions. */
const ONWARD_HAVENS = ['KY', 'VG', 'PA', 'CY', 'MT', 'AE', 'HK', 'CH', 'LU', 'BS']

/** Reporting threshold in minor units of a currency; null where none is modelled. */
export function thresholdMinor(currency: string): number | null {
  const c = currencyByCode[currency]
  return c.reportingThreshold === null ? null : c.reportingThreshold * 10 ** c.minorDigits
}

/** An amount in whole notes in [threshold × (1 − margin), threshold), leaning towards the threshold as structurers do. */
function structuredAmount(rng: Rng, currency: string, marginPct: number): number {
  const t = thresholdMinor(currency) ?? 0
  const lower = Math.ceil(t * (1 - marginPct / 100))
  const note = noteOf(currency)
  const kLo = Math.ceil(lower / note)
  const kHi = Math.floor((t - 1) / note)
  if (kHi < kLo) return lower + rng.below(t - lower)
  return note * (kHi - Math.floor(Math.pow(rng.next(), 1.6) * (kHi - kLo + 1)))
}

/** n slots over k owners, each owner at least once, in random order. */
function spread(rng: Rng, n: number, k: number): number[] {
  return shuffle(
    rng,
    Array.from({ length: n }, (_, i) => (i < k ? i : rng.below(k))),
  )
}

type Rows = Pick<PatternRows, 'persons' | 'companies' | 'accounts' | 'transactions'>
type Params = ParamValues<(typeof structuringSpec)['params']>

/** Collector: a resident of a threshold country with a usable current or savings account; a new customer when there is none. */
function chooseCollector(
  ctx: InjectContext,
  start: number,
  rows: Rows,
  currency: string,
): { person: Person; account: Account; index: number } {
  const { world, rng } = ctx
  const day = dayOf(start)
  const fits = (code: string) => (currency === 'any' ? thresholdMinor(code) !== null : code === currency)
  const found = pickPersonsWithAccounts(
    rng,
    world,
    1,
    start,
    ctx.clock.end - 1,
    (p) => fits(p.currency) && isAdultOn(p, day - 30),
  )
  const hit = found.find((f) => fits(world.accounts[f.account].currency))
  if (hit) return { person: world.persons[hit.person], account: world.accounts[hit.account], index: hit.person }
  const country = rng.pick(countries.filter((c) => fits(c.currency)))
  const person = newAdult(ctx, 'collector', day, country)
  const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 400, day - 30)
  rows.persons.push(person)
  rows.accounts.push(account)
  return { person, account, index: -1 }
}

/**
 * A front business as collector: a cash-trading company's account, banked by one of its staff, so the structured
 * cash lands where cash takings land anyway (beside the cash-heavy look-alikes). Null when no fitting business is found.
 */
function chooseFrontBusiness(
  ctx: InjectContext,
  start: number,
  currency: string,
  members: Member[],
): { person: Person; account: Account; index: number } | null {
  const { world, rng } = ctx
  const day = dayOf(start)
  const fits = (code: string) => (currency === 'any' ? thresholdMinor(code) !== null : code === currency)
  const found = pickBusiness(
    ctx,
    start,
    ctx.clock.end - 1,
    (_c, a, i) => fits(a.currency) && world.employeesOf[i].length > 0,
  )
  if (!found) return null
  const staff = world.employeesOf[found.index].filter((i) => isAdultOn(world.persons[i], day - 30))
  if (staff.length === 0) return null
  const index = rng.pick(staff)
  members.push(member('company', found.company.id, 'front_business'))
  return { person: world.persons[index], account: found.account, index }
}

/** Smurfs live in the collector's country (they bank cash at local branches); recruits are added when locals run short. */
function chooseSmurfs(
  ctx: InjectContext,
  n: number,
  country: string,
  collector: Person,
  day: number,
  rows: Rows,
): Person[] {
  const { world, rng } = ctx
  const locals = world.personsByCountry.get(country) ?? []
  const out: Person[] = []
  const seen = new Set<number>()
  for (let tries = 0; out.length < n && tries < n * 20 + 50 && seen.size < locals.length; tries++) {
    const i = locals[rng.below(locals.length)]
    if (seen.has(i)) continue
    seen.add(i)
    const person = world.persons[i]
    if (person.id !== collector.id && isAdultOn(person, day)) out.push(person)
  }
  for (let k = 0; out.length < n; k++) {
    const person = newAdult(ctx, `smurf:${k}`, day, countryByCode[country], 45)
    rows.persons.push(person)
    out.push(person)
  }
  return out
}

/** Further accounts of the collector for account hopping: his other local accounts first, then newly opened ones. */
function hoppingAccounts(
  ctx: InjectContext,
  owner: Person,
  ownerIndex: number,
  main: Account,
  n: number,
  start: number,
  rows: Rows,
): Account[] {
  const { world, rng } = ctx
  const out = [main]
  for (const a of ownerIndex >= 0 ? world.accountsOfPerson[ownerIndex] : []) {
    const acc = world.accounts[a]
    if (
      out.length < n &&
      acc.id !== main.id &&
      acc.currency === main.currency &&
      (acc.accountType === 'checking' || acc.accountType === 'savings') &&
      world.accountFrom[a] <= start &&
      ctx.clock.end - 1 <= world.accountTo[a]
    )
      out.push(acc)
  }
  const day = dayOf(start)
  const earliest = Math.max(adultFromDay(owner), day - 120)
  for (let k = 0; out.length < n; k++) {
    // openAccount names its stream by (openedFrom, owner): a distinct openedFrom per account keeps the accounts distinct.
    const acc = openAccount(
      ctx,
      { type: 'person', row: owner },
      rng.chance(0.5) ? 'savings' : 'checking',
      Math.min(earliest + k, day - 3),
      day - 3,
    )
    rows.accounts.push(acc)
    out.push(acc)
  }
  return out
}

/** Where the collected cash goes next: an existing business account (when blended), or a young offshore shell (then by wire). */
function chooseDestination(
  ctx: InjectContext,
  t: number,
  until: number,
  collector: Account,
  rows: Rows,
  members: Member[],
): Account {
  const { world, rng } = ctx
  // Unblended, the cash always goes offshore: the textbook destination, and an existing business would be a
  // bystander's account among the labelled ones.
  if (ctx.knobs.accountBlending > 0 && rng.chance(0.5)) {
    for (let tries = 0; tries < 12 && world.businessAccounts.length > 0; tries++) {
      const a = world.businessAccounts[rng.below(world.businessAccounts.length)]
      if (world.accountFrom[a] > t || until > world.accountTo[a] || world.accounts[a].id === collector.id) continue
      members.push(
        unwittingMember('account', world.accounts[a].id, 'beneficiary'),
        unwittingMember('company', world.companies[world.accountOwner[a]].id, 'beneficiary'),
      )
      return world.accounts[a]
    }
  }
  return openOffshoreShell(ctx, rows, members, 'beneficiary', ONWARD_HAVENS, dayOf(t), {
    incorporated: 90,
    openedFrom: 200,
    openedTo: 30,
  })
}

interface Cast {
  readonly collector: { person: Person; account: Account; index: number }
  /** The collecting accounts; the first is where the money ends up (account hopping uses several). */
  readonly collectors: Account[]
  readonly smurfs: Person[]
}

/** Who takes part: the collector and their account(s), and the smurfs (the collector alone in the classic subtype). */
function chooseCast(
  ctx: InjectContext,
  subtype: Subtype,
  params: Params,
  start: number,
  rows: Rows,
  members: Member[],
): Cast {
  const { rng } = ctx
  // Account hopping needs the collector's own further accounts, so it keeps a personal one.
  const share = subtype === 'account_hopping' ? 0 : ctx.knobs.accountBlending
  const front = share > 0 && rng.chance(share) ? chooseFrontBusiness(ctx, start, params.currency, members) : null
  const collector = front ?? chooseCollector(ctx, start, rows, params.currency)
  const country = collector.account.country
  const hopping = subtype === 'account_hopping' ? Math.min(params.deposits, rng.int(2, 4)) : 1
  const collectors =
    hopping > 1
      ? hoppingAccounts(ctx, collector.person, collector.index, collector.account, hopping, start, rows)
      : [collector.account]
  const smurfs =
    subtype === 'classic'
      ? [collector.person]
      : chooseSmurfs(ctx, Math.min(params.smurfs, params.deposits), country, collector.person, dayOf(start), rows)
  members.push(member('person', collector.person.id, 'collector'))
  for (const a of collectors) members.push(member('account', a.id, 'collector'))
  for (const s of smurfs) members.push(member('person', s.id, 'smurf'))
  return { collector, collectors, smurfs }
}

/** Deposit instants in order: temporal smurfing keeps a steady rhythm (one deposit per slot); the others bunch at random. */
function depositTimes(
  ctx: InjectContext,
  subtype: Subtype,
  n: number,
  start: number,
  end: number,
  country: string,
): number[] {
  const times: number[] = []
  const step = (end - start) / n
  for (let i = 0; i < n; i++) {
    times.push(
      subtype === 'temporal'
        ? bankingWeekTime(
            ctx,
            start + Math.floor((i + 0.2) * step),
            start + Math.max(1, Math.floor((i + 0.8) * step)),
            country,
            'cash_deposit',
          )
        : bankingWeekTime(ctx, start, end, country, 'cash_deposit'),
    )
  }
  return times.sort((a, b) => a - b)
}

/** The cash deposits, each under the threshold, spread over smurfs, collecting accounts and cities. */
function deposit(ctx: InjectContext, cast: Cast, subtype: Subtype, params: Params, times: number[], rows: Rows) {
  const { rng, patternId } = ctx
  const { smurfs, collectors } = cast
  const country = cast.collector.account.country
  const n = times.length
  const by = spread(rng, n, smurfs.length)
  const into = spread(rng, n, collectors.length)
  const cities = shuffle(rng, [...countryByCode[country].cities])
  const sums = collectors.map(() => 0)
  let low = Infinity
  let high = 0
  for (let i = 0; i < n; i++) {
    const smurf = smurfs[by[i]]
    const to = collectors[into[i]]
    const amount = structuredAmount(rng, to.currency, params.marginPct)
    const local = smurf.residenceCountry === country && rng.chance(0.75)
    const city =
      subtype === 'geographic' ? cities[i % cities.length] : local ? smurf.city : rng.pick(cities.slice(0, 4))
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: times[i],
        kind: 'cash_deposit',
        from: null,
        to,
        amount,
        city,
        conductorId: smurf.id,
        patternId,
        patternRole: 'structured_deposit',
      }),
    )
    sums[into[i]] += amount
    low = Math.min(low, amount)
    high = Math.max(high, amount)
  }
  return { sums, low, high }
}

/** Account hopping: the side accounts are swept into the main one before the money leaves; returns when the last lands. */
function sweep(
  ctx: InjectContext,
  collectors: Account[],
  sums: number[],
  last: number,
  tail: number,
  rows: Rows,
): number {
  const { rng, patternId } = ctx
  let ready = last
  const sweeps: Transaction[] = []
  for (let k = 1; k < collectors.length; k++) {
    const t = humanTime(
      rng,
      last + Math.min(30 * MINUTE, Math.floor(tail * 0.05)) + 1,
      last + Math.max(2, Math.min(DAY, Math.floor(tail * 0.4))),
      collectors[k].country,
    )
    sweeps.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: t,
        kind: 'transfer',
        from: collectors[k],
        to: collectors[0],
        amount: sums[k],
        patternId,
        patternRole: 'consolidation',
      }),
    )
    ready = Math.max(ready, t)
  }
  sweeps.sort((a, b) => a.timestamp - b.timestamp)
  rows.transactions.push(...sweeps)
  return ready
}

/**
 * When the money moves on: at once up to medium blending; past it in 2–4 payments a few days apart, as a front
 * pays out its takings, so that no single payment out is the whole take (it was a collector's tell on its own).
 */
function onwardTimes(ctx: InjectContext, at: number, country: string): number[] {
  const { rng, knobs, clock } = ctx
  const times = [at]
  if (knobs.amountBlending <= 0.5) return times
  for (let k = 1, n = rng.int(2, 4); k < n; k++) {
    const from = times[k - 1] + DAY
    const to = Math.min(clock.end - 1, times[k - 1] + 7 * DAY)
    if (from >= to) break
    times.push(bankingWeekTime(ctx, from, to, country, 'transfer'))
  }
  return times
}

/** The money moves on, roughly the total and rounded as people round, by transfer at home or wire abroad. */
function moveOn(ctx: InjectContext, from: Account, total: number, times: number[], rows: Rows, members: Member[]) {
  const { rng, patternId } = ctx
  const destination = chooseDestination(ctx, times[0], times[times.length - 1], from, rows, members)
  const major = 10 ** currencyByCode[from.currency].minorDigits
  const roughly = Math.floor(total * (0.9 + 0.1 * rng.next()))
  // Unequal parts; one payment takes it all (and draws nothing, so easy and medium keep their bytes).
  const weights = times.length === 1 ? [1] : times.map(() => 0.6 + 0.8 * rng.next())
  const sumW = weights.reduce((a, w) => a + w, 0)
  const kind = destination.country === from.country ? 'transfer' : 'wire'
  let onward = 0
  for (let k = 0; k < times.length; k++) {
    const part = times.length === 1 ? roughly : Math.floor((roughly * weights[k]) / sumW)
    const amount = part >= 1000 * major ? Math.floor(part / (100 * major)) * 100 * major : part
    onward += amount
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: times[k],
        kind,
        from,
        to: destination,
        amount,
        patternId,
        patternRole: 'onward_transfer',
      }),
    )
  }
  return { destination, onward, kind, payments: times.length }
}

function narrate(
  subtype: Subtype,
  cast: Cast,
  times: number[],
  d: { low: number; high: number; total: number },
  out: { destination: Account; onward: number; kind: string; payments: number },
  rows: Rows,
): string {
  const { collector, collectors, smurfs } = cast
  const cur = collectors[0].currency
  const n = times.length
  const spanDays = Math.max(1, Math.ceil((times[n - 1] - times[0]) / DAY))
  const range = moneyRangeText(d.low, d.high, cur)
  const placesUsed = new Set(rows.transactions.map((t) => t.city).filter((c) => c !== null)).size
  const who =
    subtype === 'classic'
      ? `${collector.person.id} deposited`
      : `${smurfs.length} smurf${smurfs.length === 1 ? '' : 's'} deposited`
  const where =
    collectors.length > 1
      ? `${collectors.length} accounts of ${collector.person.id} (${collectors.map((a) => a.id).join(', ')}), swept into ${collectors[0].id},`
      : subtype === 'classic'
        ? `own account ${collectors[0].id}`
        : `${collectors[0].id} of ${collector.person.id}`
  return (
    `${who} ${n} cash amounts of ${range} into ${where} over ${spanDays} day${spanDays === 1 ? '' : 's'} in ${placesUsed} cit${placesUsed === 1 ? 'y' : 'ies'} ` +
    `(total ${moneyText(d.total, cur)}), then ${out.kind === 'wire' ? 'wired' : 'transferred'} ${moneyText(out.onward, cur)} to ${out.destination.id} (${out.destination.country})` +
    (out.payments > 1 ? ` in ${out.payments} payments` : '')
  )
}

export const structuring = definePattern({
  ...structuringSpec,
  inject(ctx, params) {
    const { rng, world, clock } = ctx
    const subtype: Subtype = params.subtype === 'any' ? SUBTYPE_MIX.sample(rng) : params.subtype
    const days = Math.min(params.windowDays, clock.days)
    // Three spare days after the deposits for moving the money on.
    const w = chooseWindow(rng, world, days + 3)
    const depositEnd = w.start + Math.min(days * DAY, Math.floor((w.end - w.start) * 0.85))
    const rows: Rows = { persons: [], companies: [], accounts: [], transactions: [] }
    const members: Member[] = []

    const cast = chooseCast(ctx, subtype, params, w.start, rows, members)
    const times = depositTimes(ctx, subtype, params.deposits, w.start, depositEnd, cast.collectors[0].country)
    const { sums, low, high } = deposit(ctx, cast, subtype, params, times, rows)
    const total = sums.reduce((a, b) => a + b, 0)
    const last = times[times.length - 1]
    const limit = Math.min(clock.end, Math.max(w.end, last + 2))
    const ready = sweep(ctx, cast.collectors, sums, last, limit - last, rows)
    const onwardAt = humanTime(
      rng,
      Math.min(ready + HOUR, ready + Math.floor((limit - ready) / 2)) + 1,
      Math.min(limit, last + 3 * DAY),
      cast.collectors[0].country,
    )
    const out = moveOn(
      ctx,
      cast.collectors[0],
      total,
      onwardTimes(ctx, onwardAt, cast.collectors[0].country),
      rows,
      members,
    )
    const narrative = narrate(subtype, cast, times, { low, high, total }, out, rows)
    return { subtype, members, rows, currency: cast.collectors[0].currency, totalMinor: total, narrative }
  },
})
