import { buildTransaction } from '../generators/events/transaction-row.ts'
import type { Transaction, TransactionKind } from '../model/tables/transactions.ts'
import { countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { cashCap, noteOf } from './cash-notes.ts'
import { paymentTime } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { chooseHolders, type CastRows, type Holder } from './shape-cast.ts'
import type { Funding } from './shape-flow.ts'
import { member, type Member } from './select.ts'
import type { InjectContext } from './types.ts'
import type { Placement } from './specs/laundering-chain.ts'

export interface Placed {
  readonly transactions: Transaction[]
  /** What each first-layer account received and when the last of it arrived. */
  readonly funding: Funding[]
  readonly story: string
}

/** `total` in `n` uneven parts, each rounded down to `step` (at least one step). */
function parts(ctx: InjectContext, total: number, n: number, step: number): number[] {
  const w = Array.from({ length: n }, () => 0.6 + 0.8 * ctx.rng.next())
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => Math.max(step, Math.floor((total * x) / sum / step) * step))
}

/** Sorted instants in [from, to) on the account's local clock, on the week of payments of `kind`. */
function times(
  ctx: InjectContext,
  n: number,
  from: number,
  to: number,
  country: string,
  kind: TransactionKind,
): number[] {
  return Array.from({ length: n }, () => paymentTime(ctx, from, to, country, kind)).sort((a, b) => a - b)
}

/**
 * Cash paid in by each first-layer holder at branches and ATMs of their own city, in whole notes and, where a
 * reporting threshold exists, each deposit below 80 % of it (placers avoid the report, without hugging the line).
 */
function cashDeposits(
  ctx: InjectContext,
  sources: readonly Holder[],
  shares: readonly number[],
  from: number,
  to: number,
): Placed {
  const transactions: Transaction[] = []
  const funding: Funding[] = []
  sources.forEach((h, k) => {
    const cur = h.account.currency
    const cap = cashCap(cur)
    const n = Math.min(40, Math.max(ctx.rng.int(2, 4), Math.ceil(shares[k] / cap)))
    const note = noteOf(cur)
    const amounts = parts(ctx, shares[k], n, note).map((a) => Math.min(a, Math.floor(cap / note) * note))
    const at = times(ctx, n, from, to, h.account.country, 'cash_deposit')
    const city =
      h.person.residenceCountry === h.account.country
        ? h.person.city
        : ctx.rng.pick(countryByCode[h.account.country].cities)
    amounts.forEach((amount, i) =>
      transactions.push(
        buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
          timestamp: at[i],
          kind: 'cash_deposit',
          from: null,
          to: h.account,
          amount,
          city,
          conductorId: h.person.id,
          patternId: ctx.patternId,
          patternRole: 'placement_cash_deposit',
        }),
      ),
    )
    funding.push({ amount: amounts.reduce((a, b) => a + b, 0), readyAt: at[n - 1] })
  })
  const total = funding.reduce((a, f) => a + f.amount, 0)
  const story = `${sources.length} account holder${sources.length === 1 ? '' : 's'} placed ${moneyText(total, sources[0].account.currency)} in ${transactions.length} cash deposits`
  return { transactions, funding, story }
}

/** Transfers from outside payers (victims or complicit senders, in round sums) into each first-layer account. */
function muleTransfers(
  ctx: InjectContext,
  sources: readonly Holder[],
  shares: readonly number[],
  from: number,
  to: number,
  rows: CastRows,
  members: Member[],
  exclude: ReadonlySet<string>,
): Placed {
  const home = { country: sources[0].account.country, currency: sources[0].account.currency }
  const counts = sources.map(() => ctx.rng.int(1, 3))
  const payers = chooseHolders(
    ctx,
    counts.reduce((a, b) => a + b, 0),
    home,
    from,
    to,
    rows,
    exclude,
  )
  for (const p of payers)
    members.push(member('account', p.account.id, 'placement_payer'), member('person', p.person.id, 'placement_payer'))
  const transactions: Transaction[] = []
  const funding: Funding[] = []
  let next = 0
  sources.forEach((h, k) => {
    const round = 10 * 10 ** currencyByCode[h.account.currency].minorDigits
    const amounts = parts(ctx, shares[k], counts[k], round)
    const at = times(ctx, counts[k], from, to, h.account.country, 'transfer')
    amounts.forEach((amount, i) => {
      const payer = payers[next++].account
      transactions.push(
        buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
          timestamp: at[i],
          kind: payer.country === h.account.country ? 'transfer' : 'wire',
          from: payer,
          to: h.account,
          amount,
          patternId: ctx.patternId,
          patternRole: 'placement_transfer',
        }),
      )
    })
    funding.push({ amount: amounts.reduce((a, b) => a + b, 0), readyAt: at[counts[k] - 1] })
  })
  const total = funding.reduce((a, f) => a + f.amount, 0)
  const story = `${payers.length} outside payer${payers.length === 1 ? '' : 's'} sent ${moneyText(total, home.currency)} in ${transactions.length} transfer${transactions.length === 1 ? '' : 's'}`
  return { transactions, funding, story }
}

/**
 * Placement into the first-layer accounts over [from, to): each account's funding is what it really received.
 * Outside payers are never one of the shape's holders (`holders`).
 */
export function place(
  ctx: InjectContext,
  how: Placement,
  sources: readonly Holder[],
  shares: readonly number[],
  window: { from: number; to: number },
  rows: CastRows,
  members: Member[],
  holders: readonly Holder[],
): Placed {
  const { from, to } = window
  return how === 'cash_deposits'
    ? cashDeposits(ctx, sources, shares, from, to)
    : muleTransfers(ctx, sources, shares, from, to, rows, members, new Set(holders.map((h) => h.person.id)))
}
