import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { moves, only, type Rule, type RuleContext } from './rule.ts'

const MIDDLES = 3
const HOP = 3 * DAY
/** Open source → sink routes are swept of stale ones once there are this many (then twice what a sweep left). */
const SWEEP_AT = 50_000

interface Route {
  first: number
  middles: number[]
}

/**
 * Scatter-gather: one account pays >= 3 distinct accounts, each of which pays the same other account within 3 days
 * of being paid, all within 6 days. Each account remembers only its latest payer; routes (source, sink) collect
 * their distinct middles and are swept of stale ones as they grow, so state stays bounded by the recent traffic.
 */
export function scatterGather(ctx: RuleContext): Rule {
  const n = ctx.accountCount
  const payer = new Int32Array(n).fill(-1)
  const paidAt = new Float64Array(n)
  const routes = new Map<number, Route>()
  const alerted = new Set<string>()
  let limit = SWEEP_AT
  // Amortised: a sweep runs only once the map has doubled since the last, however busy the window is.
  const sweep = (now: number) => {
    for (const [key, r] of routes) if (now - r.first > 2 * HOP) routes.delete(key)
    limit = Math.max(SWEEP_AT, 2 * routes.size)
  }
  const through = (u: number, v: number, w: number, t: number) => {
    const key = u * n + w
    let r = routes.get(key)
    if (r === undefined || t - r.first > 2 * HOP) {
      if (routes.size >= limit) sweep(t)
      r = { first: paidAt[v], middles: [] }
      routes.set(key, r)
    }
    if (!r.middles.includes(v)) r.middles.push(v)
    if (r.middles.length < MIDDLES) return
    for (const a of [u, w, ...r.middles]) alerted.add(ctx.accounts.ids[a])
  }
  return {
    name: 'scatter_gather',
    description: `one account pays >= ${MIDDLES} distinct accounts that each pay the same other account within 3 days of being paid, all within 6 days`,
    entity: 'account',
    targets: only('launderingShape', 'launderingChain'),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions' || !moves(row as Transaction)) return
      const t = (row as Transaction).timestamp
      const v = ctx.current.from
      const w = ctx.current.to
      if (v < 0 || w < 0 || v === w) return
      const u = payer[v]
      if (u >= 0 && u !== w && t - paidAt[v] <= HOP) through(u, v, w, t)
      payer[w] = v
      paidAt[w] = t
    },
    alerted: () => alerted,
  }
}
