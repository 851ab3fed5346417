import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../../model/money.ts'
import type { DocumentLine, DocumentRow } from '../../model/tables/documents.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY, HOUR } from '../../model/time.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import { lognormal } from '../../random/distributions.ts'
import { invoice } from '../chain-integration.ts'
import { humanTime, paymentTime, paymentWeek } from '../human-time.ts'
import { member, type Member } from '../select.ts'
import { runFlow, type FlowResult, type FlowTiming, type Funding } from '../shape-flow.ts'
import { buildShapeGraph, nodeCount, type ShapeGraph } from '../shape-graph.ts'
import type { InjectContext } from '../types.ts'
import { flowHome, holderId, Parties, type Party } from './parties.ts'
import { kindBetween, type Story } from './shape-stories.ts'

export interface BenignFlow {
  readonly flow: FlowResult
  readonly transactions: Transaction[]
  readonly documents: DocumentRow[]
  readonly document_lines: DocumentLine[]
  /** The landlord the hub paid its collection on to (a story that remits), else null. */
  readonly owner: Party | null
}

/** Layer of each node: where it first appears (a cycle's first node also closes the ring). */
function layerOf(g: ShapeGraph): number[] {
  const out = new Array<number>(nodeCount(g)).fill(-1)
  g.layers.forEach((layer, l) => layer.forEach((node) => (out[node] = out[node] < 0 ? l : out[node])))
  return out
}

/** A person paid a salary is one of the paying company's staff where it has enough with an account. */
function staffFor(story: Story, g: ShapeGraph, parties: (Party | null)[], l: number, slot: number, pool: Parties) {
  if (!story.staff || l === 0) return null
  const e = g.edges.find((x) => x.layer === l - 1 && x.to === slot)
  const parent = e ? parties[g.layers[l - 1][e.from]] : null
  return parent?.type === 'company' ? (pool.staffOf(parent.index, 1)[0] ?? null) : null
}

/** Ordinary customers for every node of the shape, `anchor` first where its type fits; null when too few fit. */
export function castShape(story: Story, g: ShapeGraph, pool: Parties, anchor: Party | null): Party[] | null {
  const last = g.layers.length - 1
  const parties: (Party | null)[] = new Array<Party | null>(nodeCount(g)).fill(null)
  g.layers.forEach((layer, l) =>
    layer.forEach((node, slot) => {
      if (parties[node]) return
      const type = story.party(l, last)
      if (node === 0 && anchor?.type === type) parties[node] = pool.take(anchor)
      else parties[node] = (type === 'person' ? staffFor(story, g, parties, l, slot, pool) : null) ?? pool.of(type)
    }),
  )
  return parties.every((p) => p !== null) ? (parties as Party[]) : null
}

/** The shape cast among `pool`'s customers, or, where too few fit, at its smallest (three wide, two deep). */
function castOrShrink(story: Story, g: ShapeGraph, rng: InjectContext['rng'], newPool: () => Parties, anchor: Party) {
  const pool = newPool()
  const parties = castShape(story, g, pool, anchor)
  if (parties) return { g, parties, pool }
  const small = buildShapeGraph(rng, g.shape, story.size(3), 2)
  const again = newPool()
  const cast = castShape(story, small, again, anchor)
  return cast ? { g: small, parties: cast, pool: again } : null
}

/**
 * Where the flow is banked (a company with a business account over [from, to]) and its cast among customers of
 * that currency; a currency with too few customers gets the smallest shape, then another company's currency is
 * tried, so a small population still gets its look-alike. null after three homes.
 */
export function castFlow(ctx: InjectContext, story: Story, g: ShapeGraph, from: number, to: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const home = flowHome(ctx, from, to)
    if (!home) return null
    const cast = castOrShrink(
      story,
      g,
      ctx.rng,
      () => new Parties(ctx, home.account.currency, home.account.country, from, to),
      home,
    )
    if (cast) return { home, ...cast }
  }
  return null
}

/** Every node's account and holder as members, under its story role. */
export function castMembers(story: Story, g: ShapeGraph, parties: readonly Party[], members: Member[]): void {
  const layers = layerOf(g)
  const last = g.layers.length - 1
  parties.forEach((p, k) => {
    const role = story.role(layers[k], last)
    members.push(member(p.type, holderId(p), role), member('account', p.account.id, role))
  })
}

