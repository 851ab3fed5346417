import type { ParamValues } from '../config/params.ts'
import { buildAccessEvent, deviceId, ipAddress } from '../generators/events/access-row.ts'
import { buildCommunication } from '../generators/events/communication-row.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { AccessEvent } from '../model/tables/access-events.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { countries, countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { clamp, lognormal } from '../random/distributions.ts'
import { humanTime, isAdultOn, newAdult } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { beyondMedium, ownLargeUsd } from './own-large-payment.ts'
import {
  chooseWindow,
  blends,
  dayOf,
  member,
  openAccount,
  ordinaryCountry,
  pickPersonsWithAccounts,
  usableAccountOf,
  type Member,
  unwittingMember,
} from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, accountTakeoverSpec } from './specs/account-takeover.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'

const SUBTYPE_WORDS: Record<Subtype, string> = {
  credential_stuffing: 'credential stuffing',
  session_hijacking: 'session hijacking',
  sim_swap: 'SIM swap',
  phishing: 'phishing',
  malware: 'banking malware',
}
type Rows = Pick<PatternRows, 'persons' | 'accounts' | 'transactions' | 'communications' | 'access_events'>
type Channel = AccessEvent['channel']
interface Step {
  t: number
  make: (t: number) => void
}

/** Victims: ordinary customers whose current or savings account has a background login history to depart from. */
function chooseVictims(
  ctx: InjectContext,
  n: number,
  from: number,
  rows: Rows,
): { person: Person; account: Account }[] {
  const { world, rng, clock } = ctx
  const day = dayOf(from)
  const out = pickPersonsWithAccounts(rng, world, n, from, clock.end - 1, (q) => isAdultOn(q, day)).map((x) => ({
    person: world.persons[x.person],
    account: world.accounts[x.account],
  }))
  for (let k = 0; out.length < n; k++) {
    const person = newAdult(ctx, `victim:${k}`, day)
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 1500, day - 100)
    rows.persons.push(person)
    rows.accounts.push(account)
    out.push({ person, account })
  }
  return out
}

/** Attackers: existing customers (insiders, local fraudsters) or outsiders the bank has never seen. */
function chooseAttackers(ctx: InjectContext, n: number, day: number, exclude: readonly string[], rows: Rows): Person[] {
  const { world, rng } = ctx
  const out: Person[] = []
  for (let k = 0; k < n; k++) {
    const i = world.persons.length > 0 && rng.chance(0.5) ? rng.below(world.persons.length) : -1
    const known = i >= 0 ? world.persons[i] : null
    if (known && isAdultOn(known, day) && !exclude.includes(known.id) && !out.some((o) => o.id === known.id))
      out.push(known)
    else {
      const person = newAdult(ctx, `attacker:${k}`, day, undefined, 45)
      rows.persons.push(person)
      out.push(person)
    }
  }
  return out
}

/**
 * Mule accounts the attackers control: a recruited customer's own account, or a synthetic identity's new one.
 * `first` numbers the new identities, so separate calls of one instance never make the same person.
 */
function chooseMules(
  ctx: InjectContext,
  n: number,
  country: string,
  from: number,
  used: readonly string[],
  rows: Rows,
  members: Member[],
  first = 0,
): Account[] {
  const { world, rng, clock } = ctx
  const day = dayOf(from)
  const locals = world.personsByCountry.get(country) ?? []
  const out: Account[] = []
  for (let k = first; k < first + n; k++) {
    // Blended (accountBlending), the mule is a recruited local customer's own everyday account, not a new one.
    const i = locals.length > 0 && (blends(ctx) || rng.chance(0.5)) ? locals[rng.below(locals.length)] : -1
    const a =
      i >= 0 && !used.includes(world.persons[i].id) && isAdultOn(world.persons[i], day)
        ? usableAccountOf(world, i, from, clock.end - 1)
        : -1
    if (a >= 0 && !out.some((o) => o.id === world.accounts[a].id)) {
      out.push(world.accounts[a])
      members.push(member('person', world.persons[i].id, 'mule'), member('account', world.accounts[a].id, 'mule'))
      continue
    }
    const person = newAdult(
      ctx,
      `mule:${k}`,
      day,
      rng.chance(0.7) ? countryByCode[country] : blends(ctx) ? ordinaryCountry(ctx) : rng.pick(countries),
      35,
    )
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 30 - k, day - 3)
    rows.persons.push(person)
    rows.accounts.push(account)
    out.push(account)
    members.push(member('person', person.id, 'mule'), member('account', account.id, 'mule'))
  }
  return out
}

