import { buildAccessEvent, deviceId, ipAddress } from '../../generators/events/access-row.ts'
import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { usdToMinor } from '../../model/money.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Person } from '../../model/tables/persons.ts'
import { DAY, HOUR } from '../../model/time.ts'
import { countryByCode } from '../../reference/countries.ts'
import { lognormal } from '../../random/distributions.ts'
import { humanTime, newAdult, paymentTime } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { chooseWindow, dayOf, member, openAccount, pickPersonsWithAccounts, type Member } from '../select.ts'
import { fraudRingSpec } from '../specs/fraud-ring.ts'
import { defineLookalike, type InjectContext, type PatternRows } from '../types.ts'
import { nobody, pickBusiness, pickCustomer } from './common.ts'

/** What a family collects money for, and pays on: a shared bill the head settles. */
const OCCASIONS = ['wedding', 'family_holiday', 'funeral', 'shared_car'] as const

type Rows = Pick<PatternRows, 'persons' | 'accounts' | 'transactions' | 'access_events'>

/** The head's relatives who move in or share the home: one address, one landline, the family tablet. */
function household(
  ctx: InjectContext,
  head: Person,
  n: number,
  day: number,
  rows: Rows,
): { person: Person; account: Account }[] {
  const out: { person: Person; account: Account }[] = []
  for (let k = 0; k < n; k++) {
    const made = newAdult(ctx, `household:${k}`, day - 30, countryByCode[head.residenceCountry], 80)
    const person: Person = {
      ...made,
      street: head.street,
      city: head.city,
      postalCode: head.postalCode,
      phone: head.phone,
      email: made.email.slice(0, made.email.indexOf('@')) + head.email.slice(head.email.indexOf('@')),
    }
    const account = openAccount(ctx, { type: 'person', row: person }, 'checking', day - 900, day - 20)
    rows.persons.push(person)
    rows.accounts.push(account)
    out.push({ person, account })
  }
  return out
}

/**
 * A household: relatives at one address sharing a phone number and the family's devices, and, once in the
 * window, money collected from five or more of them and friends within a week, paid on for a shared bill within
 * days. Shared identifiers plus fan-in then outflow: what a fraud-ring rule looks for, and family life.
 */
export const householdLookalike = defineLookalike(fraudRingSpec, {
  kind: 'household',
  resembles: 'fraudRing',
  label: 'Household (look-alike)',
  description:
    'Relatives sharing an address, a phone and devices who pool money for a shared bill (a wedding, a holiday): benign, but trips shared-identifier and fan-in rules.',
  inject(ctx, params) {
    const { rng, world } = ctx
    const w = chooseWindow(rng, world, Math.max(10, params.windowDays))
    const found = pickCustomer(ctx, w.start, ctx.clock.end - 1, ['checking'])
    if (!found) return nobody('customer with a checking account')
    const head = found.person
    const main = found.accounts[0]
    const rows: Rows = { persons: [], accounts: [], transactions: [], access_events: [] }
    const members: Member[] = [
      member('person', head.id, 'household_head'),
      member('account', main.id, 'household_head'),
    ]
    const day = dayOf(w.start)
    const family = household(ctx, head, rng.int(1, 3), day, rows)
    for (const f of family)
      members.push(
        member('person', f.person.id, 'household_member'),
        member('account', f.account.id, 'household_member'),
      )
    // Friends and relatives elsewhere chip in too (at least five senders in all).
    const friends = pickPersonsWithAccounts(
      rng,
      world,
      Math.max(2, 6 - family.length),
      w.start,
      w.end,
      (p) => p.residenceCountry === head.residenceCountry && p.id !== head.id,
    )
    // A small population may have too few neighbours: friends abroad send money too.
    if (family.length + friends.length < 5)
      friends.push(
        ...pickPersonsWithAccounts(
          rng,
          world,
          5 - family.length - friends.length,
          w.start,
          w.end,
          (p) => p.id !== head.id && friends.every((f) => world.persons[f.person].id !== p.id),
        ),
      )
    const senders: Account[] = [...family.map((f) => f.account), ...friends.map((f) => world.accounts[f.account])]
    const occasion = rng.pick(OCCASIONS)
    const collectEnd = w.start + Math.min(6 * DAY, w.end - w.start)
    let pooled = 0
    for (const from of senders) {
      const amount = usdToMinor(Math.round(lognormal(rng, 300, 0.6) / 10) * 10, from.currency)
      const t = paymentTime(ctx, w.start, collectEnd, head.residenceCountry, 'transfer')
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: t,
          kind: 'transfer',
          from,
          to: main,
          amount,
          patternId: ctx.patternId,
          patternRole: 'family_contribution',
        }),
      )
      pooled += from.currency === main.currency ? amount : 0
    }
    const last = Math.max(...rows.transactions.map((t) => t.timestamp))
    const vendor = pickBusiness(
      ctx,
      last,
      last + 3 * DAY,
      (c, a) => a.currency === main.currency && c.registrationCountry === head.residenceCountry,
    )
    if (vendor) {
      const t = Math.min(
        ctx.clock.end - 1,
        paymentTime(ctx, last + HOUR, last + 3 * DAY, head.residenceCountry, 'transfer'),
      )
      const amount = Math.max(1, Math.round(pooled * (0.85 + 0.25 * rng.next())))
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: t,
          kind: 'transfer',
          from: main,
          to: vendor.account,
          amount,
          patternId: ctx.patternId,
          patternRole: 'shared_bill',
        }),
      )
    }
    for (const f of friends) members.push(member('account', world.accounts[f.account].id, 'contributor'))
    // The family tablet and home network: every member's banking sessions come from them.
    const key = `household|${ctx.patternId}`
    const device = deviceId(world.seedKey, key, 0)
    const ip = ipAddress(world.seedKey, key, 0, head.residenceCountry)
    for (const m of [{ person: head, account: main }, ...family]) {
      for (let j = 0, n = rng.int(2, 4); j < n; j++) {
        rows.access_events.push(
          buildAccessEvent(rng, ctx.ids.next('access_events'), {
            timestamp: humanTime(rng, w.start, w.end, head.residenceCountry),
            accountId: m.account.id,
            person: m.person,
            kind: j === 0 && m.person !== head ? 'device_added' : 'login_success',
            deviceId: device,
            ipAddress: ip,
            country: head.residenceCountry,
            patternId: ctx.patternId,
            patternRole: 'household_login',
          }),
        )
      }
    }
    rows.access_events.sort((a, b) => a.timestamp - b.timestamp)
    return {
      subtype: occasion,
      members,
      rows,
      currency: main.currency,
      totalMinor: pooled,
      narrative: `${head.id} and ${family.length} relative${family.length === 1 ? '' : 's'} share ${head.street}, ${head.city}, phone ${head.phone} and device ${device}; ${senders.length} people sent ${moneyText(pooled, main.currency)} to ${main.id} for a ${occasion.replace('_', ' ')}${vendor ? `, paid on to ${vendor.account.id}` : ''}.`,
    }
  },
})
