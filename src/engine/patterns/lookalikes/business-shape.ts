import type { ParamValues } from '../../config/params.ts'
import { HOUR } from '../../model/time.ts'
import { moneyText } from '../money-text.ts'
import { fitTiming } from '../laundering-shape.ts'
import { flowSpan } from '../shape-flow.ts'
import { buildShapeGraph } from '../shape-graph.ts'
import { member, type Member } from '../select.ts'
import { SHAPES, launderingShapeSpec, type Shape } from '../specs/laundering-shape.ts'
import { defineLookalike } from '../types.ts'
import { castFlow, castMembers, flowStory, storyFunding } from './benign-shape.ts'
import { nobody } from './common.ts'
import { holderId, type Party } from './parties.ts'
import { pickStory } from './shape-stories.ts'

type Params = ParamValues<(typeof launderingShapeSpec)['params']>

/** The shape to resemble: the kind's own, or any (a layered fan only where the size allows its widening layers). */
function shapeFor(params: Params, pick: (xs: readonly Shape[]) => Shape): Shape {
  if (params.subtype !== 'any') return params.subtype
  return pick(SHAPES.filter((s) => !s.startsWith('layered') || params.size > params.hops))
}

/**
 * Ordinary business whose payments draw a laundering shape: a company paying its contractors in one burst
 * (fan-out), a group funding its subsidiaries' payrolls (layered fan-out), a letting agent or charity collecting
 * and paying on (fan-in), franchise fees paid up through master franchisees (layered fan-in), intercompany invoices netted round a
 * loop (cycle), staff paying rent to the employer's housing (scatter-gather), letting agents paying landlords
 * (gather-scatter, stacked bipartite), shops of a
 * co-operative paying common suppliers (bipartite). Its subtype names the shape and the business.
 */
export const businessShapeLookalike = defineLookalike(launderingShapeSpec, {
  kind: 'businessShape',
  resembles: 'launderingShape',
  label: 'Business payments in a laundering shape (look-alike)',
  description:
    'Payroll and contractor runs, rent collections, franchise fees, intercompany netting loops and letting agents paying landlords: benign, but drawing the fan, cycle and scatter-gather shapes that graph rules look for.',
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const shape = shapeFor(params, (xs) => rng.pick(xs))
    const story = pickStory(rng, shape)
    const wanted = buildShapeGraph(rng, shape, story.size(params.size), params.hops)
    const room = clock.end - clock.start
    const timing = fitTiming(wanted, story.delayHours, story.spreadHours, room - (story.remit ? 72 * HOUR : 0))
    const span = flowSpan(wanted, timing) + timing.spread + (story.remit ? 72 * HOUR : 0)
    const t0 = clock.start + rng.below(Math.max(1, room - span - 1))
    const end = Math.min(clock.end - 1, t0 + span)
    const cast = castFlow(ctx, story, wanted, t0, end)
    if (!cast) return nobody(`set of customers in one currency for a ${shape.replace('_', ' ')}`)
    const { home, g, parties, pool } = cast
    const funding = storyFunding(ctx, story, g, home.account.currency, t0, timing.spread)
    const made = flowStory(ctx, story, g, parties, funding, timing, pool)
    const members: Member[] = []
    castMembers(story, g, parties, members)
    if (made.owner) members.push(...ownerMembers(made.owner))
    const cur = home.account.currency
    const total = funding.reduce((a, f) => a + f.amount, 0)
    const first = parties[g.layers[0][0]]
    return {
      subtype: `${shape}:${story.name}`,
      members,
      rows: { transactions: made.transactions, documents: made.documents, document_lines: made.document_lines },
      currency: cur,
      totalMinor: total,
      narrative: `${holderId(first)} and ${parties.length - 1} other customers (${story.name.replace('_', ' ')}, resembling a ${shape.replace(/_/g, ' ')}): ${moneyText(total, cur)} ${story.what}, in ${made.transactions.length} payments.`,
    }
  },
})

function ownerMembers(owner: Party): Member[] {
  return [member(owner.type, holderId(owner), 'landlord'), member('account', owner.account.id, 'landlord')]
}