/** Hour of day (0–23) at instant t in `country`, on its standard-time offset (reference/time-zones.ts). */
export function localHour(t: number, country: string): number {
  const local = t + utcOffsetSeconds(country)
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR)
}

/** The next instant at 01:00–02:59 local time of `country` at or after t (payouts then finish before 05:00). */
function nightAfter(rng: InjectContext['rng'], t: number, country: string): number {
  const offset = utcOffsetSeconds(country)
  const local = t + offset
  let night = Math.floor(local / DAY) * DAY + HOUR
  if (night + 2 * HOUR <= local) night += DAY
  return Math.max(t, night - offset + rng.below(2 * HOUR))
}

type Params = ParamValues<(typeof accountTakeoverSpec)['params']>
type Net = { ip: string; country: string }
type Victim = { person: Person; account: Account }

/** One victim's takeover as it is planned: the steps so far, and the device and network the attacker is on now. */
interface Session {
  readonly ctx: InjectContext
  readonly rows: Rows
  readonly victim: Victim
  readonly index: number
  readonly attacker: Person
  readonly channel: Channel
  readonly steps: Step[]
  /** The attacker goes out through a proxy in the victim's country (see takeOver). */
  readonly local: boolean
  device: string
  net: Net
  takeoverStep: number
}

/** A delay of a to b minutes, to the second (logs of real sessions do not tick in whole minutes). */
function mins(s: Session, a: number, b: number): number {
  return s.ctx.rng.int(a * MINUTE, b * MINUTE)
}

/** Plans one online-banking event on the victim's account, from the attacker's current device and network (or the victim's own). */
function access(s: Session, t: number, kind: AccessEvent['kind'], role: string, own = false): void {
  const { ctx, victim: v } = s
  const seed = ctx.world.seedKey
  const home = v.person.residenceCountry
  // Read device and network now: they change between steps and make() runs later.
  const spec = {
    accountId: v.account.id,
    person: v.person,
    kind,
    channel: s.channel,
    patternId: ctx.patternId,
    patternRole: role,
    deviceId: own ? deviceId(seed, v.person.id, ctx.rng.below(2)) : s.device,
    ipAddress: own ? ipAddress(seed, v.person.id, 0, home) : s.net.ip,
    country: own ? home : s.net.country,
  }
  if (role === 'takeover_login' && s.takeoverStep < 0) s.takeoverStep = s.steps.length
  s.steps.push({
    t,
    make: (at) =>
      s.rows.access_events.push(buildAccessEvent(ctx.rng, ctx.ids.next('access_events'), { ...spec, timestamp: at })),
  })
}

/** The phishing message that lures the victim. */
function lure(s: Session, t: number): void {
  const { ctx } = s
  s.steps.push({
    t,
    make: (at) =>
      s.rows.communications.push(
        buildCommunication(ctx.rng, ctx.ids.next('communications'), {
          timestamp: at,
          sender: s.attacker,
          recipient: s.victim.person,
          channel: ctx.rng.chance(0.6) ? 'email' : 'sms',
          financeShare: 0.5,
          patternId: ctx.patternId,
          patternRole: 'phishing_lure',
        }),
      ),
  })
}

