import type { ParamValues } from '../config/params.ts'
import { buildCommunication, type CommunicationChannel } from '../generators/events/communication-row.ts'
import { incomeUsd } from '../generators/events/context.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import { minorToMajor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { countries, countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'
import { humanTime, isAdultOn, newAdult, paymentWeek } from './human-time.ts'
import { moneyText } from './money-text.ts'
import {
  blends,
  dayOf,
  member,
  openAccount,
  ordinaryCountry,
  openOffshoreShell,
  pickPersonsWithAccounts,
  usableAccountOf,
  type Member,
  unwittingMember,
} from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, muleChainSpec } from './specs/mule-chain.ts'

/** Jurisdictions where cash-out services and exchanges that ask few questions sit. */
const CASH_OUT_HAVENS = ['MT', 'CY', 'AE', 'HK', 'SG', 'KY', 'VG', 'PA']
/** What victims of each scam write as the payment reference (all from the background's transfer texts). */
const ROMANCE_REFERENCES = ['Gift', 'Family support', 'Loan repayment', 'Holiday costs']
const COACHING = ['Just say it is for a family loan.', 'Let us not put this in writing.', 'Move it before Friday.']
const MULE_ORDERS = [
  'Forward it to the other account as soon as it lands.',
  'Transfer it on as soon as you receive it.',
]

type Rows = Pick<PatternRows, 'persons' | 'companies' | 'accounts' | 'transactions' | 'communications'>
interface Victim {
  account: Account
  person: Person
  company: string | null
}

/** The victim: a person with an ordinary account; for invoice redirection usually a business paying a supplier. */
function chooseVictim(ctx: InjectContext, subtype: Subtype, t0: number, rows: Rows, members: Member[]): Victim {
  const { world, rng } = ctx
  const day = dayOf(t0)
  if (subtype === 'invoice_redirection' && rng.chance(0.7)) {
    for (let tries = 0; tries < 20 && world.businessAccounts.length > 0; tries++) {
      const a = world.businessAccounts[rng.below(world.businessAccounts.length)]
      const staff = world.employeesOf[world.accountOwner[a]]
      if (world.accountFrom[a] > t0 || t0 > world.accountTo[a] || staff.length === 0) continue
      const clerk = world.persons[rng.pick(staff)]
      if (!isAdultOn(clerk, day)) continue
      const company = world.companies[world.accountOwner[a]].id
      members.push(
        unwittingMember('company', company, 'victim'),
        unwittingMember('account', world.accounts[a].id, 'victim'),
        unwittingMember('person', clerk.id, 'victim_employee'),
      )
      return { account: world.accounts[a], person: clerk, company }
    }
  }
  // Romance-scam victims are mostly over 40.
  const older = subtype === 'romance_scam' ? (q: Person) => isAdultOn(q, day - 22 * 366) : () => true
  // Blended (accountBlending), the scammer works on the best-off of a few marks, whose ordinary payments (rent,
  // bills, larger purchases) make one more sizeable transfer unremarkable.
  const found = pickPersonsWithAccounts(rng, world, blends(ctx) ? 3 : 1, t0, t0, (q) => isAdultOn(q, day) && older(q))
  const richest = found.reduce<(typeof found)[number] | undefined>(
    (a, b) => (a === undefined || incomeUsd(world.persons[b.person]) > incomeUsd(world.persons[a.person]) ? b : a),
    undefined,
  )
  const hit = richest ?? pickPersonsWithAccounts(rng, world, 1, t0, t0, (q) => isAdultOn(q, day))[0]
  let victim: Victim
  if (hit) victim = { account: world.accounts[hit.account], person: world.persons[hit.person], company: null }
  else {
    const person = newAdult(ctx, 'victim', day)
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 2000, day - 200)
    rows.persons.push(person)
    rows.accounts.push(account)
    victim = { account, person, company: null }
  }
  members.push(
    unwittingMember('person', victim.person.id, 'victim'),
    unwittingMember('account', victim.account.id, 'victim'),
  )
  return victim
}

