import type { ParamValues } from '../config/params.ts'
import { buildAccessEvent, deviceId, ipAddress, networkSlot } from '../generators/events/access-row.ts'
import type { AccessEvent } from '../model/tables/access-events.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY, formatDate } from '../model/time.ts'
import { countryByCode } from '../reference/countries.ts'
import { shuffle } from '../random/sampling.ts'
import { bustOut, creditBuilding, muleNetwork, type RingMember, type RingMoney } from './fraud-ring-money.ts'
import { humanTime, isAdultOn, newAdult } from './human-time.ts'
import { moneyText } from './money-text.ts'
import {
  blends,
  chooseWindow,
  dayOf,
  member,
  openAccount,
  pickPersonsWithAccounts,
  usableAccountOf,
  type Member,
  unwittingMember,
} from './select.ts'
import { definePattern, type InjectContext } from './types.ts'
import { SUBTYPES, type Subtype, existingMembers, fraudRingSpec } from './specs/fraud-ring.ts'

type Params = ParamValues<(typeof fraudRingSpec)['params']>
type Window = { start: number; end: number }
type Victim = { person: Person; account: Account }

/** The ring lives in one country: its members' logins geolocate together and their money stays in one currency. */
function chooseHome(ctx: InjectContext, want: number): string {
  const { rng, world } = ctx
  const sizeOf = (code: string) => world.personsByCountry.get(code)?.length ?? 0
  for (let tries = 0; tries < 20 && world.persons.length > 0; tries++) {
    const code = world.persons[rng.below(world.persons.length)].residenceCountry
    if (sizeOf(code) >= want * 2) return code
  }
  return world.persons.length > 0
    ? world.persons.map((q) => q.residenceCountry).reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a))
    : 'GB'
}

interface Ring {
  readonly home: string
  readonly members: { person: Person; index: number }[]
  /** The new identities the ring registered (they become persons rows). */
  readonly persons: Person[]
  /** Whose phone and e-mail provider, and whose address, the registered identities copy. */
  readonly template: Person | null
  readonly source: Person | null
}

/**
 * Recruits from the population, then identities the ring registers: one phone, one street address and one e-mail
 * provider among them. Synthetic identities take a real resident's address (the "real" part of a synthetic identity).
 */
function formRing(
  ctx: InjectContext,
  subtype: Subtype,
  params: Params,
  shared: string[],
  openFrom: number,
  members: Member[],
): Ring {
  const { rng, world } = ctx
  const size = params.ringSize
  const want = existingMembers(subtype, params.sharedAttributes, size)
  const adult = (i: number) => isAdultOn(world.persons[i], openFrom - 30)
  // A recruit is a customer before the ring opens accounts in their name (customer_since ≤ every opened_at).
  const customer = (i: number) => (world.persons[i].customerSince ?? Infinity) <= openFrom
  const home = chooseHome(ctx, want)
  const recruits = shuffle(
    rng,
    (world.personsByCountry.get(home) ?? []).filter((i) => adult(i) && customer(i)),
  ).slice(0, want)
  const ring: { person: Person; index: number }[] = recruits.map((i) => ({ person: world.persons[i], index: i }))
  const locals = (world.personsByCountry.get(home) ?? []).filter((i) => !recruits.includes(i))
  const persons: Person[] = []
  let template: Person | null = null
  let source: Person | null =
    subtype === 'synthetic_identity' && shared.includes('address') && locals.length > 0
      ? world.persons[rng.pick(locals)]
      : null
  if (source) members.push(member('person', source.id, 'identity_source'))
  for (let k = 0; ring.length < size; k++) {
    const made = newAdult(
      ctx,
      `ring:${k}`,
      openFrom - 30,
      countryByCode[home],
      subtype === 'synthetic_identity' ? 32 : 55,
    )
    template ??= made
    source ??= made
    // At lower ring overlap only some identities copy the shared phone and address (the first is the template;
    // no draw at full overlap).
    const joins = ctx.knobs.ringOverlap >= 1 || k === 0 || rng.chance(ctx.knobs.ringOverlap)
    const person: Person = {
      ...made,
      // Synthetic identities are young on paper: a thin file that starts when the ring creates it.
      ...(subtype === 'synthetic_identity'
        ? { dateOfBirth: openFrom - 30 - 18 * 366 - rng.int(400, 400 + 7 * 365) }
        : {}),
      phone: shared.includes('phone') && joins ? template.phone : made.phone,
      ...(shared.includes('address') && joins
        ? { street: source.street, city: source.city, postalCode: source.postalCode }
        : {}),
      email: made.email.slice(0, made.email.indexOf('@')) + template.email.slice(template.email.indexOf('@')),
    }
    persons.push(person)
    ring.push({ person, index: -1 })
  }
  return { home, members: ring, persons, template, source }
}

