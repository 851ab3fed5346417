import type { ParamValues } from '../../config/params.ts'
import { buildTransaction, type TransactionSpec } from '../../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../../model/money.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { DocumentLine, DocumentRow } from '../../model/tables/documents.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Transaction, TransactionKind } from '../../model/tables/transactions.ts'
import { DAY, HOUR, MINUTE } from '../../model/time.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import { cashCap, noteOf } from '../cash-notes.ts'
import { invoice } from '../chain-integration.ts'
import { lognormal } from '../../random/distributions.ts'
import { onPaymentDay, paymentTime } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { member, type Member } from '../select.ts'
import { ACCOUNT_TYPOLOGIES, accountLaunderingSpec, type AccountTypology } from '../specs/account-laundering.ts'
import { defineLookalike, type InjectContext } from '../types.ts'
import { nobody, pickBusiness, pickCustomer } from './common.ts'
import { holderId, Parties, type Party } from './parties.ts'

type Params = ParamValues<(typeof accountLaunderingSpec)['params']>

interface Life {
  readonly ctx: InjectContext
  readonly params: Params
  /** Who acts: the account holder, or for a business account the member of staff who banks the cash. */
  readonly person: Person
  readonly holder: string
  readonly account: Account
  readonly pool: Parties
  readonly t0: number
  readonly spread: number
  readonly delay: number
  readonly total: number
  readonly members: Member[]
  readonly txs: Transaction[]
  /** The trader's company, when the account is a business account. */
  readonly trader: Company | null
  readonly docs: DocumentRow[]
  readonly lines: DocumentLine[]
}

function add(e: Life, s: Omit<TransactionSpec, 'patternId'>): Transaction {
  const t = buildTransaction(e.ctx.rng, e.ctx.ids.next('transactions'), { ...s, patternId: e.ctx.patternId })
  e.txs.push(t)
  return t
}

/** A counterparty of the account, as a member under `role`; null when the population has none left. */
function other(e: Life, type: 'company' | 'person', role: string): Party | null {
  const p = e.pool.of(type)
  if (p) e.members.push(member(p.type, holderId(p), role), member('account', p.account.id, role))
  return p
}

/** `total` in `n` uneven parts, rounded down to `step`, each at most `cap`. */
function parts(e: Life, total: number, n: number, step: number, cap = Infinity): number[] {
  const w = Array.from({ length: n }, () => 0.6 + 0.8 * e.ctx.rng.next())
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) =>
    Math.min(Math.floor(cap / step) * step, Math.max(step, Math.floor((total * x) / sum / step) * step)),
  )
}

/** n sorted instants in [from, to) on the account's clock and the week of payments of `kind`. */
function times(e: Life, n: number, kind: TransactionKind, from = e.t0, to = e.t0 + e.spread): number[] {
  const c = e.account.country
  return Array.from({ length: n }, () => paymentTime(e.ctx, from, to, c, kind)).sort((a, b) => a - b)
}

/** A payment of `kind` about `by` after `t`. */
function after(e: Life, t: number, kind: TransactionKind, by = e.delay): number {
  const lo = t + Math.max(HOUR, Math.floor(by * 0.5))
  return Math.min(e.ctx.clock.end - 1, paymentTime(e.ctx, lo, lo + Math.max(2, by), e.account.country, kind))
}

/** The wholesaler's invoice for the stock, issued a day or two before, and its payment. */
function stockPurchase(e: Life, supplier: Party, target: number, at: number): number {
  const trader = e.trader
  if (supplier.type !== 'company' || trader === null) return 0
  const issuedAt = Math.max(e.ctx.clock.start, at - DAY - e.ctx.rng.below(DAY))
  const { doc, lines } = invoice(
    e.ctx,
    supplier.company,
    trader,
    convertMinor(target, e.account.currency, supplier.company.currency).minor,
    issuedAt,
    'stock_invoice',
  )
  e.docs.push(doc)
  e.lines.push(...lines)
  const amount = Math.min(target, convertMinor(doc.totalAmount, doc.currency, e.account.currency).minor)
  add(e, {
    timestamp: at,
    kind: 'invoice_payment',
    from: e.account,
    to: supplier.account,
    amount,
    documentId: doc.id,
    patternRole: 'stock_purchase',
  })
  return amount
}