/** Mules bank in the victim's currency so every hop is comparable; half use their own old account, half one opened for the job. */
function chooseMules(
  ctx: InjectContext,
  n: number,
  currency: string,
  home: string,
  victim: Victim,
  t0: number,
  end: number,
  rows: Rows,
): { account: Account; person: Person }[] {
  const { world, rng } = ctx
  const day = dayOf(t0)
  const codes = [home, ...countries.filter((c) => c.currency === currency && c.code !== home).map((c) => c.code)]
  const pool = codes.flatMap((c) => world.personsByCountry.get(c) ?? [])
  const used = new Set<string>([victim.person.id])
  const local = (): number => {
    for (let tries = 0; tries < 30 && pool.length > 0; tries++) {
      const i = pool[rng.below(pool.length)]
      if (!used.has(world.persons[i].id) && isAdultOn(world.persons[i], day - 60)) return i
    }
    return -1
  }
  const out: { account: Account; person: Person }[] = []
  for (let k = 0; k < n; k++) {
    const i = local()
    // A mule's own everyday account only with account blending: the plain typology's mules all open one for the job.
    if (i >= 0 && ctx.knobs.accountBlending > 0 && rng.chance(0.5)) {
      const a = usableAccountOf(world, i, t0, end)
      if (a >= 0 && world.accounts[a].currency === currency) {
        used.add(world.persons[i].id)
        out.push({ account: world.accounts[a], person: world.persons[i] })
        continue
      }
    }
    // A recruited customer or a fresh (often synthetic) identity opens an account days or weeks before the scam.
    let person: Person
    if (i >= 0 && rng.chance(0.5)) person = world.persons[i]
    else {
      const abroad = () => (blends(ctx) ? ordinaryCountry(ctx, codes) : countryByCode[rng.pick(codes)])
      person = newAdult(ctx, `mule:${k}`, day, rng.chance(0.8) ? countryByCode[home] : abroad(), 35)
      rows.persons.push(person)
    }
    used.add(person.id)
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 40 - k, day - 3)
    rows.accounts.push(account)
    out.push({ account, person })
  }
  return out
}

/**
 * Where the last mule sends the money: a financial-services firm (exchange-like) abroad, else a young offshore shell.
 * The plain typology (no account blending) always cashes out through the shell, the textbook destination.
 */
function cashOutAccount(ctx: InjectContext, t: number, home: string, rows: Rows, members: Member[]): Account {
  const { world, rng } = ctx
  const tries = ctx.knobs.accountBlending > 0 ? 25 : 0
  for (let k = 0; k < tries && world.companies.length > 0; k++) {
    const c = rng.below(world.companies.length)
    const company = world.companies[c]
    if (company.industry !== 'financial_services' || company.registrationCountry === home) continue
    const a = (world.accountsOfCompany[c] ?? []).find((x) => world.accountFrom[x] <= t && t <= world.accountTo[x])
    if (a === undefined) continue
    members.push(member('company', company.id, 'cash_out'), member('account', world.accounts[a].id, 'cash_out'))
    return world.accounts[a]
  }
  return openOffshoreShell(ctx, rows, members, 'cash_out', CASH_OUT_HAVENS, dayOf(t), {
    incorporated: 120,
    openedFrom: 300,
    openedTo: 60,
  })
}

type Params = ParamValues<(typeof muleChainSpec)['params']>
type Mule = { account: Account; person: Person }

/** When each payment happens: the victim's at times[0], hop k at times[k], minutes apart, inside the window. */
function chainTimes(ctx: InjectContext, params: Params): number[] {
  const { rng, clock } = ctx
  const delay = params.delayMinutes * MINUTE
  const gaps = Array.from({ length: params.hops }, () =>
    Math.max(Math.ceil(delay / 2), Math.floor(delay * (0.6 + rng.next()))),
  )
  let span = gaps.reduce((a, b) => a + b, 0)
  if (span >= clock.end - clock.start - 1) {
    // Only when validation was bypassed: squeeze the chain into the window rather than leave it.
    const f = (clock.end - clock.start - 2) / span
    for (let k = 0; k < gaps.length; k++) gaps[k] = Math.max(1, Math.floor(gaps[k] * f))
    span = gaps.reduce((a, b) => a + b, 0)
  }
  const hi = clock.end - span - 1
  // The victim's payment starts the chain: past medium on the background's week for transfers (paymentWeek; read in
  // UTC here, the victim's clock once onVictimClock moves the chain), the hops minutes to hours after it left where
  // they fall. Measured at hard before this: mule-chain instances kept an even week's weekend share.
  const t0 = humanTime(
    rng,
    clock.start + Math.min(14 * DAY, Math.floor((hi - clock.start) / 4)),
    hi,
    undefined,
    paymentWeek(ctx.knobs, 'transfer'),
  )
  const times = [t0]
  for (const g of gaps) times.push(times[times.length - 1] + g)
  return times
}

/**
 * The chain's times were drawn with the daily shape in UTC; the victim starts it, so move it onto the victim's own
 * clock, as their background payments are (else Asia-Pacific victims pay at night). Kept in UTC in the rare case
 * where the shift would leave the window or the victim's account's open period.
 */
