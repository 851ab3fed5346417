import type { Trade } from '../../model/tables/trades.ts'
import { exchanges } from '../../reference/exchanges.ts'
import { DAY, HOUR } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import { pickActiveAccount, timedStream, type EventContext, type EventStream } from './context.ts'
import { Timeline } from './timeline.ts'
import { buildTrade, exchangeByCode, isOpen } from './trade-row.ts'

/** Background trades: only while an exchange with listed companies of ours is open, so timestamps fall in market hours. */
export function tradeStream(ctx: EventContext, count: number): EventStream<Trade> {
  const { world } = ctx
  const listed = world.listedCompanies
  const used = exchanges.filter((e) => listed.some((c) => world.companies[c].exchange === e.code))
  const timeline = new Timeline(world.clock, (h, _wd, _dom, day) => {
    let open = 0
    for (const e of used) if (isOpen(e, day * DAY + h * HOUR + 1800)) open++
    return open
  })
  return timedStream(ctx, count, timeline, (rng, id, timestamp) => {
    const openNow = listed.filter((c) =>
      isOpen(exchangeByCode.get(world.companies[c].exchange ?? '') ?? exchanges[0], timestamp),
    )
    const company = world.companies[rng.pick(openNow.length > 0 ? openNow : listed)]
    let a = pickActiveAccount(rng, world, world.investmentAccounts, timestamp)
    if (a < 0) a = world.investmentAccounts[rng.below(world.investmentAccounts.length)]
    const person = world.persons[world.accountOwner[a]]
    return buildTrade(rng, world, id, {
      timestamp,
      person,
      account: world.accounts[a],
      company,
      side: rng.chance(0.53) ? 'buy' : 'sell',
      valueUsd: lognormal(rng, 4_000, 1.2),
    })
  })
}
