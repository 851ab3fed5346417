import type { Account } from '../model/tables/accounts.ts'
import { DAY } from '../model/time.ts'
import { runFlow, type FlowOptions, type FlowResult, type FlowTiming, type Funding } from './shape-flow.ts'
import type { ShapeGraph } from './shape-graph.ts'
import { tranches } from './shape-amounts.ts'
import type { InjectContext } from './types.ts'

/** Typical days between two rounds of the same shape: a few weeks, as a crew that moves a sum over months. */
const ROUND_GAP_DAYS = 21

/** How often the shape runs and how far apart (at most), so that `span` plus the rounds fit in `room` seconds. */
export interface Rounds {
  readonly count: number
  readonly gap: number
}

export function planRounds(ctx: InjectContext, span: number, room: number): Rounds {
  const count = tranches(ctx)
  if (count <= 1) return { count: 1, gap: 0 }
  const fit = Math.floor((room - span - 2) / (1.3 * (count - 1)))
  return { count, gap: Math.max(0, Math.min(ROUND_GAP_DAYS * DAY, fit)) }
}

/** Seconds the rounds add after the first one ends at most (each gap jittered up to 1.3×). */
export function roundsSpan(r: Rounds): number {
  return Math.ceil(1.3 * r.gap * (r.count - 1))
}

/**
 * The flow run `r.count` times about `r.gap` apart, each round carrying an uneven share of every funding, so the
 * whole sum moves in payments each ordinary for its payer. Each round pays on only what the round before it (or
 * the funding) brought, so the money still flows hop by hop. One round is runFlow itself, with no extra draw.
 */
export function runRounds(
  ctx: InjectContext,
  g: ShapeGraph,
  accounts: readonly Account[],
  funding: readonly Funding[],
  timing: FlowTiming,
  o: FlowOptions,
  r: Rounds,
): FlowResult {
  if (r.count <= 1) return runFlow(ctx, g, accounts, funding, timing, o)
  const { rng } = ctx
  const weights = Array.from({ length: r.count }, () => 0.6 + 0.8 * rng.next())
  const wsum = weights.reduce((a, b) => a + b, 0)
  const results: FlowResult[] = []
  let offset = 0
  for (let k = 0; k < r.count; k++) {
    if (k > 0) offset += Math.floor(r.gap * (0.7 + 0.6 * rng.next()))
    const share = (f: Funding) =>
      k === r.count - 1
        ? f.amount - weights.slice(0, -1).reduce((a, w) => a + Math.floor((f.amount * w) / wsum), 0)
        : Math.floor((f.amount * weights[k]) / wsum)
    const part = funding.map((f) => ({ amount: share(f), readyAt: f.readyAt + offset }))
    results.push(runFlow(ctx, g, accounts, part, timing, o))
  }
  const transactions = results.flatMap((x) => x.transactions).sort((a, b) => a.timestamp - b.timestamp)
  return {
    transactions,
    sinks: results[0].sinks.map((_, s) => ({
      amount: results.reduce((a, x) => a + x.sinks[s].amount, 0),
      readyAt: Math.max(...results.map((x) => x.sinks[s].readyAt)),
    })),
    firstAt: Math.min(...results.map((x) => x.firstAt)),
    lastAt: Math.max(...results.map((x) => x.lastAt)),
  }
}
