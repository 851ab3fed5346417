import type { ParamValues } from '../config/params.ts'
import { buildCommunication } from '../generators/events/communication-row.ts'
import { BACKGROUND_FINANCE_SHARE } from '../generators/events/communications.ts'
import { buildTrade, exchangeByCode, isOpen, sessionClose } from '../generators/events/trade-row.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Announcement } from '../model/tables/announcements.ts'
import type { Company } from '../model/tables/companies.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY, MINUTE, formatDate } from '../model/time.ts'
import { lognormal } from '../random/distributions.ts'
import { countryByCode } from '../reference/countries.ts'
import { exchanges, type Exchange } from '../reference/exchanges.ts'
import { financeSentences } from '../reference/texts.ts'
import { humanTime, isAdultOn, newAdult } from './human-time.ts'
import { groupThousands, moneyText } from './money-text.ts'
import { dayOf, member, newCompany, openAccount, usableAccountOf, type Member } from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, traderCount, insiderTradingSpec } from './specs/insider-trading.ts'

type Side = 'buy' | 'sell'
const NEWS: Record<Side, readonly string[]> = {
  buy: ['earnings', 'takeover', 'contract award'],
  sell: ['profit warning', 'earnings', 'regulatory investigation'],
}
/** What conspirators say about the coming news: lines from the shared finance pool, which the background also uses now and then. */
const TIP_LINES: Record<Side, readonly string[]> = {
  buy: financeSentences.filter((s) =>
    /announce|results|board|deal|offer|react|buy|better than|between us|deal team|closed period|Call me|Delete this/.test(
      s,
    ),
  ),
  sell: financeSentences.filter((s) =>
    /announce|results|board|react|guidance|between us|deal team|closed period|Call me|Delete this|quiet/.test(s),
  ),
}

/**
 * Moves an instant into the exchange's session without passing the announcement: forward into the next session
 * (which only brings it nearer the news), else back into the last session before it.
 */
function snapToSession(ctx: InjectContext, ex: Exchange, t: number, from: number, ann: number): number {
  const { rng } = ctx
  if (t >= from && t < ann && isOpen(ex, t)) return t
  let o = Math.max(from, Math.ceil(t / MINUTE) * MINUTE)
  while (o < ann && !isOpen(ex, o)) o += MINUTE
  if (o >= ann) {
    o = Math.floor(Math.min(t, ann - 1) / MINUTE) * MINUTE
    while (o >= from && !isOpen(ex, o)) o -= MINUTE
    if (o < from) return Math.max(from, Math.min(t, ann - 1))
    let s = o
    while (s - MINUTE >= from && isOpen(ex, s - MINUTE)) s -= MINUTE
    return s + rng.below(Math.max(1, o + MINUTE - s))
  }
  let c = o
  while (c < ann && isOpen(ex, c)) c += MINUTE
  return o + rng.below(Math.max(1, Math.min(c, ann) - o))
}

/** The open session around an instant that is in session, cut to [from, ann). */
function sessionAround(ex: Exchange, t: number, from: number, ann: number): [number, number] {
  let o = Math.floor(t / MINUTE) * MINUTE
  while (o - MINUTE >= from && isOpen(ex, o - MINUTE)) o -= MINUTE
  let c = o
  while (c < ann && isOpen(ex, c)) c += MINUTE
  return [Math.max(o, from), Math.min(c, ann)]
}

interface Trader {
  person: Person
  index: number
  link: 'officer' | 'director' | 'relative' | 'contact'
  title: string | null
}

type Params = ParamValues<(typeof insiderTradingSpec)['params']>
type Rows = Pick<PatternRows, 'persons' | 'companies' | 'accounts' | 'ownership' | 'communications' | 'trades'>
type Insider = { index: number; role: 'officer' | 'director'; title: string | null }

/** A listed company's officers and directors on record (persons, each once). */
/** Each world's insiders by company, found once: an issuer is chosen by asking this of every announcement. */
const insidersByWorld = new WeakMap<InjectContext['world'], Map<number, readonly Insider[]>>()

function insidersOf(ctx: InjectContext, ci: number): readonly Insider[] {
  const { world } = ctx
  let known = insidersByWorld.get(world)
  if (!known) insidersByWorld.set(world, (known = new Map()))
  let found = known.get(ci)
  if (!found) known.set(ci, (found = findInsiders(world, ci)))
  return found
}