/** Accounts: the leader's new hub account, then each member's own ring accounts, all opened within `span` days. */
function openRingAccounts(
  ctx: InjectContext,
  subtype: Subtype,
  ring: Ring,
  window: Window,
  openFrom: number,
  span: number,
  accounts: Account[],
): RingMember[] {
  const { rng, world } = ctx
  const day = () => openFrom + rng.int(0, span - 1)
  const open = (person: Person, type: Account['accountType'], on: number) => {
    const a = openAccount(ctx, { type: 'person', row: person }, type, on, on)
    accounts.push(a)
    return a
  }
  return ring.members.map(({ person, index }, k) => {
    const d = day()
    // Blended (accountBlending), a recruit runs the ring's money through their own everyday account and card, whose
    // ordinary spending and bills go on around it, rather than new accounts that do nothing else.
    const blended = index >= 0 && blends(ctx)
    const held = (type: Account['accountType']) => usableAccountOf(world, index, window.start, window.end - 1, [type])
    // A bust-out's recruits are customers with history, but the plain typology (no account blending) opens the
    // ring's accounts for every subtype.
    const history = index >= 0 && subtype === 'bust_out' && k > 0 && ctx.knobs.accountBlending > 0
    const existing = blended || history ? held('checking') : -1
    const checking = existing >= 0 ? world.accounts[existing] : open(person, 'checking', d)
    const heldCard = blended && subtype !== 'money_mule_network' ? held('credit_card') : -1
    const card =
      subtype === 'money_mule_network'
        ? null
        : heldCard >= 0
          ? world.accounts[heldCard]
          : open(person, 'credit_card', d + 1)
    return { person, checking, card }
  })
}

/** The money, by subtype: victims' payments through the mules, credit built and repaid, or the bust-out. */
function moveMoney(
  ctx: InjectContext,
  subtype: Subtype,
  params: Params,
  ring: Ring,
  team: RingMember[],
  window: Window,
  victims: Victim[],
): RingMoney {
  const { rng, world } = ctx
  const [hub, ...spokes] = team
  let money: RingMoney
  if (subtype === 'money_mule_network') {
    const ringIds = new Set(ring.members.map((r) => r.index))
    // Blended, the victims are the ring's neighbours: payments from abroad into a local mule would stand out.
    const local = blends(ctx)
    const found = pickPersonsWithAccounts(
      rng,
      world,
      Math.max(1, Math.ceil(params.transactions / 3)),
      window.start,
      window.end - 1,
      (q, i) => !ringIds.has(i) && isAdultOn(q, dayOf(window.start)) && (!local || q.residenceCountry === ring.home),
    )
    for (const v of found) victims.push({ person: world.persons[v.person], account: world.accounts[v.account] })
    money = muleNetwork(ctx, window.start, window.end, hub, spokes, victims, params.transactions)
  } else if (subtype === 'synthetic_identity')
    money = creditBuilding(ctx, window.start, window.end, hub, team, params.transactions)
  else money = bustOut(ctx, window.start, window.end, hub, team, params.transactions)
  money.transactions.sort((a, b) => a.timestamp - b.timestamp)
  return money
}

/** Online banking: members (or whoever runs their accounts) log in from the ring's device and network. */
function ringLogins(
  ctx: InjectContext,
  team: RingMember[],
  accounts: Account[],
  shared: string[],
  home: string,
  window: Window,
) {
  const { rng, world } = ctx
  const ringKey = `ring|${ctx.patternId}`
  const ringDevice = deviceId(world.seedKey, ringKey, 0)
  const ringIp = ipAddress(world.seedKey, ringKey, 0, home)
  const access: AccessEvent[] = []
  for (const m of team) {
    const opened = [m.checking, m.card].filter((a): a is Account => a !== null && accounts.includes(a))
    // A member who brought only their own account logs in to that.
    const own = opened.length > 0 ? opened : [m.checking]
    const times = Array.from({ length: rng.int(2, 4) }, () => humanTime(rng, window.start, window.end, home)).sort(
      (a, b) => a - b,
    )
    // At lower ring overlap some members bank from their own device and network only.
    const joins = ctx.knobs.ringOverlap >= 1 || rng.chance(ctx.knobs.ringOverlap)
    for (const [j, timestamp] of times.entries()) {
      // A member's first session from the ring's phone or laptop registers it as a new device.
      const kind =
        j === 0 && shared.includes('device') && joins ? 'device_added' : rng.chance(0.85) ? 'login_success' : 'logout'
      access.push(
        buildAccessEvent(rng, ctx.ids.next('access_events'), {
          timestamp,
          accountId: rng.pick(own).id,
          person: m.person,
          kind,
          deviceId:
            shared.includes('device') && joins
              ? ringDevice
              : deviceId(world.seedKey, m.person.id, rng.chance(0.7) ? 0 : 1),
          ipAddress:
            shared.includes('ip') && joins
              ? ringIp
              : ipAddress(world.seedKey, m.person.id, networkSlot(rng, false), home),
          country: home,
          patternId: ctx.patternId,
          patternRole: 'ring_login',
        }),
      )
    }
  }
  access.sort((a, b) => a.timestamp - b.timestamp)
  return { access, ringDevice, ringIp }
}

