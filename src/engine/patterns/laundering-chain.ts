import type { ParamValues } from '../config/params.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { DAY } from '../model/time.ts'
import type { Rng } from '../random/rng.ts'
import { chooseBusiness, integrate, emptyChainRows, type Business } from './chain-integration.ts'
import { place } from './chain-placement.ts'
import { fitTiming, pickShape, shapeMembers } from './laundering-shape.ts'
import { moneyText } from './money-text.ts'
import { blendedTotal, parallelPayments, ROUND_SHARE } from './shape-amounts.ts'
import { beyondMedium } from './own-large-payment.ts'
import { chooseHolders, chooseHome, type Holder } from './shape-cast.ts'
import { flowSpan, type FlowResult, type FlowTiming } from './shape-flow.ts'
import { planRounds, roundsSpan, runRounds, type Rounds } from './shape-rounds.ts'
import { buildShapeGraph, nodeCount, type ShapeGraph } from './shape-graph.ts'
import { paymentTime } from './human-time.ts'
import { type Member } from './select.ts'
import { definePattern, type InjectContext } from './types.ts'
import {
  INTEGRATIONS,
  PLACEMENTS,
  launderingChainSpec,
  type Integration,
  type Placement,
} from './specs/laundering-chain.ts'
import type { Shape } from './specs/laundering-shape.ts'

type Params = ParamValues<(typeof launderingChainSpec)['params']>

/** Seconds given to each stage; all three squeezed together only when validation was bypassed. */
function stageLengths(params: Params, layering: number, room: number) {
  const placement = params.placementDays * DAY
  const integration = params.integrationDays * DAY
  const total = placement + layering + integration
  const f = total < room - 2 ? 1 : (room - 2) / total
  return { placement: Math.max(2, Math.floor(placement * f)), integration: Math.max(2, Math.floor(integration * f)) }
}

function pickStages(
  rng: Rng,
  params: Params,
  roomHours: number,
): { placement: Placement; shape: Shape; integration: Integration } {
  return {
    placement: params.placement === 'any' ? rng.pick(PLACEMENTS) : params.placement,
    shape: params.layering === 'any' ? pickShape(rng, params, roomHours) : params.layering,
    integration: params.integration === 'any' ? rng.pick(INTEGRATIONS) : params.integration,
  }
}

/** Each sink pays what it holds, less its cut, to the front company: the first step of integration. */
function fundFront(
  ctx: InjectContext,
  flow: FlowResult,
  sinks: readonly Holder[],
  front: Business,
  timing: FlowTiming,
  cut: number,
): Transaction[] {
  const out: Transaction[] = []
  flow.sinks.forEach((s, k) => {
    const amount = Math.floor(s.amount * (1 - cut * (0.75 + 0.5 * ctx.rng.next())))
    if (amount < 1 || s.readyAt === 0) return
    const lo = s.readyAt + Math.max(1, Math.floor(timing.delay * 0.5))
    const from = sinks[k].account
    const kind = from.country === front.account.country ? 'transfer' : 'wire'
    out.push(
      buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
        timestamp: paymentTime(ctx, lo, lo + Math.max(2, timing.delay + timing.spread), from.country, kind),
        kind,
        from,
        to: front.account,
        amount,
        patternId: ctx.patternId,
        patternRole: 'integration_funding',
      }),
    )
  })
  return out.sort((a, b) => a.timestamp - b.timestamp)
}

/** When the chain runs: the layering's timing, each stage's length, and the chain's start and end. */
function plan(ctx: InjectContext, params: Params, g: ShapeGraph) {
  const { rng, clock } = ctx
  const room = clock.end - clock.start
  const stageDays = (params.placementDays + params.integrationDays) * DAY
  const timing = fitTiming(g, params.delayHours, params.spreadHours, Math.max(Math.floor(room / 3), room - stageDays))
  const once = flowSpan(g, timing) + timing.delay * 2 + timing.spread
  const rounds = planRounds(ctx, once + stageDays, room)
  const layering = once + roundsSpan(rounds)
  const len = stageLengths(params, layering, room)
  const total = len.placement + layering + len.integration
  const t0 = clock.start + rng.below(Math.max(1, room - total - 1))
  return { timing, rounds, len, t0, tEnd: Math.min(clock.end - 1, t0 + total) }
}