function findInsiders(world: InjectContext['world'], ci: number): Insider[] {
  return (world.ownershipOf[ci] ?? [])
    .map((r) => world.ownership[r])
    .filter((o) => o.ownerType === 'person' && (o.role === 'officer' || o.role === 'director'))
    .map((o) => ({
      index: world.personIndex.get(o.ownerId) ?? -1,
      role: o.role as 'officer' | 'director',
      title: o.title,
    }))
    .filter((o, k, all) => o.index >= 0 && all.findIndex((x) => x.index === o.index) === k)
}

type News = Pick<Announcement, 'id' | 'timestamp' | 'companyId' | 'headline' | 'priceEffectPct'>

/** Announcements of the window, late enough for talk and trades before them, in the asked direction. */
function newsFor(ctx: InjectContext, direction: Params['direction'], daysBefore: number): readonly Announcement[] {
  const earliest = ctx.clock.start + (daysBefore + 3) * DAY
  const wanted = direction === 'buy' ? 'positive' : direction === 'sell' ? 'negative' : null
  return ctx.world.announcements.filter((a) => a.timestamp >= earliest && (wanted === null || a.direction === wanted))
}

/**
 * The issuer and the news the ring trades on: a real announcement (a row of the announcements table, which moves
 * the price) of a listed company whose officers and directors are on record, enough of them for an executive ring;
 * failing that of any listed company. Only a window with no announcement late enough falls back to an issuer and a
 * release time of its own (the price then does not react).
 */
function chooseIssuer(ctx: InjectContext, subtype: Subtype, traders: number, params: Params, rows: Rows) {
  const { rng, world } = ctx
  const news = newsFor(ctx, params.direction, params.daysBefore)
  const staffing = (need: number) =>
    news.filter((a) => insidersOf(ctx, world.companyIndex.get(a.companyId) ?? -1).length >= need)
  const pool = [staffing(subtype === 'executive' ? traders : 1), staffing(1), news].find((p) => p.length > 0)
  if (pool) {
    const chosen: News = rng.pick(pool)
    const ci = world.companyIndex.get(chosen.companyId) ?? -1
    const company = world.companies[ci]
    return { ci, company, ex: exchangeByCode.get(company.exchange ?? '') ?? exchanges[0], news: chosen }
  }
  const staffed = world.listedCompanies.filter(
    (c) => insidersOf(ctx, c).length >= (subtype === 'executive' ? traders : 1),
  )
  const listed = staffed.length > 0 ? staffed : world.listedCompanies.filter((c) => insidersOf(ctx, c).length > 0)
  const ci =
    listed.length > 0 ? rng.pick(listed) : world.listedCompanies.length > 0 ? rng.pick(world.listedCompanies) : -1
  const company: Company = ci >= 0 ? world.companies[ci] : newCompany(ctx, 'issuer', { listed: true })
  if (ci < 0) rows.companies.push(company)
  const ex = exchangeByCode.get(company.exchange ?? '') ?? exchanges[0]
  return { ci, company, ex, news: null }
}

/** Without a real announcement: a release time after a session closes, late enough in the window for talk and trades before it. */
function releaseOf(ctx: InjectContext, ex: Exchange, daysBefore: number): number {
  const { rng, clock } = ctx
  const lastDay = clock.startDay + clock.days - 1
  const firstDay = Math.min(lastDay, clock.startDay + daysBefore + 3)
  let close: number | null = null
  for (let tries = 0; tries < 40 && close === null; tries++) close = sessionClose(ex, rng.int(firstDay, lastDay))
  for (let d = lastDay; d >= clock.startDay && close === null; d--) close = sessionClose(ex, d)
  return Math.min(clock.end - 1, (close ?? clock.end - DAY) + rng.int(15, 90) * MINUTE)
}

/** Trading may start daysBefore before the news, and never in the window's first hours. */
function tradingFrom(ctx: InjectContext, ann: number, daysBefore: number): number {
  const { clock } = ctx
  return Math.max(ann - daysBefore * DAY, clock.start + Math.min(DAY, Math.floor((ann - clock.start) / 4)))
}