/** How the attacker gets in, by subtype; returns when the payouts may start. */
function intrude(s: Session, subtype: Subtype, infra: readonly Net[], t: number): number {
  const { rng } = s.ctx
  const seed = s.ctx.world.seedKey
  const attacker = s.attacker
  if (subtype === 'credential_stuffing') {
    // A loud bot sprays attempts from its infrastructure; a careful one (s.local) comes back with a pair it verified
    // elsewhere and tries once or twice through its one residential proxy and device, as an owner who mistypes does.
    for (let k = s.local ? rng.int(0, 2) : rng.int(3, 12); k > 0; k--) {
      if (!s.local) {
        s.net = rng.pick(infra)
        s.device = deviceId(seed, attacker.id, 10 + rng.below(5))
      }
      access(s, t, 'login_failed', 'credential_testing')
      t += rng.int(5, 90)
    }
    t += mins(s, 1, 120)
    access(s, t, 'login_success', 'takeover_login')
    access(s, (t += mins(s, 2, 10)), rng.chance(0.5) ? 'email_change' : 'password_change', 'credential_change')
    return t + mins(s, 5, 30)
  }
  if (subtype === 'session_hijacking') {
    // The victim's own login; the stolen session cookie is then replayed from the attacker's machine.
    access(s, t, 'login_success', 'legitimate_login', true)
    access(s, (t += mins(s, 5, 30)), 'login_success', 'takeover_login')
    return t + mins(s, 1, 15)
  }
  if (subtype === 'sim_swap') {
    access(s, t, 'phone_change', 'credential_change')
    access(s, (t += mins(s, 30, 60)), 'login_success', 'takeover_login')
    s.device = deviceId(seed, attacker.id, 40 + s.index)
    access(s, (t += mins(s, 1, 3)), 'device_added', 'device_added')
    access(s, (t += mins(s, 1, 5)), 'password_change', 'credential_change')
    return t + mins(s, 5, 20)
  }
  if (subtype === 'phishing') {
    lure(s, t)
    access(s, (t += mins(s, 20, 36 * 60)), 'login_success', 'takeover_login')
    if (rng.chance(0.6))
      access(s, (t += mins(s, 2, 10)), rng.chance(0.5) ? 'email_change' : 'password_change', 'credential_change')
    return t + mins(s, 5, 60)
  }
  // A trojan drives the victim's own device through a proxy (abroad unless the thief blends in), at night while the victim sleeps.
  const home = s.victim.person.residenceCountry
  const abroad = s.local
    ? home
    : attacker.residenceCountry !== home
      ? attacker.residenceCountry
      : rng.pick(countries.filter((c) => c.code !== home)).code
  s.device = deviceId(seed, s.victim.person.id, rng.below(2))
  s.net = { ip: ipAddress(seed, attacker.id, 20 + s.index, abroad), country: abroad }
  t = nightAfter(rng, t, home)
  access(s, t, 'login_success', 'takeover_login')
  return t + mins(s, 2, 20)
}

/** A payout's median USD at medium amount blending (2,500 ** 0.5 * 400 ** 0.5). */
const MEDIUM_PAYOUT_USD = 1_000

/** The payouts to the mules, one after another. */
function payOut(
  s: Session,
  subtype: Subtype,
  params: Params,
  mules: readonly Account[],
  t: number,
  paid: { amount: number; currency: string }[],
): void {
  const { ctx, victim: v } = s
  const { rng } = ctx
  // Blended amounts (amountBlending) move from the typology's large drain towards an ordinary transfer's size
  // (median $400, as background and camouflage transfers): a thief who stays under the radar takes less per payout.
  // Past medium the one payout moves instead towards the victim's own large one-off payment (a car, a deposit):
  // the sum the bank sees its customers send now and then, so a careful thief still takes a few thousand.
  const b = ctx.knobs.amountBlending
  const h = beyondMedium(ctx)
  const median = h > 0 ? MEDIUM_PAYOUT_USD ** (1 - h) * ownLargeUsd([v.person]) ** h : 2_500 ** (1 - b) * 400 ** b
  for (let k = 0; k < params.payoutsPerVictim; k++) {
    const to = mules[(s.index + k) % mules.length]
    const usd = clamp(lognormal(rng, median, 0.7 + 0.3 * b), 150 - 100 * b, 20_000)
    const major = 10 ** currencyByCode[v.account.currency].minorDigits
    let amount = usdToMinor(usd, v.account.currency)
    if (rng.chance(0.6)) amount = Math.max(major, Math.round(amount / (10 * major)) * 10 * major)
    // A payout abroad goes as a wire unless the thief blends in (accountBlending): background people send money
    // abroad as ordinary transfers and rarely wire to a person, so a wire between two persons would give it away.
    const kind = to.country === v.account.country || blends(ctx) ? 'transfer' : 'wire'
    s.steps.push({
      t,
      make: (at) =>
        s.rows.transactions.push(
          buildTransaction(rng, ctx.ids.next('transactions'), {
            timestamp: at,
            kind,
            from: v.account,
            to,
            amount,
            channel: kind === 'wire' ? 'swift' : s.channel === 'web' ? 'online' : 'mobile',
            patternId: ctx.patternId,
            patternRole: 'payout',
          }),
        ),
    })
    paid.push({ amount, currency: v.account.currency })
    t += mins(s, 1, subtype === 'malware' ? 8 : 15)
  }
}

