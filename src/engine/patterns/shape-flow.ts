import { buildTransaction } from '../generators/events/transaction-row.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Transaction, TransactionKind } from '../model/tables/transactions.ts'
import { HOUR } from '../model/time.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { paymentTime } from './human-time.ts'
import type { ShapeGraph } from './shape-graph.ts'
import type { InjectContext } from './types.ts'

/** What one layer-0 slot has to send and from when: the shape's share of the money, or what placement put there. */
export interface Funding {
  readonly amount: number
  readonly readyAt: number
}

export interface FlowTiming {
  /** Typical seconds between an account's last incoming payment and its first outgoing one. */
  readonly delay: number
  /** Seconds over which one account's outgoing payments spread. */
  readonly spread: number
}

export interface FlowOptions {
  /** Share (0–1) a pass-through account keeps, before its 0.75–1.25 jitter. */
  readonly cut: number
  /** Layer-0 accounts pass on all they hold (they are where the money starts) unless placement funded them. */
  readonly sourcesKeepCut: boolean
  readonly role: string
  /**
   * Transaction kind of each hop; by default a transfer at home and a wire abroad. A benign look-alike passes its
   * own (a payroll fan-out pays `salary`, a supplier loop `invoice_payment`).
   */
  readonly kind?: (from: Account, to: Account) => TransactionKind
}

export interface FlowResult {
  readonly transactions: Transaction[]
  /** Money and last arrival of each last-layer slot: what the sinks hold when the shape is done. */
  readonly sinks: Funding[]
  readonly firstAt: number
  readonly lastAt: number
}

/** `part` of `total` in `weights`, floored to the minor unit; large sums rounded down to whole units as people pay. */
function split(total: number, weights: readonly number[], currency: string): number[] {
  const major = 10 ** currencyByCode[currency].minorDigits
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => {
    const raw = Math.floor((total * w) / sum)
    return raw >= 1000 * major ? Math.floor(raw / major) * major : raw
  })
}

/**
 * Payments out of one slot: after it has received everything, on the sender's local clock and the week of its
 * payments' `kind`, within the burst spread.
 */
function sendTimes(
  ctx: InjectContext,
  ready: number,
  n: number,
  t: FlowTiming,
  country: string,
  kind: TransactionKind,
): number[] {
  const first = ready + Math.max(1, Math.floor(t.delay * (0.5 + ctx.rng.next())))
  const times: number[] = []
  for (let k = 0; k < n; k++) {
    const lo = first + Math.floor((k * t.spread) / Math.max(1, n))
    const hi = first + Math.floor(((k + 1) * t.spread) / Math.max(1, n))
    times.push(paymentTime(ctx, lo, Math.max(lo + 1, hi), country, kind))
  }
  return times.sort((a, b) => a - b)
}

/**
 * Runs the money through the graph layer by layer: each slot forwards what it received (less its cut) along its
 * edges in random shares, never before its last incoming payment, so out ≤ in and times increase along every path.
 */
export function runFlow(
  ctx: InjectContext,
  g: ShapeGraph,
  accounts: readonly Account[],
  funding: readonly Funding[],
  timing: FlowTiming,
  o: FlowOptions,
): FlowResult {
  const { rng } = ctx
  const currency = accounts[0].currency
  let held = funding.map((f) => f.amount)
  let ready = funding.map((f) => f.readyAt)
  const transactions: Transaction[] = []
  for (let l = 0; l < g.layers.length - 1; l++) {
    const nextHeld = g.layers[l + 1].map(() => 0)
    const nextReady = g.layers[l + 1].map(() => 0)
    g.layers[l].forEach((node, slot) => {
      const out = g.edges.filter((e) => e.layer === l && e.from === slot)
      const keeps = l > 0 || o.sourcesKeepCut
      const passOn = keeps ? Math.floor(held[slot] * (1 - o.cut * (0.75 + 0.5 * rng.next()))) : held[slot]
      const shares = split(
        passOn,
        out.map(() => 0.6 + 0.8 * rng.next()),
        currency,
      )
      const from = accounts[node]
      const kindTo = (to: Account): TransactionKind =>
        o.kind ? o.kind(from, to) : from.country === to.country ? 'transfer' : 'wire'
      const week = out.length > 0 ? kindTo(accounts[g.layers[l + 1][out[0].to]]) : 'transfer'
      const times = sendTimes(ctx, ready[slot], out.length, timing, from.country, week)
      out.forEach((e, k) => {
        if (shares[k] < 1) return
        const to = accounts[g.layers[l + 1][e.to]]
        transactions.push(
          buildTransaction(rng, ctx.ids.next('transactions'), {
            timestamp: times[k],
            kind: kindTo(to),
            from,
            to,
            amount: shares[k],
            patternId: ctx.patternId,
            patternRole: o.role,
          }),
        )
        nextHeld[e.to] += shares[k]
        nextReady[e.to] = Math.max(nextReady[e.to], times[k])
      })
    })
    held = nextHeld
    ready = nextReady
  }
  transactions.sort((a, b) => a.timestamp - b.timestamp)
  return {
    transactions,
    sinks: held.map((amount, k) => ({ amount, readyAt: ready[k] })),
    firstAt: transactions[0]?.timestamp ?? funding[0].readyAt,
    lastAt: transactions[transactions.length - 1]?.timestamp ?? funding[0].readyAt,
  }
}

/** The longest the flow can take after its last funding: per layer 1.5 × delay plus the spread, and an hour's slack. */
export function flowSpan(g: ShapeGraph, t: FlowTiming): number {
  return (g.layers.length - 1) * (Math.ceil(1.5 * t.delay) + t.spread + 1) + HOUR
}