/** The insider the information comes from: an officer first (executive and tipping need one), then a director. */
function chooseSource(
  ctx: InjectContext,
  subtype: Subtype,
  ci: number,
  company: Company,
  officers: Insider[],
  fromDay: number,
  rows: Rows,
): Trader {
  const { rng, world } = ctx
  if (officers.length > 0) {
    const o = subtype === 'executive' || subtype === 'tipping' ? officers[0] : rng.pick(officers)
    return { person: world.persons[o.index], index: o.index, link: o.role, title: o.title }
  }
  // No officer on record (a tiny population): the company appoints one, labelled as part of the pattern.
  const staff = (ci >= 0 ? world.employeesOf[ci] : []).filter((i) => isAdultOn(world.persons[i], fromDay - 800))
  const index = staff.length > 0 ? rng.pick(staff) : -1
  const person = index >= 0 ? world.persons[index] : newAdult(ctx, 'officer', fromDay - 800)
  if (index < 0) rows.persons.push(person)
  const source: Trader = { person, index, link: 'officer', title: 'Chief Financial Officer' }
  rows.ownership.push({
    id: ctx.ids.next('ownership'),
    ownerId: person.id,
    ownerType: 'person',
    companyId: company.id,
    sharePct: 0,
    role: 'officer',
    title: source.title,
    since: Math.max(company.incorporatedOn, fromDay - rng.int(200, 700)),
    patternId: ctx.patternId,
    patternRole: 'insider_role',
    isSuspicious: false,
  })
  return source
}

/**
 * Who trades besides the source: fellow officers for an executive ring, then relatives (the source's family name
 * and country), then contacts, linked by frequent calls and messages.
 */
function recruitTraders(
  ctx: InjectContext,
  subtype: Subtype,
  T: number,
  source: Trader,
  officers: Insider[],
  ci: number,
  fromDay: number,
  rows: Rows,
): Trader[] {
  const { rng, world } = ctx
  const used = new Set<number>([source.index])
  const traders: Trader[] = subtype !== 'tipping' ? [source] : []
  if (subtype === 'executive') {
    for (const o of officers)
      if (traders.length < T && !used.has(o.index)) {
        used.add(o.index)
        traders.push({ person: world.persons[o.index], index: o.index, link: o.role, title: o.title })
      }
  }
  const home = world.personsByCountry.get(source.person.residenceCountry) ?? []
  const relatives = home.filter(
    (i) =>
      world.persons[i].lastName === source.person.lastName &&
      i !== source.index &&
      isAdultOn(world.persons[i], fromDay - 200),
  )
  const colleagues = ci >= 0 ? world.employeesOf[ci] : []
  while (traders.length < T) {
    const fresh = relatives.filter((i) => !used.has(i))
    let index = fresh.length > 0 ? fresh[0] : -1
    const link = index >= 0 ? 'relative' : 'contact'
    for (let tries = 0; index < 0 && tries < 30 && world.persons.length > 0; tries++) {
      const pool = tries < 10 && colleagues.length > 0 ? colleagues : tries < 20 && home.length > 0 ? home : null
      const i = pool ? rng.pick(pool) : rng.below(world.persons.length)
      if (!used.has(i) && isAdultOn(world.persons[i], fromDay - 200)) index = i
    }
    const person =
      index >= 0
        ? world.persons[index]
        : newAdult(ctx, `contact:${traders.length}`, fromDay - 200, countryByCode[source.person.residenceCountry])
    if (index < 0) rows.persons.push(person)
    used.add(index)
    traders.push({ person, index, link, title: null })
  }
  return traders
}

/** Trade times: t = ann − W·(1−u)³ with stratified u, so trades crowd towards the news. */
function tradeTimes(
  ctx: InjectContext,
  subtype: Subtype,
  ex: Exchange,
  n: number,
  T: number,
  ann: number,
  from: number,
): number[] {
  const { rng } = ctx
  const W = ann - from
  const lead = n === 1 ? 0.3 : 0.1
  const times: number[] = []
  if (subtype === 'coordinated') {
    // One session for the whole ring (late trades may spill into the next one), drawn no earlier than 45 % of the window back.
    const floor = ann - Math.floor(0.45 * W)
    const day = snapToSession(ctx, ex, ann - Math.floor(W * Math.pow(1 - (0.3 + 0.7 * rng.next()), 3)), from, ann)
    const next = snapToSession(ctx, ex, sessionAround(ex, day, from, ann)[1], from, ann)
    for (let i = 0; i < n; i++) {
      const base = i >= T && rng.chance(0.5) && next > day ? next : day
      const [o, c] = sessionAround(ex, base, Math.max(from, floor), ann)
      times.push(c > o ? o + rng.below(c - o) : base)
    }
    return times
  }
  for (let i = 0; i < n; i++) {
    const u = lead + (1 - lead) * ((i + rng.next()) / n)
    times.push(snapToSession(ctx, ex, ann - Math.max(MINUTE, Math.floor(W * Math.pow(1 - u, 3))), from, ann))
  }
  return times
}

