import type { ParamValues } from '../config/params.ts'
import { buildTransaction, type TransactionSpec } from '../generators/events/transaction-row.ts'
import { minorToMajor, usdToMinor } from '../model/money.ts'
import type { Transaction, TransactionKind } from '../model/tables/transactions.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { cashCap, noteOf } from './cash-notes.ts'
import { humanTime, keepsHumanHours, paymentTime } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { blendedTotal } from './shape-amounts.ts'
import { chooseHolders, chooseHome, type CastRows, type Holder } from './shape-cast.ts'
import { member, type Member } from './select.ts'
import { definePattern, type InjectContext } from './types.ts'
import { ACCOUNT_TYPOLOGIES, accountLaunderingSpec, type AccountTypology } from './specs/account-laundering.ts'

type Params = ParamValues<(typeof accountLaunderingSpec)['params']>

interface Episode {
  readonly ctx: InjectContext
  readonly params: Params
  readonly holder: Holder
  readonly t0: number
  readonly spread: number
  readonly delay: number
  readonly total: number
  readonly rows: CastRows
  readonly members: Member[]
  readonly txs: Transaction[]
}

function add(e: Episode, s: Omit<TransactionSpec, 'patternId'>): Transaction {
  const t = buildTransaction(e.ctx.rng, e.ctx.ids.next('transactions'), { ...s, patternId: e.ctx.patternId })
  e.txs.push(t)
  return t
}

/** `total` in `n` uneven parts, each rounded down to `step` and at most `cap`. */
function parts(e: Episode, total: number, n: number, step: number, cap = Infinity): number[] {
  const w = Array.from({ length: n }, () => 0.6 + 0.8 * e.ctx.rng.next())
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) =>
    Math.min(Math.floor(cap / step) * step, Math.max(step, Math.floor((total * x) / sum / step) * step)),
  )
}

function inOrder(e: Episode, n: number): number[] {
  const c = e.holder.account.country
  // Every payment in is a transfer, wire or cash deposit: one week (paymentWeek) for all of them.
  return Array.from({ length: n }, () => paymentTime(e.ctx, e.t0, e.t0 + e.spread, c, 'transfer')).sort((a, b) => a - b)
}

/** After `t`, by the delay, on the account's local clock and the week of a payment of `kind`. */
function later(e: Episode, t: number, kind: TransactionKind = 'transfer'): number {
  const lo = t + Math.max(1, Math.floor(e.delay * 0.5))
  return paymentTime(e.ctx, lo, lo + Math.max(2, e.delay), e.holder.account.country, kind)
}

function keep(e: Episode, amount: number): number {
  const major = 10 ** currencyByCode[e.holder.account.currency].minorDigits
  const net = Math.floor(amount * (1 - (e.params.cutPct / 100) * (0.75 + 0.5 * e.ctx.rng.next())))
  return net >= 100 * major ? Math.floor(net / major) * major : Math.max(1, net)
}

/** Counterparties of the account, outside it: at home, or (for the far side of a payment) in another country. */
function others(e: Episode, n: number, role: string, abroad: boolean): Holder[] {
  const local = { country: e.holder.account.country, currency: e.holder.account.currency }
  const home = abroad ? chooseHome(e.ctx, e.t0, e.t0 + e.spread) : local
  const end = Math.min(e.ctx.clock.end - 1, e.t0 + e.spread + 2 * e.delay + DAY)
  const out = chooseHolders(e.ctx, n, home, e.t0, end, e.rows, new Set([e.holder.person.id]))
  for (const h of out) e.members.push(member('account', h.account.id, role), member('person', h.person.id, role))
  return out
}

const transferKind = (a: string, b: string) => (a === b ? 'transfer' : 'wire')

