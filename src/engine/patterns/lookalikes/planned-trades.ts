import { buildTrade, exchangeByCode, isOpen } from '../../generators/events/trade-row.ts'
import type { Announcement } from '../../model/tables/announcements.ts'
import { DAY, MINUTE } from '../../model/time.ts'
import { exchanges } from '../../reference/exchanges.ts'
import { lognormal } from '../../random/distributions.ts'
import { moneyText } from '../money-text.ts'
import { member, usableAccountOf } from '../select.ts'
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

/**
 * An officer or director selling (or buying) their own company's shares on a plan fixed months ahead (a 10b5-1
 * plan, a vesting sale), on a regular schedule whatever the news: any-trade-by-an-insider rules flag it.
 */
export const plannedTradesLookalike = defineLookalike(insiderTradingSpec, {
  kind: 'plannedInsiderTrades',
  resembles: 'insiderTrading',
  label: 'Pre-scheduled executive trades (look-alike)',
  description:
    "An officer or director trading their own company's shares on a plan fixed in advance (monthly or quarterly, whatever the news, often days before an announcement): benign, but trips insider-trade and pre-announcement rules.",
  inject(ctx, params) {
    const { rng, world, clock } = ctx
    // Officers and directors on record who hold an investment account for the whole window.
    const candidates: { person: number; company: number; account: number }[] = []
    for (let tries = 0; tries < 60 && candidates.length === 0 && world.listedCompanies.length > 0; tries++) {
      const ci = rng.pick(world.listedCompanies)
      for (const r of world.ownershipOf[ci] ?? []) {
        const o = world.ownership[r]
        if (o.ownerType !== 'person' || (o.role !== 'officer' && o.role !== 'director')) continue
        const p = world.personIndex.get(o.ownerId)
        if (p === undefined) continue
        const a = usableAccountOf(world, p, clock.start, clock.end - 1, ['investment'])
        if (a >= 0) candidates.push({ person: p, company: ci, account: a })
      }
    }
    if (candidates.length === 0) return nobody('officer with an investment account')
    const pick = rng.pick(candidates)
    const person = world.persons[pick.person]
    const company = world.companies[pick.company]
    const account = world.accounts[pick.account]
    const ex = exchangeByCode.get(company.exchange ?? '') ?? exchanges[0]
    const monthly = rng.chance(0.5)
    const every = (monthly ? 30 : 91) * DAY
    // The plan's side is fixed when it is signed, whatever news comes: mostly sales (vesting, diversifying).
    const side =
      params.direction === 'any' ? (rng.chance(0.7) ? 'sell' : 'buy') : params.direction === 'buy' ? 'buy' : 'sell'
    const valueUsd = lognormal(rng, 30_000, 0.5)
    const rows: Pick<PatternRows, 'trades'> = { trades: [] }
    const news = planAnchor(ctx, world.announcementsOf[pick.company] ?? [])
    const offset = news === null ? rng.below(every) : (((news - clock.start) % every) + every) % every
    for (let t0 = clock.start + offset; t0 < clock.end - DAY; t0 += every) {
      // The plan's date, or the next session after it.
      let t = t0 - (t0 % DAY) + ex.openUtcMinute * MINUTE + rng.int(5, 120) * MINUTE
      for (let k = 0; k < 6 && !isOpen(ex, t); k++) t += DAY
      if (!isOpen(ex, t) || t >= clock.end) continue
      rows.trades.push(
        buildTrade(rng, world, ctx.ids.next('trades'), {
          timestamp: t,
          person,
          account,
          company,
          side,
          valueUsd: valueUsd * (0.9 + 0.2 * rng.next()),
          patternId: ctx.patternId,
          patternRole: 'planned_trade',
        }),
      )
    }
    const total = rows.trades.reduce((s, t) => s + t.value, 0)
    const currency = rows.trades[0]?.currency ?? null
    return {
      subtype: monthly ? 'monthly_plan' : 'quarterly_plan',
      members: [
        member('person', person.id, 'plan_holder'),
        member('account', account.id, 'plan_account'),
        member('company', company.id, 'issuer'),
      ],
      rows,
      currency,
      totalMinor: currency === null ? null : total,
      narrative: `${person.id}, an officer or director of ${company.id}, made ${rows.trades.length} pre-scheduled ${side}s of its shares from ${account.id} on a ${monthly ? 'monthly' : 'quarterly'} plan${currency ? ` (${moneyText(total, currency)})` : ''}, whatever the news${beforeNews(rows.trades, world.announcementsOf[pick.company] ?? [])}.`,
    }
  },
})
