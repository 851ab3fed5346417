import type { ParamValues } from '../config/params.ts'
import type { Account } from '../model/tables/accounts.ts'
import { HOUR } from '../model/time.ts'
import type { Rng } from '../random/rng.ts'
import { moneyText } from './money-text.ts'
import { blendedTotal, parallelPayments, ROUND_SHARE } from './shape-amounts.ts'
import { beyondMedium } from './own-large-payment.ts'
import { chooseHolders, chooseHome, type CastRows, type Holder } from './shape-cast.ts'
import { flowSpan, type FlowResult, type FlowTiming, type Funding } from './shape-flow.ts'
import { planRounds, roundsSpan, runRounds } from './shape-rounds.ts'
import { buildShapeGraph, nodeCount, type ShapeGraph } from './shape-graph.ts'
import { member, type Member } from './select.ts'
import { definePattern } from './types.ts'
import { launderingShapeSpec, shapesFitting, type LayeringValues, type Shape } from './specs/laundering-shape.ts'

type Params = ParamValues<(typeof launderingShapeSpec)['params']>

/** One of the shapes that fit (a fan when none does: it is then squeezed into the window). */
export function pickShape(rng: Rng, v: LayeringValues, roomHours: number): Shape {
  const fitting = shapesFitting(v, roomHours)
  return fitting.length > 0 ? rng.pick(fitting) : rng.pick<Shape>(['fan_out', 'fan_in'])
}

/** Delay and spread in seconds, squeezed (only when validation was bypassed) so the whole shape fits `room`. */
export function fitTiming(g: ShapeGraph, delayHours: number, spreadHours: number, room: number): FlowTiming {
  const t = { delay: delayHours * HOUR, spread: spreadHours * HOUR }
  const need = flowSpan(g, t) + t.spread
  if (need < room) return t
  const f = Math.max(0, room - 2 * HOUR) / need
  return { delay: Math.max(60, Math.floor(t.delay * f)), spread: Math.max(60, Math.floor(t.spread * f)) }
}

/** `total` split over the sources in uneven shares, each ready at its own moment within the first burst. */
function sourceFunding(rng: Rng, total: number, sources: number, t0: number, spread: number): Funding[] {
  const weights = Array.from({ length: sources }, () => 0.6 + 0.8 * rng.next())
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => ({ amount: Math.floor((total * w) / sum), readyAt: t0 + rng.below(Math.max(1, spread)) }))
}

/** Every node's account and holder as members, under the node's role. */
export function shapeMembers(g: ShapeGraph, holders: readonly Holder[], members: Member[]): void {
  holders.forEach((h, k) => {
    members.push(member('account', h.account.id, g.roles[k]), member('person', h.person.id, g.roles[k]))
  })
}

function list(ids: readonly string[]): string {
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')}, … ${ids[ids.length - 1]}`
}

const LABEL: Record<Shape, string> = {
  fan_out: 'Fan-out',
  fan_in: 'Fan-in',
  cycle: 'Cycle',
  scatter_gather: 'Scatter-gather',
  gather_scatter: 'Gather-scatter',
  bipartite: 'Bipartite',
  stacked_bipartite: 'Stacked bipartite',
  layered_fan_out: 'Layered fan-out',
  layered_fan_in: 'Layered fan-in',
}

/** One sentence naming the shape's accounts and the money at its start and end. */
export function shapeStory(g: ShapeGraph, accounts: readonly Account[], start: number, flow: FlowResult): string {
  const cur = accounts[0].currency
  const ids = (role: string) => g.roles.flatMap((r, k) => (r === role ? [accounts[k].id] : []))
  const held = flow.sinks.reduce((a, s) => a + s.amount, 0)
  const hours = Math.max(1, Math.round((flow.lastAt - flow.firstAt) / HOUR))
  const when = hours >= 72 ? `${Math.round(hours / 24)} days` : `${hours} hours`
  if (g.shape === 'cycle') {
    const ring = [...accounts.map((a) => a.id), accounts[0].id]
    return `Cycle: ${accounts[0].id} sent ${moneyText(start, cur)} round ${accounts.length} accounts (${list(ring)}) in ${flow.transactions.length} transfers over ${when}, and ${moneyText(held, cur)} came back to it`
  }
  const first = g.layers[0].map((n) => accounts[n].id)
  const last = g.layers[g.layers.length - 1].map((n) => accounts[n].id)
  const middle = ids('intermediary').length + (g.layers.length > 2 ? ids('hub').length : 0)
  const through = middle > 0 ? ` through ${middle} pass-through account${middle === 1 ? '' : 's'}` : ''
  return (
    `${LABEL[g.shape]}: ${first.length === 1 ? 'account' : `${first.length} accounts`} ${list(first)} sent ${moneyText(start, cur)}${through} ` +
    `to ${last.length === 1 ? 'account' : `${last.length} accounts`} ${list(last)} in ${flow.transactions.length} transfers over ${when}, which hold ${moneyText(held, cur)}`
  )
}

export const launderingShape = definePattern({
  ...launderingShapeSpec,
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const shape = params.subtype === 'any' ? pickShape(rng, params, clock.days * 24) : params.subtype
    const g = buildShapeGraph(rng, shape, params.size, params.hops)
    const timing = fitTiming(g, params.delayHours, params.spreadHours, clock.end - clock.start)
    const once = flowSpan(g, timing) + timing.spread
    const rounds = planRounds(ctx, once, clock.end - clock.start)
    const span = once + roundsSpan(rounds)
    const t0 = clock.start + rng.below(Math.max(1, clock.end - clock.start - span - 1))
    const rows: CastRows = { persons: [], accounts: [] }
    const home = chooseHome(ctx, t0, Math.min(clock.end - 1, t0 + span))
    const until = Math.min(clock.end - 1, t0 + span)
    const holders = chooseHolders(ctx, nodeCount(g), home, t0, until, rows, new Set(), beyondMedium(ctx) > 0)
    const accounts = holders.map((h) => h.account)
    const persons = holders.map((h) => h.person)
    const total = blendedTotal(ctx, params.amountUsd, parallelPayments(g), home.currency, {
      holders: persons,
      rounds: rounds.count,
      share: ROUND_SHARE,
    })
    const funding = sourceFunding(rng, total, g.layers[0].length, t0, timing.spread)
    const flow = runRounds(
      ctx,
      g,
      accounts,
      funding,
      timing,
      { cut: params.cutPct / 100, sourcesKeepCut: false, role: 'layering_transfer' },
      rounds,
    )
    const members: Member[] = []
    shapeMembers(g, holders, members)
    return {
      subtype: shape,
      members,
      rows: { ...rows, transactions: flow.transactions },
      currency: home.currency,
      totalMinor: total,
      narrative: shapeStory(g, accounts, total, flow),
    }
  },
})