/** Cash in under the reporting line, each deposit sent on to one beneficiary a day or so later. */
function depositSend(e: Episode): string {
  const a = e.holder.account
  const note = noteOf(a.currency)
  const deposits = parts(e, e.total, e.params.size, note, cashCap(a.currency))
  const [to] = others(e, 1, 'beneficiary', e.ctx.rng.chance(0.5))
  let sent = 0
  inOrder(e, deposits.length).forEach((t, i) => {
    add(e, {
      timestamp: t,
      kind: 'cash_deposit',
      from: null,
      to: a,
      amount: deposits[i],
      city: e.holder.person.city,
      conductorId: e.holder.person.id,
      patternRole: 'cash_deposit',
    })
    const out = keep(e, deposits[i])
    sent += out
    add(e, {
      timestamp: later(e, t),
      kind: transferKind(a.country, to.account.country),
      from: a,
      to: to.account,
      amount: out,
      patternRole: 'onward_transfer',
    })
  })
  const inTotal = deposits.reduce((x, y) => x + y, 0)
  return `${e.holder.person.id} deposited ${moneyText(inTotal, a.currency)} in cash into ${a.id} in ${deposits.length} deposits and sent ${moneyText(sent, a.currency)} on to ${to.account.id} (${to.account.country})`
}

/** Transfers in from several payers, each taken out in notes soon after, at an ATM when small, else at a branch. */
function cashWithdrawal(e: Episode): string {
  const a = e.holder.account
  const major = 10 ** currencyByCode[a.currency].minorDigits
  const incoming = parts(e, e.total, e.params.size, 10 * major)
  const payers = others(e, incoming.length, 'payer', false)
  const note = noteOf(a.currency)
  const atmLimit = usdToMinor(1_000, a.currency)
  let out = 0
  inOrder(e, incoming.length).forEach((t, i) => {
    add(e, {
      timestamp: t,
      kind: transferKind(payers[i].account.country, a.country),
      from: payers[i].account,
      to: a,
      amount: incoming[i],
      patternRole: 'incoming_transfer',
    })
    const cash = Math.floor(keep(e, incoming[i]) / note) * note
    if (cash < note) return
    // Large sums leave in several visits on the same days: at most 40 withdrawals, each under the reporting line.
    const pieces = parts(e, cash, Math.min(40, Math.ceil(cash / cashCap(a.currency))), note, cashCap(a.currency))
    let at = later(e, t, 'cash_withdrawal')
    for (const [k, amount] of pieces.entries()) {
      if (k > 0) at += 10 * MINUTE + e.ctx.rng.below(3 * HOUR)
      if (at >= e.ctx.clock.end) break
      const city =
        e.holder.person.residenceCountry === a.country
          ? e.holder.person.city
          : e.ctx.rng.pick(countryByCode[a.country].cities)
      add(e, {
        timestamp: at,
        kind: 'cash_withdrawal',
        from: a,
        to: null,
        amount,
        channel: amount <= atmLimit ? 'atm' : 'branch',
        city,
        conductorId: e.holder.person.id,
        patternRole: 'cash_withdrawal',
      })
      out += amount
    }
  })
  return `${a.id} of ${e.holder.person.id} received ${moneyText(
    incoming.reduce((x, y) => x + y, 0),
    a.currency,
  )} in ${incoming.length} transfers from ${payers.length} payers and withdrew ${moneyText(out, a.currency)} in cash`
}

/** Payments in after a behavioural change: `size` a week over the active period. */
function changedInflows(size: number, spread: number): number {
  return Math.min(200, Math.max(2, Math.round((size * spread) / (7 * DAY))))
}

/** From a change day the account turns busy: many small payments in, swept out in batches to a few beneficiaries. */
function behaviouralChange(e: Episode): string {
  const a = e.holder.account
  const { rng } = e.ctx
  const n = changedInflows(e.params.size, e.spread)
  const major = 10 ** currencyByCode[a.currency].minorDigits
  const incoming = parts(e, e.total, n, major)
  const payers = others(e, Math.min(n, 8), 'payer', false)
  const beneficiaries = others(e, rng.int(1, 3), 'beneficiary', rng.chance(0.3))
  let balance = 0
  let out = 0
  let batch = rng.int(2, 4)
  const times = inOrder(e, n)
  times.forEach((t, i) => {
    const payer = payers[i % payers.length].account
    add(e, {
      timestamp: t,
      kind: transferKind(payer.country, a.country),
      from: payer,
      to: a,
      amount: incoming[i],
      patternRole: 'changed_inflow',
    })
    balance += incoming[i]
    if (--batch > 0 && i < n - 1) return
    batch = rng.int(2, 4)
    // The sweep goes out before the next payment arrives, so what leaves was always already there.
    const next = times[i + 1] ?? Infinity
    let at = later(e, t)
    // A payment due before the usual delay: the batch still goes, in the gap, unless the gap is too short for it;
    // past medium at an hour the account's holder is up (a gap of a few hours cannot also move it off a weekend).
    if (at >= next) {
      if (next - t < 2 * HOUR) return
      at = keepsHumanHours(e.ctx.knobs)
        ? humanTime(rng, t + HOUR, next - HOUR, a.country)
        : t + HOUR + rng.below(next - t - 2 * HOUR)
    }
    const to = rng.pick(beneficiaries).account
    const amount = keep(e, balance)
    add(e, {
      timestamp: at,
      kind: transferKind(a.country, to.country),
      from: a,
      to,
      amount,
      patternRole: 'changed_outflow',
    })
    balance -= amount
    out += amount
  })
  const days = Math.max(1, Math.round((times[n - 1] - times[0]) / DAY))
  return `From ${e.holder.person.id}'s account ${a.id} a quiet history jumped to ${n} payments in (${moneyText(
    incoming.reduce((x, y) => x + y, 0),
    a.currency,
  )}) over ${days} days from ${payers.length} payers, ${moneyText(out, a.currency)} swept on to ${beneficiaries.map((b) => b.account.id).join(', ')}`
}

