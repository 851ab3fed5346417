import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { DAY } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import { paymentTime } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { chooseWindow, member } from '../select.ts'
import { structuringSpec } from '../specs/structuring.ts'
import { thresholdMinor } from '../structuring.ts'
import { defineLookalike, type PatternRows } from '../types.ts'
import { nobody, pickBusiness } from './common.ts'

/** Trades whose takings are mostly cash (the reason their deposits bunch near the reporting threshold). */
const CASH_SUBTYPES = ['restaurant', 'market_stall', 'car_dealer', 'convenience_store'] as const

/**
 * A cash-heavy business banking its takings: several deposits a week, many of them just under the reporting
 * threshold (a full till, a day's sales, a used car paid in cash) and others well below or above it. It trips the
 * near-threshold rule and is ordinary trade.
 */
export const cashBusiness = defineLookalike(structuringSpec, {
  kind: 'cashBusiness',
  resembles: 'structuring',
  label: 'Cash-heavy business (look-alike)',
  description:
    'A shop, restaurant or dealer depositing its cash takings several times a week, often just under the reporting threshold: benign, but trips near-threshold rules.',
  inject(ctx, params) {
    const { rng, world } = ctx
    const days = Math.min(world.clock.days, Math.max(14, params.windowDays * 3))
    const w = chooseWindow(rng, world, days)
    const fits = (currency: string) =>
      params.currency === 'any' ? thresholdMinor(currency) !== null : currency === params.currency
    const found = pickBusiness(ctx, w.start, w.end, (_c, a) => fits(a.currency))
    if (!found) return nobody('business with an account in a threshold currency')
    const { company, account, index } = found
    const limit = thresholdMinor(account.currency) as number
    const staff = world.employeesOf[index] ?? []
    const subtype = rng.pick(CASH_SUBTYPES)
    const n = Math.max(6, Math.round(params.deposits * (0.8 + 0.6 * rng.next())))
    const rows: Pick<PatternRows, 'transactions'> = { transactions: [] }
    let total = 0
    let near = 0
    // The busy stretch (a festival, the holiday season): the first few deposits, a full till each, within ten days.
    const busy = Math.min(n, rng.int(3, 4))
    const busyStart = w.start + rng.below(Math.max(1, w.end - w.start - 10 * DAY))
    for (let i = 0; i < n; i++) {
      // A till's takings: often a full day's cash just under the limit, else whatever the day brought in.
      const close = i < busy || rng.chance(0.55)
      const margin = i < busy || rng.chance(0.5) ? Math.min(10, params.marginPct) : params.marginPct
      const share = close ? 1 - (rng.next() * margin) / 100 : lognormal(rng, 0.45, 0.6)
      const note = 10 ** Math.max(0, Math.floor(Math.log10(limit)) - 3)
      const amount = Math.max(note, Math.floor((limit * Math.min(share, close ? 0.9999 : 1.6)) / note) * note)
      if (amount >= limit * 0.9 && amount < limit) near++
      const t =
        i < busy
          ? paymentTime(
              ctx,
              busyStart + Math.floor((i * 9 * DAY) / busy),
              busyStart + Math.floor(((i + 1) * 9 * DAY) / busy),
              account.country,
              'cash_deposit',
            )
          : paymentTime(ctx, w.start, w.end, account.country, 'cash_deposit')
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: t,
          kind: 'cash_deposit',
          from: null,
          to: account,
          amount,
          city: company.city,
          conductorId: staff.length > 0 ? world.persons[rng.pick(staff)].id : null,
          patternId: ctx.patternId,
          patternRole: 'takings_deposit',
        }),
      )
      total += amount
    }
    rows.transactions.sort((a, b) => a.timestamp - b.timestamp)
    const members = [member('company', company.id, 'cash_business'), member('account', account.id, 'takings_account')]
    const spanDays = Math.round((w.end - w.start) / DAY)
    return {
      subtype,
      members,
      rows,
      currency: account.currency,
      totalMinor: total,
      narrative: `${company.id} (${subtype.replace('_', ' ')}) banked ${n} cash takings totalling ${moneyText(total, account.currency)} into ${account.id} over ${spanDays} days, ${near} of them just under the reporting threshold.`,
    }
  },
})
