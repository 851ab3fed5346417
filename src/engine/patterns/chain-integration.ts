import { buildDocument, typicalLine } from '../generators/events/document-row.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import { convertMinor, minorToMajor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Company } from '../model/tables/companies.ts'
import type { DocumentLine, DocumentRow } from '../model/tables/documents.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { countryByCode } from '../reference/countries.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { goodByCode, goods, type Good } from '../reference/goods.ts'
import { industries } from '../reference/industries.ts'
import { humanTime, paymentTime } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { chooseHolders, type Holder } from './shape-cast.ts'
import { dayOf, member, newCompany, openAccount, unwittingMember, type Member } from './select.ts'
import type { InjectContext, PatternRows } from './types.ts'
import type { Integration } from './specs/laundering-chain.ts'

export type ChainRows = Pick<
  PatternRows,
  'persons' | 'companies' | 'accounts' | 'transactions' | 'documents' | 'document_lines'
>

/** A chain's rows before any stage has written one. */
export function emptyChainRows(): ChainRows {
  return { persons: [], companies: [], accounts: [], transactions: [], documents: [], document_lines: [] }
}

export interface Business {
  readonly company: Company
  readonly account: Account
  /** Index in world.companies, or -1 for a company the pattern created. */
  readonly index: number
}

interface Want {
  readonly home: { country: string; currency: string }
  readonly from: number
  readonly to: number
  readonly avoid: ReadonlySet<string>
}

/** An existing company's business account in the home currency, usable over [from, to], passing `fits`; else a new one. */
export function chooseBusiness(
  ctx: InjectContext,
  want: Want,
  role: string,
  rows: ChainRows,
  members: Member[],
  fits: (c: Company, index: number) => boolean = () => true,
): Business {
  const { world, rng } = ctx
  for (let tries = 0; tries < 60 && world.companies.length > 0; tries++) {
    const c = rng.below(world.companies.length)
    const company = world.companies[c]
    if (want.avoid.has(company.id) || company.isShell || !fits(company, c)) continue
    if (company.incorporatedOn * DAY > want.from - 30 * DAY) continue
    const a = (world.accountsOfCompany[c] ?? []).find(
      (x) =>
        world.accounts[x].currency === want.home.currency &&
        world.accountFrom[x] <= want.from &&
        want.to <= world.accountTo[x],
    )
    if (a === undefined) continue
    // An existing business is paid for real goods or property: a bystander; a company opened here is the scheme's.
    members.push(unwittingMember('company', company.id, role), unwittingMember('account', world.accounts[a].id, role))
    return { company, account: world.accounts[a], index: c }
  }
  const day = dayOf(want.from)
  const company = newCompany(ctx, role, { country: countryByCode[want.home.country], incorporatedBefore: day - 400 })
  const account = openAccount(ctx, { type: 'company', row: company }, 'business', day - 300, day - 30)
  rows.companies.push(company)
  rows.accounts.push(account)
  members.push(member('company', company.id, role), member('account', account.id, role))
  return { company, account, index: -1 }
}

export interface Integrated {
  readonly transactions: Transaction[]
  readonly spent: number
  readonly story: string
}

interface Spend {
  readonly front: Business
  /** What the front holds from the layering and from when. */
  readonly funds: number
  readonly readyAt: number
  readonly until: number
  readonly cut: number
}

function rounded(minor: number, currency: string): number {
  const major = 10 ** currencyByCode[currency].minorDigits
  return minor >= 1000 * major ? Math.floor(minor / major) * major : minor
}

/** Shares of `total` in `n` uneven parts, rounded down, never summing above `total`. */
function shares(ctx: InjectContext, total: number, n: number, currency: string): number[] {
  const w = Array.from({ length: n }, () => 0.8 + 0.4 * ctx.rng.next())
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => rounded(Math.floor((total * x) / sum), currency))
}

/**
 * Monthly pay runs from the front to its own staff first (when blended), then to ghost employees, sized to spend the
 * money.
 */