/** Talk before the first trade: the tip to every relative or contact, group chat for a coordinated ring, and for contacts the frequent calls that make the link. */
function talkBefore(
  ctx: InjectContext,
  subtype: Subtype,
  side: Side,
  source: Trader,
  traders: Trader[],
  first: number,
  rows: Rows,
): void {
  const { rng, clock } = ctx
  const T = traders.length
  const talkFrom = Math.max(clock.start, first - 7 * DAY)
  const talk = (sender: Person, recipient: Person, lo: number, hi: number, role: string, finance: boolean) =>
    rows.communications.push(
      buildCommunication(rng, ctx.ids.next('communications'), {
        timestamp: humanTime(rng, lo, hi, sender.residenceCountry),
        sender,
        recipient,
        financeShare: finance ? 0.5 : BACKGROUND_FINANCE_SHARE,
        sentences: finance ? [rng.pick(TIP_LINES[side])] : [],
        patternId: ctx.patternId,
        patternRole: role,
      }),
    )
  for (const t of traders) {
    if (t.link === 'contact')
      for (let k = rng.int(3, 5); k > 0; k--)
        talk(
          k % 2 ? source.person : t.person,
          k % 2 ? t.person : source.person,
          Math.max(clock.start, first - 60 * DAY),
          talkFrom,
          'contact',
          false,
        )
    if (t.link === 'relative' || t.link === 'contact')
      for (let k = rng.int(1, 2); k > 0; k--) talk(source.person, t.person, talkFrom, first, 'tip', true)
  }
  if (subtype === 'coordinated')
    traders.forEach(
      (t, k) => k > 0 && talk(t.person, traders[(k + 1) % T].person, talkFrom, first, 'coordination', true),
    )
  rows.communications.sort((a, b) => a.timestamp - b.timestamp)
}

function narrate(
  ctx: InjectContext,
  subtype: Subtype,
  side: Side,
  source: Trader,
  traders: Trader[],
  company: Company,
  ann: number,
  news: News | null,
  shares: number,
  rows: Rows,
): string {
  const T = traders.length
  const n = rows.trades.length
  const first = rows.trades[0].timestamp
  const total = rows.trades.reduce((s, t) => s + t.value, 0)
  const days = Math.max(1, Math.ceil((ann - first) / DAY))
  const what = news
    ? `${formatDate(dayOf(ann))} announcement ${news.id} ("${news.headline}", ${news.priceEffectPct > 0 ? '+' : ''}${news.priceEffectPct} %)`
    : `${formatDate(dayOf(ann))} ${ctx.rng.pick(NEWS[side])} announcement`
  const traded = `${side === 'buy' ? 'bought' : 'sold'} ${groupThousands(shares)} shares of ${company.ticker} (${moneyText(total, rows.trades[0].currency)}) in ${n === 1 ? 'one trade' : `${n} trades`} in the ${days === 1 ? 'day' : `${days} days`} before the ${what}`
  const who1 = `${source.person.fullName} (${source.person.id}), ${source.title ?? source.link} of ${company.legalName} (${company.id})`
  const others = traders
    .slice(1)
    .map((t) => (t.link === 'contact' ? 'contact' : t.link === 'relative' ? 'relative' : 'fellow insider'))
  const kinds = ['fellow insider', 'relative', 'contact']
    .map((k) => [k, others.filter((o) => o === k).length] as const)
    .filter(([, c]) => c > 0)
  const circle = kinds.map(([k, c]) => `${c} ${k}${c === 1 ? '' : 's'}`).join(' and ')
  return subtype === 'tipping'
    ? `${who1}, tipped ${T === 1 ? 'a contact' : `${T} contacts`} who ${traded}`
    : T === 1
      ? `${who1}, ${traded}`
      : `${who1}, and ${circle} ${subtype === 'coordinated' ? 'together ' : ''}${traded}`
}

/**
 * Each trader's own investment account; one is opened some weeks before when the trader has none, or always in the
 * plain typology (no account blending): a brokerage account opened just before the news is the textbook red flag.
 */