/** The proceeds in the home currency, split unevenly over the first-layer accounts. */
function proceedsShares(
  ctx: InjectContext,
  params: Params,
  currency: string,
  g: ShapeGraph,
  holders: readonly Holder[],
  rounds: Rounds,
): number[] {
  const { rng } = ctx
  const sources = g.layers[0].length
  const persons = holders.map((h) => h.person)
  const proceeds = blendedTotal(ctx, params.amountUsd, parallelPayments(g), currency, {
    holders: persons,
    rounds: rounds.count,
    share: ROUND_SHARE,
  })
  const weights = Array.from({ length: sources }, () => 0.6 + 0.8 * rng.next())
  const wsum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => Math.floor((proceeds * w) / wsum))
}

export const launderingChain = definePattern({
  ...launderingChainSpec,
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const stages = pickStages(rng, params, clock.days * 24 - (params.placementDays + params.integrationDays) * 24)
    const g = buildShapeGraph(rng, stages.shape, params.size, params.hops)
    const { timing, rounds, len, t0, tEnd } = plan(ctx, params, g)
    const rows = emptyChainRows()
    const members: Member[] = []

    const home = chooseHome(ctx, t0, tEnd)
    const holders = chooseHolders(ctx, nodeCount(g), home, t0, tEnd, rows, new Set(), beyondMedium(ctx) > 0)
    shapeMembers(g, holders, members)
    const sources = g.layers[0].map((n) => holders[n])
    const shares = proceedsShares(ctx, params, home.currency, g, holders, rounds)
    const window = { from: t0, to: t0 + len.placement }
    const placed = place(ctx, stages.placement, sources, shares, window, rows, members, holders)
    const cut = params.cutPct / 100
    const accounts = holders.map((h) => h.account)
    const flow = runRounds(
      ctx,
      g,
      accounts,
      placed.funding,
      timing,
      { cut, sourcesKeepCut: true, role: 'layering_transfer' },
      rounds,
    )
    const people = new Set<string>(members.filter((m) => m.entityType === 'person').map((m) => m.entityId))
    // Integration runs to the window's end at the latest: its accounts must stay open that long.
    const want = { home, from: t0, to: clock.end - 1, avoid: new Set<string>() }
    const front = chooseBusiness(ctx, want, 'front_company', rows, members, (c, i) =>
      stages.integration === 'payroll' ? ctx.world.employeesOf[i].length > 0 : true,
    )
    const sinks = g.layers[g.layers.length - 1].map((n) => holders[n])
    const funded = fundFront(ctx, flow, sinks, front, timing, cut)
    const funds = funded.reduce((a, t) => a + t.amount, 0)
    const readyAt = funded[funded.length - 1]?.timestamp ?? flow.lastAt
    const until = Math.min(clock.end - 1, Math.max(readyAt + 2 * DAY, readyAt + len.integration))
    const spend = integrate(ctx, stages.integration, { front, funds, readyAt, until, cut }, rows, members, people)

    rows.transactions.push(...placed.transactions, ...flow.transactions, ...funded, ...spend.transactions)
    const cur = home.currency
    const first = sources.map((h) => h.account.id)
    const narrative =
      `${placed.story} into ${first.slice(0, 3).join(', ')}${first.length > 3 ? ', …' : ''}; ` +
      `a ${stages.shape.replace(/_/g, '-')} of ${holders.length} accounts layered it in ${flow.transactions.length} transfers; ` +
      `${funded.length} account${funded.length === 1 ? '' : 's'} paid ${moneyText(funds, cur)} into front company ${front.company.id} (${front.account.id}), which ${spend.story}`
    return {
      subtype: `${stages.placement}.${stages.shape}.${stages.integration}`,
      members,
      rows,
      currency: cur,
      totalMinor: placed.funding.reduce((a, f) => a + f.amount, 0),
      narrative,
    }
  },
})
