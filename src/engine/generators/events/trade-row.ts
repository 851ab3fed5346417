import { exchanges, type Exchange } from '../../reference/exchanges.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Trade } from '../../model/tables/trades.ts'
import type { World } from '../../model/world.ts'
import { usdToMinor } from '../../model/money.ts'
import { DAY, MINUTE } from '../../model/time.ts'
import { hashString, unitHash } from '../../random/hash.ts'
import type { Rng } from '../../random/rng.ts'

export const exchangeByCode = new Map(exchanges.map((e) => [e.code, e]))

/** Is the exchange's regular session open at instant t (weekdays; sessions may wrap midnight UTC)? */
export function isOpen(ex: Exchange, t: number): boolean {
  const day = Math.floor(t / DAY)
  const minute = Math.floor((t - day * DAY) / MINUTE)
  const wd = (((day + 3) % 7) + 7) % 7
  if (ex.openUtcMinute < ex.closeUtcMinute) return wd < 5 && minute >= ex.openUtcMinute && minute < ex.closeUtcMinute
  // A session that wraps midnight UTC (Sydney) belongs to the local trading day, which starts the evening before.
  return minute >= ex.openUtcMinute ? wd !== 4 && wd !== 5 : minute < ex.closeUtcMinute && wd < 5
}

/** End of the exchange's regular session that closes during UTC day d (null when it does not trade that day). */
export function sessionClose(ex: Exchange, d: number): number | null {
  for (let m = 1439; m >= 0; m--) {
    const t = d * DAY + m * MINUTE
    if (isOpen(ex, t) && !isOpen(ex, t + MINUTE)) return t + MINUTE
  }
  return null
}

/** The product of (1 + effect) of the company's announcements released at or before t: the jumps in its price path. */
function announcementFactor(world: World, company: Company, t: number): number {
  const ci = world.companyIndex.get(company.id)
  if (ci === undefined) return 1
  let factor = 1
  for (const a of world.announcementsOf[ci] ?? []) {
    if (a.timestamp > t) break
    factor *= 1 + a.priceEffectPct / 100
  }
  return factor
}

/**
 * Share price of a listed company at instant t, in minor units of the exchange currency: a smooth, seeded path
 * (two slow waves and daily noise) that jumps by each announcement's effect once it is out, so trades before news
 * are informed and trades after it see the new price. A pure function of (seed, company, t) and the trade's own
 * draw, so every trade is index-addressable without shared state.
 */
export function sharePrice(world: World, company: Company, currency: string, t: number, minuteNoise: number): number {
  const key = hashString(company.id) ^ world.seedKey
  const day = Math.floor(t / DAY)
  const baseUsd = 8 + 240 * unitHash(key, 1) * unitHash(key, 2)
  const phase1 = unitHash(key, 3) * 6.283
  const phase2 = unitHash(key, 4) * 6.283
  const drift =
    0.22 * Math.sin(day / 47 + phase1) + 0.09 * Math.sin(day / 9 + phase2) + 0.015 * (unitHash(key, 5, day) - 0.5)
  const level = baseUsd * Math.exp(drift) * announcementFactor(world, company, t)
  return Math.max(1, usdToMinor(level * (1 + 0.004 * (minuteNoise - 0.5)), currency))
}

export interface TradeSpec {
  readonly timestamp: number
  readonly person: Person
  readonly account: Account
  readonly company: Company
  readonly side: 'buy' | 'sell'
  /** Target value in USD; quantity is rounded to whole shares (at least 1). */
  readonly valueUsd: number
  readonly orderType?: Trade['orderType']
  readonly patternId?: Trade['patternId']
  readonly patternRole?: string | null
}

/** One trade; background and insider trades share this, so quantities and prices follow the same rules. */
export function buildTrade(rng: Rng, world: World, id: Trade['id'], s: TradeSpec): Trade {
  const ex = exchangeByCode.get(s.company.exchange ?? '') ?? exchanges[0]
  const currency = ex.currency
  const price = sharePrice(world, s.company, currency, s.timestamp, rng.next())
  const priceUsdMinor = usdToMinor(1, currency)
  const quantity = Math.max(
    1,
    Math.round((s.valueUsd * priceUsdMinor) / price / (s.valueUsd > 20_000 ? 10 : 1)) * (s.valueUsd > 20_000 ? 10 : 1),
  )
  const o = rng.next()
  return {
    id,
    timestamp: s.timestamp,
    personId: s.person.id,
    accountId: s.account.id,
    companyId: s.company.id,
    ticker: s.company.ticker ?? '',
    exchange: ex.code,
    side: s.side,
    quantity,
    price,
    value: price * quantity,
    currency,
    orderType: s.orderType ?? (o < 0.55 ? 'market' : o < 0.93 ? 'limit' : 'stop'),
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
    isSuspicious: false,
  }
}