function payroll(
  ctx: InjectContext,
  s: Spend,
  rows: ChainRows,
  members: Member[],
  avoid: ReadonlySet<string>,
): Integrated {
  const { world, rng } = ctx
  const cur = s.front.account.currency
  const runs = Math.max(1, Math.floor((s.until - s.readyAt) / (30 * DAY)))
  const budget = Math.floor(s.funds * (1 - s.cut))
  const perRunUsd = minorToMajor(budget, cur) / currencyByCode[cur].perUsd / runs
  const heads = Math.min(12, Math.max(2, Math.ceil(perRunUsd / 3_500)))
  const staff: Holder[] = []
  // The plain typology (no account blending) pays ghost employees only; blended, the front's own staff come first
  // and hide the ghosts among ordinary salaries.
  const ownStaff = s.front.index >= 0 && ctx.knobs.accountBlending > 0 ? world.employeesOf[s.front.index] : []
  for (const i of ownStaff) {
    const a = (world.accountsOfPerson[i] ?? []).find(
      (x) => world.accounts[x].currency === cur && world.accountFrom[x] <= s.readyAt && s.until <= world.accountTo[x],
    )
    if (staff.length < heads && a !== undefined && !avoid.has(world.persons[i].id))
      staff.push({ person: world.persons[i], account: world.accounts[a] })
  }
  const home = { country: s.front.account.country, currency: cur }
  const taken = new Set([...avoid, ...staff.map((h) => h.person.id)])
  // The front's own staff are paid for their work: unwitting; the ghosts are the scheme's.
  const own = staff.length
  staff.push(...chooseHolders(ctx, heads - staff.length, home, s.readyAt, s.until, rows, taken))
  staff.forEach((h, k) => {
    const as = k < own ? unwittingMember : member
    members.push(as('person', h.person.id, 'payroll_recipient'), as('account', h.account.id, 'payroll_recipient'))
  })
  const transactions: Transaction[] = []
  const block = Math.floor((s.until - s.readyAt) / runs)
  for (let r = 0; r < runs; r++) {
    const lo = s.readyAt + HOUR + r * block
    const payDay = paymentTime(ctx, lo, Math.max(lo + 1, lo + block - 2 * HOUR), s.front.account.country, 'salary')
    shares(ctx, Math.floor(budget / runs), staff.length, cur).forEach((amount, k) => {
      transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: Math.min(s.until - 1, payDay + k * rng.below(5 * MINUTE)),
          kind: 'salary',
          from: s.front.account,
          to: staff[k].account,
          amount,
          patternId: ctx.patternId,
          patternRole: 'integration_payroll',
        }),
      )
    })
  }
  const spent = transactions.reduce((a, t) => a + t.amount, 0)
  return {
    transactions,
    spent,
    story: `paid ${moneyText(spent, cur)} as salaries to ${staff.length} people in ${runs} pay run${runs === 1 ? '' : 's'}`,
  }
}

/**
 * Goods the supplier can invoice at their typical price in a line of about `each`: what its industry sells, else any
 * good that fits (a line is never priced off its goods' band to hit the amount, which would flag the invoice).
 */
function goodsFor(company: Company, each: number) {
  const fits = (g: Good) => usdToMinor(g.typicalUnitPriceUsd, company.currency) * 4 <= each
  const codes = industries.find((i) => i.code === company.industry)?.goods ?? []
  const own = codes.map((c) => goodByCode[c]).filter(fits)
  if (own.length > 0) return own
  const any = goods.filter(fits)
  return any.length > 0 ? any : goods
}

/**
 * One invoice of the supplier to the front for about `target` (never more): typical goods and prices, the quantity
 * sized to fit. Benign look-alikes issue theirs here too, under their own role.
 */
export function invoice(
  ctx: InjectContext,
  supplier: Company,
  front: Company,
  target: number,
  issuedAt: number,
  role = 'integration_invoice',
) {
  const { rng } = ctx
  const lineCount = rng.int(1, 3)
  const each = Math.floor(target / lineCount)
  const lines = Array.from({ length: lineCount }, () => {
    const line = typicalLine(rng, rng.pick(goodsFor(supplier, each)), supplier.currency)
    // Only an invoice too small for any good's price band gets one unit at the line's amount.
    if (line.unitPrice > each) return { ...line, unitPrice: Math.max(1, each), quantity: 1 }
    // At four units or more, nudging the price up by under a quarter makes the line come to the amount.
    const quantity = Math.max(1, Math.floor(each / line.unitPrice))
    return { ...line, quantity, unitPrice: Math.floor(each / quantity) }
  })
  return buildDocument(rng, ctx.ids.next('documents'), () => ctx.ids.next('document_lines'), {
    docType: 'invoice',
    issuer: supplier,
    recipient: front,
    issuedAt,
    lines,
    patternId: ctx.patternId,
    patternRole: role,
  })
}