/** What enters the shape: a typical wide-layer payment times the widest layer, shared unevenly among the sources. */
export function storyFunding(
  ctx: InjectContext,
  story: Story,
  g: ShapeGraph,
  currency: string,
  t0: number,
  spread: number,
): Funding[] {
  const { rng } = ctx
  const widest = Math.max(...g.layers.map((l) => l.length))
  const major = 10 ** currencyByCode[currency].minorDigits
  const total = Math.max(
    major,
    Math.round(usdToMinor(lognormal(rng, story.unitUsd, 0.4) * widest, currency) / major) * major,
  )
  const weights = g.layers[0].map(() => 0.6 + 0.8 * rng.next())
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => ({ amount: Math.floor((total * w) / sum), readyAt: t0 + rng.below(Math.max(1, spread)) }))
}

/** Invoices between companies are settled against an invoice of the payee, issued days before the payment. */
function settleInvoices(ctx: InjectContext, story: Story, byAccount: Map<string, Party>, txs: Transaction[]) {
  const documents: DocumentRow[] = []
  const lines: DocumentLine[] = []
  const out = txs.map((tx) => {
    const payer = byAccount.get(tx.fromAccountId ?? '')
    const payee = byAccount.get(tx.toAccountId ?? '')
    if (!story.invoices || tx.kind !== 'invoice_payment' || payer?.type !== 'company' || payee?.type !== 'company')
      return tx
    const lo = Math.max(ctx.clock.start, tx.timestamp - 21 * DAY)
    // Issued on the week its payment is made on (background invoices are rarely dated at a weekend).
    const week = paymentWeek(ctx.knobs, 'invoice_payment')
    const issuedAt = humanTime(ctx.rng, lo, Math.max(lo + 1, tx.timestamp - 2 * DAY), payee.account.country, week)
    const target = convertMinor(tx.amount, tx.currency, payee.company.currency).minor
    const { doc, lines: l } = invoice(ctx, payee.company, payer.company, target, issuedAt, `${story.name}_invoice`)
    documents.push(doc)
    lines.push(...l)
    const amount = Math.min(tx.amount, convertMinor(doc.totalAmount, doc.currency, tx.currency).minor)
    return { ...tx, amount, documentId: doc.id }
  })
  return { out, documents, lines }
}

/** The collecting hub pays most of what it collected on to the landlord within three days of the last receipt. */
function remit(
  ctx: InjectContext,
  flow: FlowResult,
  hub: Party,
  pool: Parties,
): { tx: Transaction; owner: Party } | null {
  const owner = pool.person() ?? pool.company()
  const held = flow.sinks[0]?.amount ?? 0
  if (!owner || held < 1) return null
  const lo = flow.lastAt + 2 * HOUR
  const kind = hub.type === 'company' ? 'invoice_payment' : 'transfer'
  const at = paymentTime(ctx, lo, Math.min(ctx.clock.end - 1, lo + 2 * DAY), hub.account.country, kind)
  if (at >= ctx.clock.end) return null
  const tx = buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
    timestamp: at,
    kind,
    from: hub.account,
    to: owner.account,
    amount: Math.floor(held * (0.85 + 0.12 * ctx.rng.next())),
    patternId: ctx.patternId,
    patternRole: 'landlord_payment',
  })
  return { tx, owner }
}

/** Runs the story's payments through the cast shape; `keep`: the sources keep their cut too (money placed there). */
export function flowStory(
  ctx: InjectContext,
  story: Story,
  g: ShapeGraph,
  parties: readonly Party[],
  funding: readonly Funding[],
  timing: FlowTiming,
  pool: Parties,
  keep = false,
): BenignFlow {
  const byAccount = new Map<string, Party>(parties.map((p) => [p.account.id, p]))
  const party = (id: string) => byAccount.get(id) as Party
  const flow = runFlow(
    ctx,
    g,
    parties.map((p) => p.account),
    funding,
    timing,
    {
      cut: story.cut,
      sourcesKeepCut: keep,
      role: story.name,
      kind: (from, to) => kindBetween(story, party(from.id), party(to.id)),
    },
  )
  const described = flow.transactions.map((tx) => {
    const text = story.description?.(party(tx.fromAccountId ?? ''), party(tx.toAccountId ?? ''))
    return text === undefined ? tx : { ...tx, description: text }
  })
  const { out, documents, lines } = settleInvoices(ctx, story, byAccount, described)
  const last = g.layers[g.layers.length - 1]
  const sent = story.remit && last.length === 1 ? remit(ctx, flow, parties[last[0]], pool) : null
  if (sent) out.push(sent.tx)
  return { flow, transactions: out, documents, document_lines: lines, owner: sent?.owner ?? null }
}
