import { buildTrade, exchangeByCode, isOpen } from '../../generators/events/trade-row.ts'
import type { Announcement } from '../../model/tables/announcements.ts'
import { DAY, MINUTE } from '../../model/time.ts'
import { exchanges } from '../../reference/exchanges.ts'
import { lognormal } from '../../random/distributions.ts'
import { shuffle } from '../../random/sampling.ts'
import { moneyText } from '../money-text.ts'
import { isAdultOn } from '../human-time.ts'
import { dayOf, member, openAccount, usableAccountOf } from '../select.ts'
import { insiderTradingSpec } from '../specs/insider-trading.ts'
import { defineLookalike, type InjectContext, type PatternRows } from '../types.ts'
import { nobody } from './common.ts'

/**
 * Where the plan's dates fall: for most plans, one date a few days before a real announcement of the issuer (the
 * schedule was fixed months ahead; earnings come every quarter, so plan dates often land just before them). The
 * news then moves the price for or against the plan's side by chance. null: anywhere.
 */
function planAnchor(ctx: InjectContext, news: readonly Announcement[]): number | null {
  const { rng, clock } = ctx
  const inWindow = news.filter((a) => a.timestamp > clock.start + 12 * DAY && a.timestamp < clock.end)
  if (inWindow.length === 0 || !rng.chance(0.6)) return null
  return rng.pick(inWindow).timestamp - rng.int(2, 9) * DAY
}

/** The plan's first trade that came within 10 days before an announcement, as a clause, else nothing. */
function beforeNews(trades: readonly { timestamp: number }[], news: readonly Announcement[]): string {
  for (const t of trades)
    for (const a of news)
      if (a.timestamp > t.timestamp && a.timestamp - t.timestamp <= 10 * DAY)
        return ` (one ${Math.ceil((a.timestamp - t.timestamp) / DAY)} days before announcement ${a.id}, ${a.priceEffectPct > 0 ? '+' : ''}${a.priceEffectPct} %)`
  return ''
}

/** Most plan holders of one issuer: a board's vesting date covers a handful of its officers and directors. */
const MAX_HOLDERS = 4

/**
 * The officers and directors of a listed company who join its plan: up to MAX_HOLDERS adults on record, those who
 * already hold an investment account first. An empty list when the first companies tried have none.
 */
function planHolders(ctx: InjectContext): { company: number; persons: number[] } | null {
  const { rng, world, clock } = ctx
  const day = dayOf(clock.start)
  for (let tries = 0; tries < 60 && world.listedCompanies.length > 0; tries++) {
    const ci = rng.pick(world.listedCompanies)
    const withAccount: number[] = []
    const without: number[] = []
    for (const r of world.ownershipOf[ci] ?? []) {
      const o = world.ownership[r]
      if (o.ownerType !== 'person' || (o.role !== 'officer' && o.role !== 'director')) continue
      const p = world.personIndex.get(o.ownerId)
      if (p === undefined || !isAdultOn(world.persons[p], day) || withAccount.includes(p) || without.includes(p))
        continue
      ;(usableAccountOf(world, p, clock.start, clock.end - 1, ['investment']) >= 0 ? withAccount : without).push(p)
    }
    if (withAccount.length + without.length === 0) continue
    const n = Math.min(withAccount.length + without.length, rng.int(1, MAX_HOLDERS))
    return { company: ci, persons: [...withAccount, ...shuffle(rng, without)].slice(0, n) }
  }
  return null
}

/**
 * Officers and directors selling (or buying) their own company's shares on a plan fixed months ahead (a 10b5-1
 * plan, the board's vesting sales), on a regular schedule whatever the news: any-trade-by-an-insider rules flag
 * each of them. A holder without an investment account has one opened for the plan (a plan administrator's
 * brokerage account), so ordinary investment accounts that trade are not only the crimes' and the planners'.
 */
export const plannedTradesLookalike = defineLookalike(insiderTradingSpec, {
  kind: 'plannedInsiderTrades',
  resembles: 'insiderTrading',
  label: 'Pre-scheduled executive trades (look-alike)',
  description:
    "Officers and directors trading their own company's shares on a plan fixed in advance (monthly or quarterly, whatever the news, often days before an announcement): benign, but trips insider-trade and pre-announcement rules.",
  inject(ctx, params) {
    const { rng, world, clock } = ctx
    const board = planHolders(ctx)
    if (board === null) return nobody('officer of a listed company')
    const company = world.companies[board.company]
    const rows: Pick<PatternRows, 'trades' | 'accounts'> = { trades: [], accounts: [] }
    const members = [member('company', company.id, 'issuer')]
    const holders = board.persons.map((p) => {
      const person = world.persons[p]
      const a = usableAccountOf(world, p, clock.start, clock.end - 1, ['investment'])
      const startDay = dayOf(clock.start)
      const account =
        a >= 0
          ? world.accounts[a]
          : openAccount(ctx, { type: 'person', row: person }, 'investment', startDay - 900, startDay - 30)
      if (a < 0) rows.accounts.push(account)
      members.push(member('person', person.id, 'plan_holder'), member('account', account.id, 'plan_account'))
      // Each holder's own stake, sold in equal slices.
      return { person, account, valueUsd: lognormal(rng, 30_000, 0.5) }
    })
    const ex = exchangeByCode.get(company.exchange ?? '') ?? exchanges[0]
    const monthly = rng.chance(0.5)
    const every = (monthly ? 30 : 91) * DAY
    // The plan's side is fixed when it is signed, whatever news comes: mostly sales (vesting, diversifying).
    const side =
      params.direction === 'any' ? (rng.chance(0.7) ? 'sell' : 'buy') : params.direction === 'buy' ? 'buy' : 'sell'
    const news = planAnchor(ctx, world.announcementsOf[board.company] ?? [])
    const offset = news === null ? rng.below(every) : (((news - clock.start) % every) + every) % every
    for (let t0 = clock.start + offset; t0 < clock.end - DAY; t0 += every) {
      // The plan's date, or the next session after it.
      let t = t0 - (t0 % DAY) + ex.openUtcMinute * MINUTE + rng.int(5, 120) * MINUTE
      for (let k = 0; k < 6 && !isOpen(ex, t); k++) t += DAY
      if (!isOpen(ex, t) || t >= clock.end) continue
      for (const h of holders)
        rows.trades.push(
          buildTrade(rng, world, ctx.ids.next('trades'), {
            // The administrator works through the holders' orders one after another.
            timestamp: Math.min(clock.end - 1, (t += rng.int(1, 20) * MINUTE)),
            person: h.person,
            account: h.account,
            company,
            side,
            valueUsd: h.valueUsd * (0.9 + 0.2 * rng.next()),
            patternId: ctx.patternId,
            patternRole: 'planned_trade',
          }),
        )
    }
    const total = rows.trades.reduce((s, t) => s + t.value, 0)
    const currency = rows.trades[0]?.currency ?? null
    const who =
      holders.length === 1
        ? `${holders[0].person.id}, an officer or director of ${company.id}, made`
        : `${holders.length} officers and directors of ${company.id} (${holders.map((h) => h.person.id).join(', ')}) made`
    return {
      subtype: monthly ? 'monthly_plan' : 'quarterly_plan',
      members,
      rows,
      currency,
      totalMinor: currency === null ? null : total,
      narrative: `${who} ${rows.trades.length} pre-scheduled ${side}s of its shares on a ${monthly ? 'monthly' : 'quarterly'} plan${currency ? ` (${moneyText(total, currency)})` : ''}, whatever the news${beforeNews(rows.trades, world.announcementsOf[board.company] ?? [])}.`,
    }
  },
})
