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
import {
  chooseWindow,
  dayOf,
  member,
  openAccount,
  pickPersonsWithAccounts,
  usableAccountOf,
  type Member,
} from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, accountTakeoverSpec } from './specs/account-takeover.ts'

const SUBTYPE_WORDS: Record<Subtype, string> = {
  credential_stuffing: 'credential stuffing',
  session_hijacking: 'session hijacking',
  sim_swap: 'SIM swap',
  phishing: 'phishing',
  malware: 'banking malware',
}
/** Rough UTC offsets, so malware payouts land in the victim's night (not the dataset's UTC night); Central Europe otherwise. */
const UTC_OFFSET: Record<string, number> = {
  US: -5,
  CA: -5,
  MX: -6,
  BR: -3,
  PA: -5,
  BS: -5,
  KY: -5,
  VG: -4,
  BM: -4,
  GB: 0,
  IE: 0,
  JP: 9,
  KR: 9,
  CN: 8,
  HK: 8,
  SG: 8,
  IN: 5,
  AU: 10,
  NZ: 12,
  AE: 4,
  SA: 3,
  TR: 3,
  RU: 3,
  ZA: 2,
  MU: 4,
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

/** Mule accounts the attackers control: a recruited customer's own account, or a synthetic identity's new one. */
function chooseMules(
  ctx: InjectContext,
  n: number,
  country: string,
  from: number,
  used: readonly string[],
  rows: Rows,
  members: Member[],
): Account[] {
  const { world, rng, clock } = ctx
  const day = dayOf(from)
  const locals = world.personsByCountry.get(country) ?? []
  const out: Account[] = []
  for (let k = 0; k < n; k++) {
    const i = locals.length > 0 && rng.chance(0.5) ? locals[rng.below(locals.length)] : -1
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
      countryByCode[rng.chance(0.7) ? country : rng.pick(countries).code],
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

/** Hour of day (0–23) at instant t in `country`, by the rough offsets above. */
export function localHour(t: number, country: string): number {
  const local = t + (UTC_OFFSET[country] ?? 1) * HOUR
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR)
}

/** The next instant at 01:00–02:59 local time of `country` at or after t (payouts then finish before 05:00). */
function nightAfter(rng: InjectContext['rng'], t: number, country: string): number {
  const offset = (UTC_OFFSET[country] ?? 1) * HOUR
  const local = t + offset
  let night = Math.floor(local / DAY) * DAY + HOUR
  if (night + 2 * HOUR <= local) night += DAY
  return Math.max(t, night - offset + rng.below(2 * HOUR))
}

export const accountTakeover = definePattern({
  ...accountTakeoverSpec,
  inject(ctx, params) {
    const { rng, world, clock, patternId } = ctx
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
    const nMules = Math.min(params.victims * params.payoutsPerVictim, rng.int(1, Math.min(4, params.victims + 1)))
    const mules = chooseMules(
      ctx,
      nMules,
      victims[0].account.country,
      w.start,
      [...victims, ...attackers.map((a) => ({ person: a }))].map((x) => x.person.id),
      rows,
      members,
    )
    for (const v of victims)
      members.push(member('person', v.person.id, 'victim'), member('account', v.account.id, 'victim'))
    for (const a of attackers) members.push(member('person', a.id, 'attacker'))

    // Credential stuffing runs from shared attack infrastructure: a few proxy IPs and bot fingerprints per attacker.
    const infra = attackers.map((a) =>
      Array.from({ length: 3 }, (_, j) => {
        const country = j === 0 ? a.residenceCountry : rng.pick(countries).code
        return { ip: ipAddress(seed, a.id, 1 + j, country), country }
      }),
    )
    const campaign = humanTime(rng, w.start, w.start + Math.floor(len * 0.5))
    const paid: { amount: number; currency: string }[] = []
    /** A delay of a to b minutes, to the second (logs of real sessions do not tick in whole minutes). */
    const mins = (a: number, b: number) => rng.int(a * MINUTE, b * MINUTE)
    let longest = 0

    victims.forEach((v, vi) => {
      const ai = vi % attackers.length
      const attacker = attackers[ai]
      const home = v.person.residenceCountry
      const steps: Step[] = []
      // Bots and replayed session cookies work through the web; other attackers use whichever channel.
      const channel: Channel =
        subtype === 'credential_stuffing' || subtype === 'session_hijacking'
          ? 'web'
          : rng.chance(0.62)
            ? 'mobile_app'
            : 'web'
      const away = rng.chance(0.65) && attacker.residenceCountry !== home ? attacker.residenceCountry : home
      let device = deviceId(seed, attacker.id, vi % 2)
      let net = { ip: ipAddress(seed, attacker.id, 20 + vi, away), country: away }
      let takeoverStep = -1
      const access = (t: number, kind: AccessEvent['kind'], role: string, own = false) => {
        // Read device and network now: they change between steps and make() runs later.
        const spec = {
          accountId: v.account.id,
          person: v.person,
          kind,
          channel,
          patternId,
          patternRole: role,
          deviceId: own ? deviceId(seed, v.person.id, rng.below(2)) : device,
          ipAddress: own ? ipAddress(seed, v.person.id, 0, home) : net.ip,
          country: own ? home : net.country,
        }
        if (role === 'takeover_login' && takeoverStep < 0) takeoverStep = steps.length
        steps.push({
          t,
          make: (at) =>
            rows.access_events.push(buildAccessEvent(rng, ctx.ids.next('access_events'), { ...spec, timestamp: at })),
        })
      }
      let t =
        subtype === 'credential_stuffing'
          ? campaign + rng.below(4 * HOUR)
          : humanTime(rng, w.start, w.start + Math.floor(len * 0.6))
      if (subtype === 'credential_stuffing') {
        for (let k = rng.int(3, 12); k > 0; k--) {
          net = rng.pick(infra[ai])
          device = deviceId(seed, attacker.id, 10 + rng.below(5))
          access(t, 'login_failed', 'credential_testing')
          t += rng.int(5, 90)
        }
        t += mins(1, 120)
        access(t, 'login_success', 'takeover_login')
        access((t += mins(2, 10)), rng.chance(0.5) ? 'email_change' : 'password_change', 'credential_change')
        t += mins(5, 30)
      } else if (subtype === 'session_hijacking') {
        // The victim's own login; the stolen session cookie is then replayed from the attacker's machine.
        access(t, 'login_success', 'legitimate_login', true)
        access((t += mins(5, 30)), 'login_success', 'takeover_login')
        t += mins(1, 15)
      } else if (subtype === 'sim_swap') {
        access(t, 'phone_change', 'credential_change')
        access((t += mins(30, 60)), 'login_success', 'takeover_login')
        device = deviceId(seed, attacker.id, 40 + vi)
        access((t += mins(1, 3)), 'device_added', 'device_added')
        access((t += mins(1, 5)), 'password_change', 'credential_change')
        t += mins(5, 20)
      } else if (subtype === 'phishing') {
        steps.push({
          t,
          make: (at) =>
            rows.communications.push(
              buildCommunication(rng, ctx.ids.next('communications'), {
                timestamp: at,
                sender: attacker,
                recipient: v.person,
                channel: rng.chance(0.6) ? 'email' : 'sms',
                financeShare: 0.5,
                patternId,
                patternRole: 'phishing_lure',
              }),
            ),
        })
        access((t += mins(20, 36 * 60)), 'login_success', 'takeover_login')
        if (rng.chance(0.6))
          access((t += mins(2, 10)), rng.chance(0.5) ? 'email_change' : 'password_change', 'credential_change')
        t += mins(5, 60)
      } else {
        // A trojan drives the victim's own device through a proxy abroad, at night while the victim sleeps.
        const abroad =
          attacker.residenceCountry !== home
            ? attacker.residenceCountry
            : rng.pick(countries.filter((c) => c.code !== home)).code
        device = deviceId(seed, v.person.id, rng.below(2))
        net = { ip: ipAddress(seed, attacker.id, 20 + vi, abroad), country: abroad }
        t = nightAfter(rng, t, home)
        access(t, 'login_success', 'takeover_login')
        t += mins(2, 20)
      }
      for (let k = 0; k < params.payoutsPerVictim; k++) {
        const to = mules[(vi + k) % mules.length]
        const usd = clamp(lognormal(rng, 2_500, 0.7), 150, 20_000)
        const major = 10 ** currencyByCode[v.account.currency].minorDigits
        let amount = usdToMinor(usd, v.account.currency)
        if (rng.chance(0.6)) amount = Math.max(major, Math.round(amount / (10 * major)) * 10 * major)
        const kind = to.country === v.account.country ? 'transfer' : 'wire'
        steps.push({
          t,
          make: (at) =>
            rows.transactions.push(
              buildTransaction(rng, ctx.ids.next('transactions'), {
                timestamp: at,
                kind,
                from: v.account,
                to,
                amount,
                channel: kind === 'wire' ? 'swift' : channel === 'web' ? 'online' : 'mobile',
                patternId,
                patternRole: 'payout',
              }),
            ),
        })
        paid.push({ amount, currency: v.account.currency })
        t += mins(1, subtype === 'malware' ? 8 : 15)
      }
      // A sequence that would run past the window's end moves earlier, and is squeezed only when even that is not enough.
      const first = steps[0].t
      const span = steps[steps.length - 1].t - first
      const base = first + span < clock.end - 1 ? first : Math.max(w.start, clock.end - 1 - span - steps.length)
      const f = base + span + steps.length < clock.end - 1 ? 1 : (clock.end - 1 - steps.length - base) / (span + 1)
      let prev = -Infinity
      const at = steps.map((s) => (prev = Math.max(prev + 1, base + Math.floor((s.t - first) * f))))
      longest = Math.max(longest, at[at.length - 1] - at[Math.max(0, takeoverStep)])
      steps.forEach((s, k) => s.make(at[k]))
    })

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