/** A market trader banks the day's cash takings and pays the wholesaler for the next stock a day or so later. */
function marketTrader(e: Life): string {
  const supplier = other(e, 'company', 'wholesaler')
  if (!supplier) return ''
  const deposits = parts(e, e.total, e.params.size, noteOf(e.account.currency), cashCap(e.account.currency))
  let paid = 0
  times(e, deposits.length, 'cash_deposit').forEach((t, i) => {
    add(e, {
      timestamp: t,
      kind: 'cash_deposit',
      from: null,
      to: e.account,
      amount: deposits[i],
      city: e.person.city,
      conductorId: e.person.id,
      patternRole: 'takings_deposit',
    })
    // The stock costs most of the takings (the trader's margin stays in the account), paid against its invoice.
    const target = Math.floor(deposits[i] * (0.6 + 0.25 * e.ctx.rng.next()))
    paid += stockPurchase(e, supplier, target, after(e, t, 'invoice_payment'))
  })
  return `market trader ${e.holder} banked ${deposits.length} days' cash takings (${moneyText(
    deposits.reduce((a, b) => a + b, 0),
    e.account.currency,
  )}) into ${e.account.id} and paid wholesaler ${supplier.account.id} ${moneyText(paid, e.account.currency)} for stock`
}

/** Family and friends chip in for a wedding or a used car, and the money is drawn in cash to pay for it. */
function bigCashPurchase(e: Life): string {
  const cur = e.account.currency
  const major = 10 ** currencyByCode[cur].minorDigits
  const givers = Array.from({ length: Math.max(2, Math.min(6, e.params.size)) }, () => other(e, 'person', 'gift_giver'))
  const from = givers.filter((g): g is Party => g !== null)
  if (from.length === 0) return ''
  // Gifts of the size friends and family send (a few thousand each at most).
  const gifts = parts(e, Math.min(e.total, usdToMinor(2_500 * from.length, cur)), from.length, 50 * major)
  const at = times(e, from.length, 'transfer', e.t0, e.t0 + Math.min(e.spread, 10 * DAY))
  at.forEach((t, i) =>
    add(e, {
      timestamp: t,
      kind: 'transfer',
      from: from[i].account,
      to: e.account,
      amount: gifts[i],
      patternRole: 'gift',
    }),
  )
  const note = noteOf(cur)
  const cash = Math.floor((gifts.reduce((a, b) => a + b, 0) * 0.9) / note) * note
  const visits = parts(e, cash, Math.max(1, Math.ceil(cash / cashCap(cur))), note, cashCap(cur))
  let t = after(e, at[at.length - 1], 'cash_withdrawal')
  let out = 0
  for (const amount of visits) {
    if (t >= e.ctx.clock.end) break
    const atm = amount <= usdToMinor(1_000, cur)
    add(e, {
      timestamp: t,
      kind: 'cash_withdrawal',
      from: e.account,
      to: null,
      amount,
      channel: atm ? 'atm' : 'branch',
      city: e.person.city,
      conductorId: e.person.id,
      patternRole: 'cash_for_purchase',
    })
    out += amount
    t += 20 * MINUTE + e.ctx.rng.below(DAY)
  }
  const what = e.ctx.rng.chance(0.5) ? 'a wedding' : 'a used car paid in cash'
  return `${e.holder} received ${from.length} gifts from family and friends for ${what} into ${e.account.id} and drew ${moneyText(out, cur)} in cash to pay for it`
}

