import { buildAccessEvent, deviceId, ipAddress } from '../../generators/events/access-row.ts'
import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { buildTravel } from '../../generators/events/travels.ts'
import { usdToMinor } from '../../model/money.ts'
import { DAY, HOUR, MINUTE } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import { humanTime, keepsHumanHours, onPaymentDay } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { beyondMedium, ownLargeUsd } from '../own-large-payment.ts'
import { chooseWindow, member, pickPersonsWithAccounts } from '../select.ts'
import { accountTakeoverSpec } from '../specs/account-takeover.ts'
import { defineLookalike, type PatternRows } from '../types.ts'
import { pickBusiness } from './common.ts'

/** The median USD of an owner's payment after the login, at medium and below. */
const ORDINARY_USD = 250

/** Where people go on holiday or business. */
const DESTINATIONS = ['ES', 'FR', 'IT', 'US', 'GB', 'DE', 'PT', 'GR', 'TH', 'AE', 'JP', 'MX']

/**
 * A customer who gets a new phone, or travels and banks from abroad: a first login from an unseen device (and a
 * foreign network), then a payment out within hours — what an account-takeover rule alerts on, by the owner.
 */
export const travellerLookalike = defineLookalike(accountTakeoverSpec, {
  kind: 'newDeviceOwner',
  resembles: 'accountTakeover',
  label: 'New phone or traveller (look-alike)',
  description:
    'Customers who change phones or travel and log in from abroad, then pay a bill or send money within hours: benign, but trips new-device payout rules.',
  inject(ctx, params) {
    const { rng, world } = ctx
    const w = chooseWindow(rng, world, 30)
    const n = Math.max(1, params.victims)
    const found = pickPersonsWithAccounts(rng, world, n, w.start, w.end)
    const rows: Pick<PatternRows, 'transactions' | 'access_events' | 'travels'> = {
      transactions: [],
      access_events: [],
      travels: [],
    }
    const members = []
    const subtype = rng.chance(0.5) ? 'new_phone' : 'travel'
    let total = 0
    let currency: string | null = null
    const h = beyondMedium(ctx)
    for (const [k, f] of found.entries()) {
      const person = world.persons[f.person]
      const account = world.accounts[f.account]
      const home = person.residenceCountry
      let at = humanTime(rng, w.start + DAY, w.end - 2 * DAY, home)
      let country = home
      let ip = ipAddress(world.seedKey, person.id, 0, home)
      if (subtype === 'travel') {
        country = rng.pick(DESTINATIONS.filter((c) => c !== home))
        const trip = buildTravel(rng, ctx.ids.next('travels'), {
          person,
          departureAt: at - rng.int(2 * HOUR, 2 * DAY),
          fromCountry: home,
          toCountry: country,
          purpose: 'leisure',
          patternId: ctx.patternId,
          patternRole: 'trip',
        })
        rows.travels.push(trip)
        at = Math.max(at, trip.arrivalAt + HOUR)
        ip = ipAddress(world.seedKey, person.id, 10 + rng.below(1000), country)
      }
      // A new phone is a device the person never used: a slot past the background's usual two.
      const device =
        subtype === 'new_phone'
          ? deviceId(world.seedKey, person.id, 60 + k)
          : deviceId(world.seedKey, person.id, rng.below(2))
      const login = (t: number, kind: 'device_added' | 'login_success') =>
        rows.access_events.push(
          buildAccessEvent(rng, ctx.ids.next('access_events'), {
            timestamp: t,
            accountId: account.id,
            person,
            kind,
            deviceId: device,
            ipAddress: ip,
            country,
            patternId: ctx.patternId,
            patternRole: 'owner_login',
          }),
        )
      if (at >= ctx.clock.end - HOUR) continue
      login(at, subtype === 'new_phone' ? 'device_added' : 'login_success')
      const due = keepsHumanHours(ctx.knobs)
        ? humanTime(rng, at + 5 * MINUTE, at + 20 * HOUR, home)
        : at + rng.int(5 * MINUTE, 20 * HOUR)
      let payAt = Math.min(ctx.clock.end - 1, due)
      const drawn = lognormal(rng, ORDINARY_USD, 0.9)
      const payee = pickBusiness(ctx, payAt, payAt)
      if (!payee) continue
      const kind = rng.chance(0.5) ? 'bill_payment' : 'transfer'
      // Past medium a payment due at a weekend waits for the Monday as often as the background's do; the owner
      // logs in just before paying, so the login moves with it (still after any trip's arrival).
      const shift = onPaymentDay(ctx, payAt, home, kind) - payAt
      const open = (id: string) => payAt + shift <= world.accountTo[world.accountIndex.get(id) ?? -1]
      if (shift > 0 && open(account.id) && open(payee.account.id)) {
        const last = rows.access_events.length - 1
        rows.access_events[last] = {
          ...rows.access_events[last],
          timestamp: rows.access_events[last].timestamp + shift,
        }
        payAt += shift
      }
      // Past medium a takeover's payout grows towards the victim's own large one-off payment; an owner who sends
      // money from a new phone or abroad does too (a holiday, a deposit), so the sum tells thief from owner no more
      // than the login does. The same normal draw, rescaled: medium and easy keep their bytes.
      const grow = kind === 'transfer' && h > 0 ? (ownLargeUsd([person]) / ORDINARY_USD) ** h : 1
      const amount = usdToMinor(Math.round(drawn * grow * 100) / 100, account.currency)
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: payAt,
          kind,
          from: account,
          to: payee.account,
          amount,
          patternId: ctx.patternId,
          patternRole: 'owner_payment',
        }),
      )
      total += currency === null || currency === account.currency ? amount : 0
      currency ??= account.currency
      members.push(member('person', person.id, 'account_owner'), member('account', account.id, 'account_owner'))
    }
    rows.transactions.sort((a, b) => a.timestamp - b.timestamp)
    rows.access_events.sort((a, b) => a.timestamp - b.timestamp)
    return {
      subtype,
      members,
      rows,
      currency,
      totalMinor: currency === null ? null : total,
      narrative: `${members.length / 2} customer${members.length === 2 ? '' : 's'} ${subtype === 'travel' ? 'travelled and logged in from abroad' : 'set up a new phone'} and paid out within hours (${currency ? moneyText(total, currency) : 'nothing'} in all): the owners themselves.`,
    }
  },
})