/** Makes the planned rows at their final instants; returns how long the payouts ran after the takeover. */
function schedule(s: Session, windowStart: number): number {
  const { clock } = s.ctx
  const steps = s.steps
  // A sequence that would run past the window's end moves earlier, and is squeezed only when even that is not enough.
  const first = steps[0].t
  const span = steps[steps.length - 1].t - first
  const base = first + span < clock.end - 1 ? first : Math.max(windowStart, clock.end - 1 - span - steps.length)
  const f = base + span + steps.length < clock.end - 1 ? 1 : (clock.end - 1 - steps.length - base) / (span + 1)
  let prev = -Infinity
  const at = steps.map((x) => (prev = Math.max(prev + 1, base + Math.floor((x.t - first) * f))))
  steps.forEach((x, k) => x.make(at[k]))
  return at[at.length - 1] - at[Math.max(0, s.takeoverStep)]
}

interface Plan {
  readonly subtype: Subtype
  readonly params: Params
  readonly attackers: Person[]
  readonly mules: Account[]
  /** Each victim pays only their own mule (mules[vi]). */
  readonly oneEach: boolean
  readonly infra: Net[][]
  readonly campaign: number
  readonly window: { start: number; end: number }
}

/** One victim's account taken over and emptied; returns how long after the takeover the last payout went. */
function takeOver(
  ctx: InjectContext,
  plan: Plan,
  v: Victim,
  vi: number,
  rows: Rows,
  paid: { amount: number; currency: string }[],
): number {
  const { rng, world } = ctx
  const seed = world.seedKey
  const { subtype, window: w } = plan
  const len = w.end - w.start
  const ai = vi % plan.attackers.length
  const attacker = plan.attackers[ai]
  const home = v.person.residenceCountry
  // Bots and replayed session cookies work through the web; other attackers use whichever channel.
  const channel: Channel =
    subtype === 'credential_stuffing' || subtype === 'session_hijacking'
      ? 'web'
      : rng.chance(0.62)
        ? 'mobile_app'
        : 'web'
  // A careful thief (accountBlending) logs in through a residential proxy in the victim's country, and part of the
  // time on a spoofed copy of the victim's device fingerprint, as fraud kits do to pass device and location checks.
  const local = blends(ctx)
  const away = local || !(rng.chance(0.65) && attacker.residenceCountry !== home) ? home : attacker.residenceCountry
  const b = ctx.knobs.accountBlending
  const spoofed = b > 0 && rng.chance(0.5 * b)
  const s: Session = {
    ctx,
    rows,
    victim: v,
    index: vi,
    attacker,
    channel,
    steps: [],
    local,
    device: spoofed ? deviceId(seed, v.person.id, rng.below(2)) : deviceId(seed, attacker.id, vi % 2),
    net: { ip: ipAddress(seed, attacker.id, 20 + vi, away), country: away },
    takeoverStep: -1,
  }
  const start =
    subtype === 'credential_stuffing'
      ? plan.campaign + rng.below(4 * HOUR)
      : humanTime(rng, w.start, w.start + Math.floor(len * 0.6), attacker.residenceCountry)
  const t = intrude(s, subtype, plan.infra[ai], start)
  payOut(s, subtype, plan.params, plan.oneEach ? [plan.mules[vi]] : plan.mules, t, paid)
  return schedule(s, w.start)
}