/** Members with their roles; victims whose money never moved (a short window) are left out. */
function ringRoles(
  subtype: Subtype,
  ring: Ring,
  team: RingMember[],
  victims: Victim[],
  money: RingMoney,
  members: Member[],
): Member[] {
  const [hub, ...spokes] = team
  const memberRole =
    subtype === 'money_mule_network' ? 'mule' : subtype === 'synthetic_identity' ? 'synthetic_identity' : 'ring_member'
  ring.members.forEach(({ person }, k) =>
    members.push(member('person', person.id, k === 0 ? 'ring_leader' : memberRole)),
  )
  members.push(member('account', hub.checking.id, 'hub'))
  for (const m of spokes)
    members.push(member('account', m.checking.id, subtype === 'money_mule_network' ? 'mule_account' : 'member_account'))
  for (const m of team) if (m.card) members.push(member('account', m.card.id, 'credit_card'))
  for (const v of victims)
    members.push(
      unwittingMember('person', v.person.id, 'victim'),
      unwittingMember('account', v.account.id, 'victim_account'),
    )
  const touched = new Set<string | null>(money.transactions.flatMap((t) => [t.fromAccountId, t.toAccountId]))
  const unused = new Set<string>(victims.filter((v) => !touched.has(v.account.id)).map((v) => v.person.id))
  return members.filter(
    (m) =>
      !(m.role === 'victim' && unused.has(m.entityId)) && !(m.role === 'victim_account' && !touched.has(m.entityId)),
  )
}

function narrate(
  subtype: Subtype,
  ring: Ring,
  hub: RingMember,
  accounts: Account[],
  shared: string[],
  logins: { ringDevice: string; ringIp: string },
  money: RingMoney,
  window: Window,
): string {
  const { template, source } = ring
  const opened = accounts.map((a) => a.openedAt)
  const openedText =
    opened.length > 0
      ? `opened ${accounts.length} accounts between ${formatDate(Math.min(...opened))} and ${formatDate(Math.max(...opened))}`
      : 'used their own accounts'
  const sharing = [
    shared.includes('phone') && template && `phone ${template.phone}`,
    shared.includes('address') && source && `address ${source.street}, ${source.city}`,
    shared.includes('device') && `device ${logins.ringDevice}`,
    shared.includes('ip') && `IP ${logins.ringIp}`,
  ]
    .filter(Boolean)
    .join(', ')
  const head = `${ring.members.length} persons led by ${hub.person.fullName} (${hub.person.id}) sharing ${sharing} ${openedText}`
  const total = moneyText(money.totalMinor, hub.checking.currency)
  const tail =
    subtype === 'money_mule_network'
      ? `took ${total} from ${money.victims > 0 ? `${money.victims} victims` : 'cash placements'} and passed it through hub ${hub.checking.id}`
      : subtype === 'synthetic_identity'
        ? `as synthetic identities built credit: ${total} spent on cards and repaid through hub ${hub.checking.id}`
        : `built credit for ${Math.max(1, Math.round((window.end - window.start) / (7 * DAY)))} weeks, then drew ${total} on their cards in a final burst, passed proceeds to hub ${hub.checking.id} and abandoned the cards`
  return `${head}, then ${tail} (${money.transactions.length} transactions)`
}

export const fraudRing = definePattern({
  ...fraudRingSpec,
  inject(ctx, params) {
    const { rng, world } = ctx
    const subtype: Subtype = params.subtype === 'any' ? rng.pick(SUBTYPES) : params.subtype
    const window = chooseWindow(rng, world, params.windowDays)
    const shared = params.sharedAttributes === 'all' ? ['phone', 'address', 'device', 'ip'] : [params.sharedAttributes]
    // Accounts open over a few days just before the ring becomes active.
    const span = Math.max(1, Math.min(6, Math.floor((window.end - window.start) / DAY / 6)))
    const openFrom = dayOf(window.start) - span - 1
    const members: Member[] = []
    const accounts: Account[] = []
    const ring = formRing(ctx, subtype, params, shared, openFrom, members)
    const team = openRingAccounts(ctx, subtype, ring, window, openFrom, span, accounts)
    const victims: Victim[] = []
    const money = moveMoney(ctx, subtype, params, ring, team, window, victims)
    const logins = ringLogins(ctx, team, accounts, shared, ring.home, window)
    const kept = ringRoles(subtype, ring, team, victims, money, members)
    return {
      subtype,
      members: kept,
      rows: { persons: ring.persons, accounts, transactions: money.transactions, access_events: logins.access },
      currency: team[0].checking.currency,
      totalMinor: money.totalMinor,
      narrative: narrate(subtype, ring, team[0], accounts, shared, logins, money, window),
    }
  },
})