/** A new job and a move: weekly wages from the new employer from the start day, the new rent and the removal firm. */
function newJobAndMove(e: Life): string {
  const employer = other(e, 'company', 'new_employer')
  const landlord = other(e, 'company', 'new_landlord') ?? other(e, 'person', 'new_landlord')
  const movers = other(e, 'company', 'removal_firm')
  if (!employer || !landlord) return ''
  const cur = e.account.currency
  const major = 10 ** currencyByCode[cur].minorDigits
  const weeks = Math.max(2, Math.round(e.spread / (7 * DAY)))
  // Net weekly pay of the person's income, as the background pays salaries.
  const net = convertMinor(Math.round((e.person.annualIncome / 52) * 0.72), e.person.currency, cur).minor
  const wage = Math.max(major, Math.round(net / major) * major)
  // Wages come on the start day's weekday each week: a business day past medium, as the background's salaries.
  const start = paymentTime(e.ctx, e.t0, e.t0 + DAY, e.account.country, 'salary')
  for (let w = 0; w < weeks; w++) {
    const t = start + w * 7 * DAY + e.ctx.rng.below(2 * HOUR)
    if (t >= e.ctx.clock.end) break
    add(e, {
      timestamp: t,
      kind: 'salary',
      from: employer.account,
      to: e.account,
      amount: wage,
      patternRole: 'new_wages',
    })
  }
  const rent = Math.round((wage * 4 * (0.25 + 0.1 * e.ctx.rng.next())) / major) * major
  // Rent is due every 30 days; one due at a weekend is paid on the Monday as often as the background's is.
  for (let t = after(e, start, 'rent', 3 * DAY); t < Math.min(e.ctx.clock.end, e.t0 + e.spread); t += 30 * DAY) {
    const at = onPaymentDay(e.ctx, t, e.account.country, 'rent')
    add(e, {
      timestamp: at,
      kind: 'rent',
      from: e.account,
      to: landlord.account,
      amount: rent,
      patternRole: 'new_rent',
    })
  }
  if (movers)
    add(e, {
      timestamp: after(e, start, 'bill_payment', 2 * DAY),
      kind: 'bill_payment',
      from: e.account,
      to: movers.account,
      amount: usdToMinor(Math.round(lognormal(e.ctx.rng, 150, 0.4)), cur),
      patternRole: 'removal',
    })
  return `${e.holder} started a new job at ${employer.account.id} (${weeks} weekly wages of ${moneyText(wage, cur)} into ${e.account.id}) and moved, paying rent of ${moneyText(rent, cur)} to ${landlord.account.id}`
}

/** One large rounded sum from a relative: an inheritance paid out by the executor, or parents' gift of a house deposit. */
function largeSum(e: Life): string {
  const cur = e.account.currency
  const major = 10 ** currencyByCode[cur].minorDigits
  const amount = Math.max(1000 * major, Math.floor(e.total / (1000 * major)) * 1000 * major)
  const inheritance = e.ctx.rng.chance(0.5)
  const from = other(e, 'person', inheritance ? 'executor' : 'parent')
  if (!from || from.type !== 'person') return ''
  const [t] = times(e, 1, 'transfer')
  const role = inheritance ? 'inheritance' : 'house_deposit_gift'
  add(e, { timestamp: t, kind: 'transfer', from: from.account, to: e.account, amount, patternRole: role })
  return inheritance
    ? `${e.holder} inherited ${moneyText(amount, cur)}, paid in one transfer by the executor ${from.person.id} into ${e.account.id}`
    : `${from.person.id} gave ${e.holder} ${moneyText(amount, cur)} towards a house deposit, in one transfer into ${e.account.id}`
}

/**
 * Whose account it is: a market trader's business account (banked by one of its staff), else a person's checking
 * account.
 */