export const accountTakeover = definePattern({
  ...accountTakeoverSpec,
  inject(ctx, params) {
    const { rng, world } = ctx
    const seed = world.seedKey
    const subtype: Subtype = params.subtype === 'any' ? rng.pick(SUBTYPES) : params.subtype
    const w = chooseWindow(rng, world, 10)
    const len = w.end - w.start
    const rows: Rows = { persons: [], accounts: [], transactions: [], communications: [], access_events: [] }
    const members: Member[] = []
    const victims = chooseVictims(ctx, params.victims, w.start, rows)
    const attackers = chooseAttackers(
      ctx,
      params.attackers,
      dayOf(w.start),
      victims.map((v) => v.person.id),
      rows,
    )
    const used: string[] = [...victims, ...attackers.map((a) => ({ person: a }))].map((x) => x.person.id)
    // A careful crew (accountBlending) empties each victim into a mule of their own in the victim's country: a mule
    // paid by several strangers, or from abroad, is what gives a shared mule away.
    const oneEach = blends(ctx)
    const mules = oneEach
      ? victims.flatMap((v, k) => {
          const [m] = chooseMules(ctx, 1, v.account.country, w.start, used, rows, members, k)
          used.push(m.ownerId)
          return [m]
        })
      : chooseMules(
          ctx,
          Math.min(params.victims * params.payoutsPerVictim, rng.int(1, Math.min(4, params.victims + 1))),
          victims[0].account.country,
          w.start,
          used,
          rows,
          members,
        )
    for (const v of victims)
      members.push(unwittingMember('person', v.person.id, 'victim'), member('account', v.account.id, 'victim'))
    for (const a of attackers) members.push(member('person', a.id, 'attacker'))

    // Credential stuffing runs from shared attack infrastructure: a few proxy IPs and bot fingerprints per attacker.
    const infra = attackers.map((a) =>
      Array.from({ length: 3 }, (_, j) => {
        const country = j === 0 ? a.residenceCountry : rng.pick(countries).code
        return { ip: ipAddress(seed, a.id, 1 + j, country), country }
      }),
    )
    // Attackers keep their own working hours, which is what puts their logins at odd hours for a victim abroad.
    const campaign = humanTime(rng, w.start, w.start + Math.floor(len * 0.5), attackers[0].residenceCountry)
    const plan: Plan = { subtype, params, attackers, mules, oneEach, infra, campaign, window: w }
    const paid: { amount: number; currency: string }[] = []
    let longest = 0
    victims.forEach((v, vi) => (longest = Math.max(longest, takeOver(ctx, plan, v, vi, rows, paid))))

    // One currency for the total: the victims' own when they share it, else USD at the fixed rates.
    const cur = paid.every((x) => x.currency === paid[0].currency) ? paid[0].currency : 'USD'
    const sum = paid.reduce(
      (acc, x) => acc + (x.currency === cur ? x.amount : convertMinor(x.amount, x.currency, cur).minor),
      0,
    )
    const who =
      attackers.length === 1 ? `Attacker ${attackers[0].id}` : `Attackers ${attackers.map((a) => a.id).join(', ')}`
    const minutes = Math.max(1, Math.round(longest / MINUTE))
    const within = minutes <= 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`
    const narrative =
      `${who} took over ${victims.length} account${victims.length === 1 ? '' : 's'} via ${SUBTYPE_WORDS[subtype]} and paid out ${moneyText(sum, cur)} ` +
      `to ${mules.length} mule account${mules.length === 1 ? '' : 's'}, every payout within ${within} of its account's takeover`
    return { subtype, members, rows, currency: cur, totalMinor: sum, narrative }
  },
})