function onVictimClock(ctx: InjectContext, times: readonly number[], account: Account): number[] {
  const shift = -utcOffsetSeconds(account.country)
  const first = times[0] + shift
  const last = times[times.length - 1] + shift
  const from = Math.max(account.openedAt * DAY, ctx.clock.start)
  const to = Math.min(
    account.closedAt === null ? ctx.clock.end - 1 : account.closedAt * DAY + DAY - 1,
    ctx.clock.end - 1,
  )
  return first >= from && last <= to ? times.map((t) => t + shift) : [...times]
}

/** Each mule passes on what it got less its cut (rounded to whole units on large sums). */
function skim(ctx: InjectContext, params: Params, major: number) {
  return (a: number): number => {
    let b = Math.floor(a * (1 - (params.skimPct / 100) * (0.75 + 0.5 * ctx.rng.next())))
    if (b >= 1000 * major) b = Math.floor(b / major) * major
    return Math.max(1, Math.min(a - 1, b))
  }
}

type Say = (
  t: number,
  to: Person,
  role: string,
  sentences: string[],
  channel?: CommunicationChannel,
  share?: number,
) => void

/** The fraudster's side of the conversation: one labelled message per call. */
function messenger(ctx: InjectContext, fraudster: Person, rows: Rows): Say {
  return (t, to, role, sentences, channel, financeShare = 0.5) => {
    rows.communications.push(
      buildCommunication(ctx.rng, ctx.ids.next('communications'), {
        timestamp: t,
        sender: fraudster,
        recipient: to,
        channel,
        financeShare,
        sentences,
        patternId: ctx.patternId,
        patternRole: role,
      }),
    )
  }
}

/** The fraudster's messages: grooming, the impersonation call or the redirect e-mail, then orders to every mule. */
function contact(
  ctx: InjectContext,
  subtype: Subtype,
  fraudster: Person,
  victim: Victim,
  mules: Mule[],
  t0: number,
  rows: Rows,
) {
  const { rng, clock } = ctx
  const say = messenger(ctx, fraudster, rows)
  const before = (from: number, to: number) =>
    humanTime(rng, Math.max(clock.start, t0 - from), Math.max(clock.start + 1, t0 - to))
  if (subtype === 'romance_scam') {
    const chats = rng.int(3, 8)
    const chatTimes = Array.from({ length: chats }, () => before(30 * DAY, 2 * HOUR)).sort((a, b) => a - b)
    chatTimes.forEach((t, k) =>
      say(
        t,
        victim.person,
        'grooming',
        k === chats - 1 ? [rng.pick(COACHING)] : [],
        rng.pick<CommunicationChannel>(['chat', 'chat', 'sms', 'email']),
        0.15,
      ),
    )
  } else if (subtype === 'app_scam')
    say(before(3 * HOUR, 10 * MINUTE), victim.person, 'impersonation_call', [rng.pick(COACHING)], 'call')
  else
    say(
      before(5 * DAY, 2 * HOUR),
      victim.person,
      'invoice_redirection',
      ['Please pay the new account from now on.'],
      'email',
    )
  const told = new Set<string>()
  for (const m of mules) {
    if (told.has(m.person.id)) continue
    told.add(m.person.id)
    const t = before(2 * DAY, 30 * MINUTE) // drawn first, as the arguments below are evaluated in order
    const orders = [rng.pick(MULE_ORDERS), 'You can keep a small part for your trouble.']
    say(t, m.person, 'mule_instruction', orders, rng.pick<CommunicationChannel>(['chat', 'sms']))
  }
  rows.communications.sort((a, b) => a.timestamp - b.timestamp)
}

/** The victim's payment into the first mule, then one hop per mule; returns what reached the last mule. */
function payments(
  ctx: InjectContext,
  subtype: Subtype,
  victim: Victim,
  mules: Mule[],
  times: number[],
  first: number,
  next: (a: number) => number,
  rows: Rows,
): number {
  const { rng, patternId } = ctx
  let amount = first
  rows.transactions.push(
    buildTransaction(rng, ctx.ids.next('transactions'), {
      timestamp: times[0],
      kind: subtype === 'invoice_redirection' ? 'invoice_payment' : 'transfer',
      from: victim.account,
      to: mules[0].account,
      amount,
      description: subtype === 'romance_scam' ? rng.pick(ROMANCE_REFERENCES) : undefined,
      patternId,
      patternRole: 'victim_payment',
    }),
  )
  for (let k = 1; k < mules.length; k++) {
    amount = next(amount)
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: times[k],
        kind: 'transfer',
        from: mules[k - 1].account,
        to: mules[k].account,
        amount,
        patternId,
        patternRole: 'hop',
      }),
    )
  }
  return amount
}