function holderFor(ctx: InjectContext, typology: AccountTypology, from: number, to: number) {
  const { world } = ctx
  if (typology === 'deposit_send') {
    const shop = pickBusiness(ctx, from, to, (_c, _a, i) => (world.employeesOf[i] ?? []).length > 0)
    if (!shop) return null
    const person = world.persons[ctx.rng.pick(world.employeesOf[shop.index])]
    return { party: { type: 'company', ...shop } as Party, person }
  }
  const found = pickCustomer(ctx, from, to, ['checking'])
  if (!found) return null
  const party: Party = { type: 'person', account: found.accounts[0], person: found.person, index: found.index }
  return { party, person: found.person }
}

const TWIN: Record<AccountTypology, { name: string; run: (e: Life) => string }> = {
  deposit_send: { name: 'market_trader', run: marketTrader },
  cash_withdrawal: { name: 'cash_purchase', run: bigCashPurchase },
  behavioural_change: { name: 'new_job_and_move', run: newJobAndMove },
  single_large: { name: 'large_sum', run: largeSum },
}

/**
 * The benign twins of SAML-D's single-account typologies: a market trader banking takings and paying a supplier
 * (deposit-send), gifts drawn in cash for a wedding or a car (cash withdrawal), a new job and a move (behavioural
 * change), an inheritance or a house deposit (single large transaction). Its subtype names the typology and the
 * life event.
 */
export const lifeEventLookalike = defineLookalike(accountLaunderingSpec, {
  kind: 'lifeEvent',
  resembles: 'accountLaundering',
  label: 'Life event on one account (look-alike)',
  description:
    'Takings banked and paid to a supplier, gifts drawn in cash for a wedding, a new job and a move, an inheritance or a house deposit: benign, but what single-account laundering rules look for.',
  inject(ctx, params: Params) {
    const { rng, clock } = ctx
    const typology: AccountTypology = params.subtype === 'any' ? rng.pick(ACCOUNT_TYPOLOGIES) : params.subtype
    const twin = TWIN[typology]
    const room = clock.end - clock.start
    // A new job shows as a change only over a few weeks of wages.
    const days = typology === 'behavioural_change' ? Math.max(28, params.spreadDays) : params.spreadDays
    const spread = Math.max(DAY, Math.min(days * DAY, room - 10 * DAY))
    const delay = Math.max(HOUR, Math.min(params.delayHours * HOUR, 2 * DAY))
    const span = Math.min(room - 1, spread + 8 * DAY)
    const t0 = clock.start + rng.below(Math.max(1, room - span - 1))
    const found = holderFor(ctx, typology, t0, t0 + span)
    if (!found) return nobody('customer with an account open over the episode')
    const { account } = found.party
    const pool = new Parties(ctx, account.currency, account.country, t0, t0 + span)
    pool.take(found.party)
    const major = 10 ** currencyByCode[account.currency].minorDigits
    const total = Math.max(
      major,
      Math.round(usdToMinor(params.amountUsd * (0.5 + rng.next()), account.currency) / major) * major,
    )
    const holder = holderId(found.party)
    const members = [
      member(found.party.type, holder, 'account_holder'),
      member('account', account.id, 'account_holder'),
    ]
    const trader = found.party.type === 'company' ? found.party.company : null
    const e: Life = {
      ...{ ctx, params, person: found.person, holder, account, pool, t0, spread, delay, total, members, trader },
      ...{ txs: [], docs: [], lines: [] },
    }
    const story = twin.run(e)
    if (story === '' || e.txs.length === 0) return nobody(`counterparties in ${account.currency} for a ${twin.name}`)
    e.txs.sort((a, b) => a.timestamp - b.timestamp)
    const received = e.txs.filter((t) => t.toAccountId === account.id).reduce((s, t) => s + t.amount, 0)
    return {
      subtype: `${typology}:${twin.name}`,
      members,
      rows: { transactions: e.txs, documents: e.docs, document_lines: e.lines },
      currency: account.currency,
      totalMinor: received,
      narrative: `${story[0].toUpperCase()}${story.slice(1)}.`,
    }
  },
})