function tradingAccounts(
  ctx: InjectContext,
  traders: Trader[],
  from: number,
  ann: number,
  fromDay: number,
  rows: Rows,
): Account[] {
  const { rng, world } = ctx
  return traders.map((t) => {
    const a =
      t.index >= 0 && ctx.knobs.accountBlending > 0 ? usableAccountOf(world, t.index, from, ann, ['investment']) : -1
    if (a >= 0) return world.accounts[a]
    // An existing customer's new account opens no earlier than they became one (customer_since), if that is before the trading.
    const drawn = fromDay - rng.int(20, 150)
    const since = t.index >= 0 ? t.person.customerSince : null
    const opened = since !== null && since > drawn ? Math.min(since, fromDay - 1) : drawn
    const account = openAccount(ctx, { type: 'person', row: t.person }, 'investment', opened, opened)
    rows.accounts.push(account)
    return account
  })
}

export const insiderTrading = definePattern({
  ...insiderTradingSpec,
  inject(ctx, params: Params) {
    const { rng, world } = ctx
    const subtype: Subtype =
      params.subtype === 'any'
        ? rng.pick(SUBTYPES.filter((s) => s !== 'coordinated' || params.insiders >= 2))
        : params.subtype
    const rows: Rows = { persons: [], companies: [], accounts: [], ownership: [], communications: [], trades: [] }
    const members: Member[] = []
    const T = traderCount(subtype, params.insiders)
    const { ci, company, ex, news } = chooseIssuer(ctx, subtype, T, params, rows)
    // Buy before good news, sell before bad news.
    const side: Side = news
      ? news.priceEffectPct > 0
        ? 'buy'
        : 'sell'
      : params.direction === 'any'
        ? rng.chance(0.6)
          ? 'buy'
          : 'sell'
        : params.direction
    const ann = news ? news.timestamp : releaseOf(ctx, ex, params.daysBefore)
    const from = tradingFrom(ctx, ann, params.daysBefore)
    const fromDay = dayOf(from)

    // Insiders who trade are adults and already customers: their trading account cannot predate customer_since.
    const eligible = (o: Insider) => {
      const p = world.persons[o.index]
      return isAdultOn(p, fromDay - 200) && (p.customerSince ?? -Infinity) < fromDay
    }
    const officers = ci >= 0 ? insidersOf(ctx, ci).filter(eligible) : []
    officers.sort((a, b) => (a.role === b.role ? 0 : a.role === 'officer' ? -1 : 1))
    const source = chooseSource(ctx, subtype, ci, company, officers, fromDay, rows)
    const traders = recruitTraders(ctx, subtype, T, source, officers, ci, fromDay, rows)

    const accounts = tradingAccounts(ctx, traders, from, ann, fromDay, rows)

    // Every trader trades at least once.
    const n = params.trades
    const who = Array.from({ length: n }, (_, i) => (i < T ? i : rng.chance(0.5) ? 0 : rng.below(T)))
    const times = tradeTimes(ctx, subtype, ex, n, T, ann, from)
    let shares = 0
    for (let i = 0; i < n; i++) {
      const t = traders[who[i]]
      const trade = buildTrade(rng, world, ctx.ids.next('trades'), {
        timestamp: times[i],
        person: t.person,
        account: accounts[who[i]],
        company,
        side,
        valueUsd: lognormal(rng, t.link === 'officer' || t.link === 'director' ? 30_000 : 15_000, 0.8),
        patternId: ctx.patternId,
        patternRole: 'insider_trade',
      })
      shares += trade.quantity
      rows.trades.push(trade)
    }
    rows.trades.sort((a, b) => a.timestamp - b.timestamp)
    talkBefore(ctx, subtype, side, source, traders, rows.trades[0].timestamp, rows)

    members.push(member('company', company.id, 'issuer'))
    if (subtype === 'tipping') members.push(member('person', source.person.id, 'tipper'))
    traders.forEach((t, k) =>
      members.push(
        member('person', t.person.id, t.link === 'officer' || t.link === 'director' ? 'insider' : 'tippee'),
        member('account', accounts[k].id, 'trading_account'),
      ),
    )
    const total = rows.trades.reduce((s, t) => s + t.value, 0)
    const narrative = narrate(ctx, subtype, side, source, traders, company, ann, news, shares, rows)
    return { subtype, members, rows, currency: rows.trades[0].currency, totalMinor: total, narrative }
  },
})