/** Invoices of a supplier to the front, each paid days after it is issued. */
function supplierInvoices(ctx: InjectContext, s: Spend, rows: ChainRows, members: Member[], want: Want): Integrated {
  const { rng } = ctx
  const cur = s.front.account.currency
  const supplier = chooseBusiness(ctx, want, 'supplier', rows, members, (c) => c.currency === cur)
  const span = s.until - s.readyAt
  const n = Math.min(8, Math.max(1, Math.round(span / (10 * DAY))))
  const targets = shares(ctx, Math.floor(s.funds * (1 - s.cut)), n, cur)
  const transactions: Transaction[] = []
  const docs: DocumentRow[] = []
  const lines: DocumentLine[] = []
  targets.forEach((target, k) => {
    const lo = s.readyAt + HOUR + Math.floor((k * span) / n)
    const hi = s.readyAt + Math.floor(((k + 1) * span) / n) - 2 * HOUR
    const issuedAt = humanTime(rng, lo, Math.max(lo + 1, lo + Math.floor((hi - lo) / 2)), supplier.account.country)
    const { doc, lines: l } = invoice(ctx, supplier.company, s.front.company, target, issuedAt)
    docs.push(doc)
    lines.push(...l)
    const paidAt = paymentTime(
      ctx,
      issuedAt + HOUR,
      Math.max(issuedAt + HOUR + 1, hi),
      s.front.account.country,
      'invoice_payment',
    )
    transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: paidAt,
        kind: 'invoice_payment',
        from: s.front.account,
        to: supplier.account,
        amount: convertMinor(doc.totalAmount, doc.currency, cur).minor,
        documentId: doc.id,
        patternId: ctx.patternId,
        patternRole: 'integration_invoice',
      }),
    )
  })
  rows.documents.push(...docs)
  rows.document_lines.push(...lines)
  const spent = transactions.reduce((a, t) => a + t.amount, 0)
  return {
    transactions,
    spent,
    story: `paid ${moneyText(spent, cur)} on ${n} invoice${n === 1 ? '' : 's'} of supplier ${supplier.company.id}`,
  }
}

/** One large payment to a real-estate company, rounded as property prices are. */
function propertyPurchase(ctx: InjectContext, s: Spend, rows: ChainRows, members: Member[], want: Want): Integrated {
  const cur = s.front.account.currency
  const seller = chooseBusiness(ctx, want, 'property_seller', rows, members, (c) => c.industry === 'real_estate')
  const major = 10 ** currencyByCode[cur].minorDigits
  const net = Math.floor(s.funds * (1 - s.cut))
  const amount = net >= 10_000 * major ? Math.floor(net / (1000 * major)) * 1000 * major : rounded(net, cur)
  const at = paymentTime(
    ctx,
    s.readyAt + DAY,
    Math.max(s.readyAt + DAY + 1, s.until - HOUR),
    s.front.account.country,
    'wire',
  )
  const t = buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
    timestamp: at,
    kind: 'wire',
    from: s.front.account,
    to: seller.account,
    amount,
    patternId: ctx.patternId,
    patternRole: 'integration_property',
  })
  return {
    transactions: [t],
    spent: amount,
    story: `bought property for ${moneyText(amount, cur)} from ${seller.company.id}`,
  }
}

/** The front spends what it received, within [readyAt, until): never more than it holds. */
export function integrate(
  ctx: InjectContext,
  how: Integration,
  s: Spend,
  rows: ChainRows,
  members: Member[],
  avoid: ReadonlySet<string>,
): Integrated {
  const want = {
    home: { country: s.front.account.country, currency: s.front.account.currency },
    from: s.readyAt,
    to: s.until,
    avoid: new Set([...avoid, s.front.company.id]),
  }
  if (how === 'payroll') return payroll(ctx, s, rows, members, avoid)
  if (how === 'supplier_invoices') return supplierInvoices(ctx, s, rows, members, want)
  return propertyPurchase(ctx, s, rows, members, want)
}