/** The last mule cashes out: small sums in notes at an ATM or branch, larger ones on to a cash-out account abroad. */
function cashOut(
  ctx: InjectContext,
  last: Mule,
  received: number,
  tEnd: number,
  home: string,
  next: (a: number) => number,
  rows: Rows,
  members: Member[],
): string {
  const { rng, patternId } = ctx
  const cur = last.account.currency
  const usd = minorToMajor(received, cur) / currencyByCode[cur].perUsd
  const cash = usd <= 2_500 ? rng.chance(0.6) : rng.chance(0.3)
  if (cash) {
    // Cash leaves in notes: round the withdrawal down to a whole banknote step.
    const note = 10 ** Math.max(0, Math.floor(Math.log10(usdToMinor(20, cur))))
    const amount = Math.max(1, Math.floor(next(received) / note) * note)
    const channel = usd <= 2_500 ? 'atm' : 'branch'
    const city =
      last.person.residenceCountry === last.account.country
        ? last.person.city
        : rng.pick(countryByCode[last.account.country].cities)
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: tEnd,
        kind: 'cash_withdrawal',
        from: last.account,
        to: null,
        amount,
        channel,
        city,
        conductorId: last.person.id,
        patternId,
        patternRole: 'cash_out',
      }),
    )
    return `${last.account.id} withdrew ${moneyText(amount, cur)} in cash ${channel === 'atm' ? 'at an ATM' : 'at a branch'} in ${city}`
  }
  const amount = next(received)
  const to = cashOutAccount(ctx, tEnd, home, rows, members)
  const kind = to.country === last.account.country ? 'transfer' : 'wire'
  rows.transactions.push(
    buildTransaction(rng, ctx.ids.next('transactions'), {
      timestamp: tEnd,
      kind,
      from: last.account,
      to,
      amount,
      patternId,
      patternRole: 'cash_out',
    }),
  )
  return `${last.account.id} ${kind === 'wire' ? 'wired' : 'sent'} ${moneyText(amount, cur)} to cash-out account ${to.id} (${to.country})`
}

export const muleChain = definePattern({
  ...muleChainSpec,
  inject(ctx, params) {
    const { rng } = ctx
    const subtype: Subtype = params.subtype === 'any' ? rng.pick(SUBTYPES) : params.subtype
    const rows: Rows = { persons: [], companies: [], accounts: [], transactions: [], communications: [] }
    const members: Member[] = []
    const drawn = chainTimes(ctx, params)
    const victim = chooseVictim(ctx, subtype, drawn[0], rows, members)
    const times = onVictimClock(ctx, drawn, victim.account)
    const t0 = times[0]
    const tEnd = times[times.length - 1]
    const cur = victim.account.currency
    const home = victim.account.country
    const mules = chooseMules(ctx, params.hops, cur, home, victim, t0, tEnd, rows)
    for (const m of mules) members.push(member('person', m.person.id, 'mule'), member('account', m.account.id, 'mule'))

    const major = 10 ** currencyByCode[cur].minorDigits
    const raw = usdToMinor(params.startAmountUsd * (0.9 + 0.2 * rng.next()), cur)
    // Scam victims send round sums; a redirected invoice keeps its odd total.
    const start = subtype === 'invoice_redirection' ? raw : Math.max(major, Math.round(raw / (10 * major)) * 10 * major)
    const next = skim(ctx, params, major)

    const fraudster = newAdult(ctx, 'fraudster', dayOf(t0), subtype === 'app_scam' ? countryByCode[home] : undefined)
    rows.persons.push(fraudster)
    members.push(member('person', fraudster.id, 'fraudster'))
    contact(ctx, subtype, fraudster, victim, mules, t0, rows)
    const received = payments(ctx, subtype, victim, mules, times, start, next, rows)
    const ending = cashOut(ctx, mules[mules.length - 1], received, tEnd, home, next, rows, members)

    const how =
      subtype === 'app_scam'
        ? 'after an impersonation call'
        : subtype === 'romance_scam'
          ? 'to a romance scammer'
          : 'on a redirected invoice'
    const payer = victim.company ?? victim.person.id
    const minutes = Math.round((tEnd - t0) / MINUTE)
    const narrative =
      `Victim ${payer} paid ${moneyText(start, cur)} ${how} into mule account ${mules[0].account.id}; ${mules.length} mule account${mules.length === 1 ? '' : 's'} ` +
      `passed it on within ${minutes} minutes keeping about ${params.skimPct}% each, and ${ending}`
    return { subtype, members, rows, currency: cur, totalMinor: start, narrative }
  },
})
