import type { ParamValues } from '../../config/params.ts'
import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { usdToMinor } from '../../model/money.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import { cashCap, noteOf } from '../cash-notes.ts'
import { emptyChainRows, integrate, type ChainRows } from '../chain-integration.ts'
import { paymentTime } from '../human-time.ts'
import { fitTiming } from '../laundering-shape.ts'
import { moneyText } from '../money-text.ts'
import type { Member } from '../select.ts'
import { flowSpan, type Funding } from '../shape-flow.ts'
import { buildShapeGraph } from '../shape-graph.ts'
import { INTEGRATIONS, launderingChainSpec } from '../specs/laundering-chain.ts'
import type { Shape } from '../specs/laundering-shape.ts'
import { defineLookalike, type InjectContext } from '../types.ts'
import { castFlow, castMembers, flowStory } from './benign-shape.ts'
import { nobody } from './common.ts'
import type { Party } from './parties.ts'
import { pickStory } from './shape-stories.ts'

type Params = ParamValues<(typeof launderingChainSpec)['params']>

/** Shapes whose benign story runs between companies only: a group's money moving between its own businesses. */
const GROUP_SHAPES: readonly Shape[] = ['layered_fan_in', 'bipartite', 'cycle']

/** Each shop banks its takings in whole notes over the placement days, by one of its staff. */
function bankTakings(ctx: InjectContext, shops: readonly Party[], total: number, from: number, to: number) {
  const { rng, world } = ctx
  const transactions: Transaction[] = []
  const funding: Funding[] = shops.map((shop) => {
    const cur = shop.account.currency
    const note = noteOf(cur)
    const share = Math.floor((total * (0.6 + 0.8 * rng.next())) / shops.length)
    const n = Math.min(30, Math.max(rng.int(2, 5), Math.ceil(share / cashCap(cur))))
    const staff = shop.type === 'company' ? (world.employeesOf[shop.index] ?? []) : []
    let banked = 0
    let last = from
    for (let k = 0; k < n; k++) {
      // A day's takings: uneven, in whole notes, never more than a deposit carries without a report.
      const day = Math.floor((share / n) * (0.6 + 0.8 * rng.next()))
      const amount = Math.min(Math.floor(cashCap(cur) / note) * note, Math.max(note, Math.floor(day / note) * note))
      const at = paymentTime(ctx, from, to, shop.account.country, 'cash_deposit')
      last = Math.max(last, at)
      banked += amount
      transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: at,
          kind: 'cash_deposit',
          from: null,
          to: shop.account,
          amount,
          city: shop.type === 'company' ? shop.company.city : shop.person.city,
          conductorId: staff.length > 0 ? world.persons[rng.pick(staff)].id : null,
          patternId: ctx.patternId,
          patternRole: 'takings_deposit',
        }),
      )
    }
    return { amount: banked, readyAt: last }
  })
  return { transactions, funding }
}

/** The shared integration step writes the stage's name into its roles; a group's spending is plain business. */
function plainRoles(rows: ChainRows): void {
  const plain = (r: string | null) => (r !== null && r.startsWith('integration_') ? r.slice(12) : r)
  rows.transactions = rows.transactions.map((t) => ({ ...t, patternRole: plain(t.patternRole) }))
  rows.documents = rows.documents.map((d) => ({ ...d, patternRole: plain(d.patternRole) }))
}

/**
 * A retail group's ordinary money cycle, the benign twin of placement → layering → integration: its shops bank
 * their cash takings, the money moves between group businesses against invoices (franchise fees paid upwards,
 * common suppliers paid, intercompany invoices netted), and the receiving business pays its staff, its suppliers
 * or a property.
 */
export const retailGroupLookalike = defineLookalike(launderingChainSpec, {
  kind: 'retailGroup',
  resembles: 'launderingChain',
  label: 'Retail group banking takings and paying its way (look-alike)',
  description:
    'Shops banking cash takings, paying franchise fees or common suppliers within the group, and the group paying payroll, suppliers or a property: benign, but the placement, layering and integration stages chain rules look for.',
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const fits = (s: Shape) => s !== 'layered_fan_in' || params.size > params.hops
    const shape = GROUP_SHAPES.includes(params.layering as Shape)
      ? (params.layering as Shape)
      : rng.pick(GROUP_SHAPES.filter(fits))
    const how = params.integration === 'any' ? rng.pick(INTEGRATIONS) : params.integration
    const story = pickStory(rng, shape)
    const wanted = buildShapeGraph(rng, shape, story.size(params.size), params.hops)
    const room = clock.end - clock.start
    const timing = fitTiming(wanted, story.delayHours, story.spreadHours, Math.floor(room / 3))
    const layering = flowSpan(wanted, timing) + timing.spread
    const f = Math.min(
      1,
      Math.max(0, room - layering - 2 * DAY) / ((params.placementDays + params.integrationDays) * DAY),
    )
    const placement = Math.max(DAY, Math.floor(params.placementDays * DAY * f))
    const integration = Math.max(DAY, Math.floor(params.integrationDays * DAY * f))
    const t0 = clock.start + rng.below(Math.max(1, room - placement - layering - integration - 1))
    const cast = castFlow(ctx, story, wanted, t0, clock.end - 1)
    const sink = cast?.parties[cast.g.layers[cast.g.layers.length - 1][0]]
    if (!cast || sink?.type !== 'company') return nobody('group of companies in one currency')
    const { home, g, parties, pool } = cast
    const cur = home.account.currency
    const major = 10 ** currencyByCode[cur].minorDigits
    const total = Math.round(usdToMinor(params.amountUsd * (0.5 + rng.next()), cur) / major) * major
    const shops = g.layers[0].map((n) => parties[n])
    const takings = bankTakings(ctx, shops, total, t0, t0 + placement)
    const made = flowStory(ctx, story, g, parties, takings.funding, timing, pool, true)
    const members: Member[] = []
    castMembers(story, g, parties, members)
    const rows = emptyChainRows()
    const funds = made.flow.sinks[0]?.amount ?? 0
    const readyAt = Math.max(made.flow.lastAt, made.flow.sinks[0]?.readyAt ?? 0)
    const until = Math.min(clock.end - 1, readyAt + Math.max(2 * DAY, integration))
    const front = { company: sink.company, account: sink.account, index: sink.index }
    const avoid = new Set(members.filter((m) => m.entityType === 'person').map((m) => m.entityId as string))
    const spend = integrate(ctx, how, { front, funds, readyAt, until, cut: 0.1 }, rows, members, avoid)
    rows.transactions.push(...takings.transactions, ...made.transactions, ...spend.transactions)
    rows.documents.push(...made.documents)
    rows.document_lines.push(...made.document_lines)
    plainRoles(rows)
    rows.transactions.sort((a, b) => a.timestamp - b.timestamp)
    return {
      subtype: `cash_takings.${shape}.${how}:${story.name}`,
      members,
      rows,
      currency: cur,
      totalMinor: takings.funding.reduce((a, x) => a + x.amount, 0),
      narrative: `${shops.length} shop${shops.length === 1 ? '' : 's'} of a retail group banked ${moneyText(
        takings.funding.reduce((a, x) => a + x.amount, 0),
        cur,
      )} of cash takings; the group ${story.what} (resembling a ${shape.replace(/_/g, '-')}); ${sink.company.id} then ${spend.story}.`,
    }
  },
})