/** One large payment, rounded as large sums are, from a payer abroad or at home. */
function singleLarge(e: Episode): string {
  const a = e.holder.account
  const [payer] = others(e, 1, 'payer', e.ctx.rng.chance(0.6))
  const payerCur = payer.account.currency
  const major = 10 ** currencyByCode[payerCur].minorDigits
  const inPayer = usdToMinor(minorToMajor(e.total, a.currency) / currencyByCode[a.currency].perUsd, payerCur)
  const amount = Math.max(major, Math.floor(inPayer / (1000 * major)) * 1000 * major)
  const [t] = inOrder(e, 1)
  add(e, {
    timestamp: t,
    kind: transferKind(payer.account.country, a.country),
    from: payer.account,
    to: a,
    amount,
    patternRole: 'large_transaction',
  })
  return `${payer.account.id} (${payer.account.country}) paid ${moneyText(amount, payerCur)} in one transaction into ${a.id} of ${e.holder.person.id}`
}

const RUN: Record<AccountTypology, (e: Episode) => string> = {
  deposit_send: depositSend,
  cash_withdrawal: cashWithdrawal,
  behavioural_change: behaviouralChange,
  single_large: singleLarge,
}

export const accountLaundering = definePattern({
  ...accountLaunderingSpec,
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const subtype: AccountTypology = params.subtype === 'any' ? rng.pick(ACCOUNT_TYPOLOGIES) : params.subtype
    const room = clock.end - clock.start
    const want = params.spreadDays * DAY + Math.ceil(1.5 * params.delayHours * HOUR) + DAY
    const f = want < room - 2 ? 1 : (room - 2) / want
    const spread = Math.max(2, Math.floor(params.spreadDays * DAY * f))
    const delay = Math.max(2, Math.floor(params.delayHours * HOUR * f))
    const span = Math.min(room - 1, Math.floor(want * f))
    const t0 = clock.start + rng.below(Math.max(1, room - span - 1))
    const rows: CastRows = { persons: [], accounts: [] }
    const home = chooseHome(ctx, t0, t0 + span)
    const [holder] = chooseHolders(ctx, 1, home, t0, t0 + span, rows)
    const members: Member[] = [
      member('account', holder.account.id, 'launderer'),
      member('person', holder.person.id, 'launderer'),
    ]
    // Blended, each payment in is an ordinary large one; a single large payment carries what `size` of them would.
    const payments = subtype === 'behavioural_change' ? changedInflows(params.size, spread) : params.size
    const total = blendedTotal(ctx, params.amountUsd, payments, home.currency, { holders: [holder.person] })
    const e: Episode = { ctx, params, holder, t0, spread, delay, total, rows, members, txs: [] }
    const narrative = RUN[subtype](e)
    e.txs.sort((a, b) => a.timestamp - b.timestamp)
    const into = e.txs.filter((t) => t.toAccountId === holder.account.id)
    const received = into.reduce((sum, t) => sum + (t.toAmount ?? t.amount), 0)
    return {
      subtype,
      members,
      rows: { ...rows, transactions: e.txs },
      currency: home.currency,
      totalMinor: received,
      narrative,
    }
  },
})
