import type { ParamValues } from '../config/params.ts'
import { buildDocument, typicalLine, type LineSpec } from '../generators/events/document-row.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Company } from '../model/tables/companies.ts'
import type { DocumentRow } from '../model/tables/documents.ts'
import type { Person } from '../model/tables/persons.ts'
import type { World } from '../model/world.ts'
import { DAY, HOUR, formatDate } from '../model/time.ts'
import { countries, countryByCode, type Country } from '../reference/countries.ts'
import { goodByCode, goods, type Good } from '../reference/goods.ts'
import { industries } from '../reference/industries.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'
import { isAdultOn, newAdult, onPaymentDay } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { blends, chooseWindow, dayOf, instant, member, newCompany, openAccount, type Member } from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, infeasible, tbmlSpec } from './specs/tbml.ts'

const HAVENS = countries.filter((c) => c.taxHaven)
const GOODS_OF = new Map(industries.map((i) => [i.code, i.goods]))
/** Carousels favour small, valuable, fungible goods that are easy to ship round again. */
const CAROUSEL_GOODS = ['smartphones', 'processors', 'laptops', 'gold_bars', 'silver_bars', 'electronic_components']

const shellHomes = new WeakMap<World, readonly Country[]>()
/**
 * Where a shell is registered: a haven where background companies are registered too (so the documents' origin
 * country is a value the background uses); with chance amountBlending, as ordinary companies are (a random
 * background company's country), so the origin country stops pointing at the scheme. No draw at easy.
 */
function shellCountry(ctx: InjectContext): Country {
  const { world, rng } = ctx
  let homes = shellHomes.get(world)
  if (!homes) {
    const used = new Set(world.companies.map((c) => c.registrationCountry))
    const havens = HAVENS.filter((h) => used.has(h.code))
    homes = havens.length > 0 ? havens : countries.filter((c) => used.has(c.code))
    shellHomes.set(world, homes)
  }
  const b = ctx.knobs.amountBlending
  if (b > 0 && world.companies.length > 0 && rng.chance(b))
    return countryByCode[world.companies[rng.below(world.companies.length)].registrationCountry]
  return homes.length > 0 ? rng.pick(homes) : rng.pick(HAVENS)
}

/** A mispriced line sits far outside the good's normal scatter: only goods whose spread the factor clears qualify. */
function clears(good: Good, factor: number): boolean {
  return 1 + 3 * good.priceSpread < factor * 0.9
}

/** Buyer's payment for an invoice: the total converted into the buyer's currency, exact when the currencies allow it. */
function settlement(total: number, invoiceCurrency: string, payerCurrency: string): number {
  if (invoiceCurrency === payerCurrency) return total
  const guess = convertMinor(total, invoiceCurrency, payerCurrency).minor
  for (const d of [0, 1, -1, 2, -2, 3, -3])
    if (guess + d > 0 && convertMinor(guess + d, payerCurrency, invoiceCurrency).minor === total) return guess + d
  return Math.max(1, guess)
}

/**
 * Invoices are office work: a weekday between 07:00 and 18:00 when the range allows it. With `payer`, on the payer's
 * own clock, as background payments are; documents keep the background documents' UTC office hours.
 */
function officeTime(ctx: InjectContext, from: number, to: number, payer?: Party): number {
  const offset = payer ? utcOffsetSeconds(payer.company.registrationCountry) : 0
  let t = instant(ctx.rng, from, to)
  for (let tries = 0; tries < 8; tries++) {
    const local = t + offset
    const h = Math.floor((((local % DAY) + DAY) % DAY) / HOUR)
    const wd = (((dayOf(local) + 3) % 7) + 7) % 7
    if (wd < 5 && h >= 7 && h < 18) return t
    t = instant(ctx.rng, from, to)
  }
  return t
}

/**
 * An invoice paid at `t`: a payment window of a day or so that falls on a weekend leaves officeTime nothing but the
 * weekend, so past medium the payment is put off to the Monday as the background's invoices are (onPaymentDay);
 * up to medium it stays where it fell. Measured at hard before this: TBML instances' weekend share of their
 * payments against their look-alikes' gave AUC 0.87 / 0.89 (seeds 1 / 2).
 */
function settledAt(ctx: InjectContext, t: number, payer: Party): number {
  return onPaymentDay(ctx, t, payer.account.country, 'invoice_payment')
}

interface Party {
  company: Company
  account: Account
  role: string
}

type Params = ParamValues<(typeof tbmlSpec)['params']>
type Rows = Pick<
  PatternRows,
  'persons' | 'companies' | 'accounts' | 'ownership' | 'documents' | 'document_lines' | 'transactions'
>

/** One scheme as it is built: its window, the companies it uses, its rows, and what has been paid so far. */
interface Scheme {
  readonly ctx: InjectContext
  readonly subtype: Subtype
  readonly params: Params
  readonly window: { start: number; end: number }
  readonly startDay: number
  readonly rows: Rows
  readonly members: Member[]
  /** Real trading companies (non-shell, in a goods industry, with a business account open for the whole scheme). */
  readonly traders: number[]
  readonly used: Set<number>
  owner: Person | null
  paidUsd: number
}

function businessAccount(s: Scheme, i: number): number {
  const { world, clock } = s.ctx
  return (
    (world.accountsOfCompany[i] ?? []).find(
      (a) =>
        world.accounts[a].accountType === 'business' &&
        world.accountFrom[a] <= s.window.start &&
        clock.end - 1 <= world.accountTo[a],
    ) ?? -1
  )
}

/** A real trading company not yet in the scheme, as the onshore party or a partner; null when a few tries find none. */
function existingParty(s: Scheme): Party | null {
  const { rng, world } = s.ctx
  for (let tries = 0; tries < 12 && s.traders.length > 0; tries++) {
    const i = s.traders[rng.below(s.traders.length)]
    if (s.used.has(i)) continue
    s.used.add(i)
    return { company: world.companies[i], account: world.accounts[businessAccount(s, i)], role: 'trading_company' }
  }
  return null
}

/** The person behind every company the scheme sets up (the link investigators look for): a customer, else a new one. */
function beneficialOwner(s: Scheme): Person {
  const { rng, world } = s.ctx
  if (s.owner) return s.owner
  let owner: Person | null = null
  for (let tries = 0; tries < 10 && owner === null && world.persons.length > 0; tries++) {
    const q = world.persons[rng.below(world.persons.length)]
    if (isAdultOn(q, s.startDay - 1000)) owner = q
  }
  if (owner === null) {
    owner = newAdult(s.ctx, 'owner', s.startDay - 1000)
    s.rows.persons.push(owner)
  }
  s.members.push(member('person', owner.id, 'beneficial_owner'))
  s.owner = owner
  return owner
}

/** A company the scheme sets up: a front at home or a young shell in a haven, wholly owned by the beneficial owner. */
function createdParty(s: Scheme, label: string, shell: boolean): Party {
  const { ctx, startDay, rows } = s
  // Blended, the company is as old as ordinary ones (its account then need not be new either).
  const old = blends(ctx)
  const company = newCompany(
    ctx,
    label,
    shell
      ? {
          isShell: true,
          country: shellCountry(ctx),
          incorporatedAfter: old ? undefined : startDay - 540,
          incorporatedBefore: startDay - 45,
        }
      : { isShell: false, incorporatedAfter: old ? undefined : startDay - 900, incorporatedBefore: startDay - 60 },
  )
  const account = openAccount(
    ctx,
    { type: 'company', row: company },
    'business',
    company.incorporatedOn + 3,
    startDay - 10,
  )
  const owner = beneficialOwner(s)
  rows.ownership.push({
    id: ctx.ids.next('ownership'),
    ownerId: owner.id,
    ownerType: 'person',
    companyId: company.id,
    sharePct: 100,
    role: 'shareholder',
    title: null,
    since: company.incorporatedOn,
    patternId: ctx.patternId,
    patternRole: 'beneficial_owner',
    isSuspicious: false,
  })
  rows.companies.push(company)
  rows.accounts.push(account)
  return { company, account, role: shell ? 'shell' : 'front' }
}

/**
 * The onshore party first, then its partners (existing traders now and then, else shells). The plain typology (no
 * account blending) sets up every company itself: a front at home and shells abroad.
 */
function chooseParties(s: Scheme): Party[] {
  const { rng } = s.ctx
  const real = s.ctx.knobs.accountBlending > 0
  const parties: Party[] = [(real ? existingParty(s) : null) ?? createdParty(s, 'front', false)]
  for (let j = 1; j < s.params.companies; j++)
    parties.push(
      (real && rng.chance(s.subtype === 'carousel' ? 0.5 : 0.3) ? existingParty(s) : null) ??
        createdParty(s, `shell:${j}`, true),
    )
  for (const party of parties)
    s.members.push(
      member('company', party.company.id, party.role),
      member('account', party.account.id, 'business_account'),
    )
  return parties
}

/** What is traded: goods of the onshore party's industry (carousels add easily re-shipped ones); mispricing needs goods it shows on. */
function goodsPool(s: Scheme, onshore: Party): Good[] {
  const mispriced = s.subtype === 'over_invoicing' || s.subtype === 'under_invoicing'
  const catalogue = (GOODS_OF.get(onshore.company.industry) ?? []).concat(
    s.subtype === 'carousel' ? CAROUSEL_GOODS : [],
  )
  const fit = (codes: readonly string[]) =>
    codes
      .map((c) => goodByCode[c])
      .filter((g): g is Good => g !== undefined && (!mispriced || clears(g, s.params.priceFactor)))
  return fit(catalogue).length > 0 ? fit(catalogue) : fit(goods.map((g) => g.code))
}

/** One invoice line: a fixed USD unit price, or the typical one (mispriced by the factor for over- and under-invoicing). */
function lineFor(s: Scheme, g: Good, currency: string, quantity: number, usdUnit: number | null): LineSpec {
  const { rng } = s.ctx
  const mispriced = s.subtype === 'over_invoicing' || s.subtype === 'under_invoicing'
  const factorOf = () =>
    (s.subtype === 'over_invoicing' ? s.params.priceFactor : 1 / s.params.priceFactor) * (0.93 + 0.14 * rng.next())
  const base = typicalLine(rng, g, currency)
  const unitPrice =
    usdUnit !== null
      ? Math.max(1, usdToMinor(usdUnit, currency))
      : mispriced
        ? Math.max(1, usdToMinor(g.typicalUnitPriceUsd * factorOf(), currency))
        : base.unitPrice
  return { good: g, quantity, unitPrice }
}

/** Quantities follow a plausible consignment value at the typical price, so mispricing shows in the unit price, not the volume. */
function quantityOf(s: Scheme, g: Good): number {
  const { rng } = s.ctx
  return Math.max(1, Math.round((20_000 + 120_000 * rng.next() * rng.next()) / g.typicalUnitPriceUsd))
}

function issue(
  s: Scheme,
  docType: DocumentRow['docType'],
  seller: Party,
  buyer: Party,
  at: number,
  lines: readonly LineSpec[],
  role: string,
  shipmentRef?: string | null,
  related?: string,
): DocumentRow {
  const { ctx, rows } = s
  const id = ctx.ids.next('documents')
  const { doc, lines: built } = buildDocument(ctx.rng, id, () => ctx.ids.next('document_lines'), {
    docType,
    issuer: seller.company,
    recipient: buyer.company,
    issuedAt: at,
    lines,
    shipmentRef,
    relatedDocumentId: related,
    patternId: ctx.patternId,
    patternRole: role,
  })
  rows.documents.push(doc)
  rows.document_lines.push(...built)
  return doc
}

/** The buyer pays the invoice, referencing it, at an office time in [from, to); returns when. */
function pay(s: Scheme, invoice: DocumentRow, seller: Party, buyer: Party, from: number, to: number): number {
  const { ctx } = s
  s.paidUsd += convertMinor(invoice.totalAmount, invoice.currency, 'USD').minor
  const at = Math.min(settledAt(ctx, officeTime(ctx, from, to, buyer), buyer), ctx.clock.end - 1)
  s.rows.transactions.push(
    buildTransaction(ctx.rng, ctx.ids.next('transactions'), {
      timestamp: at,
      kind: 'invoice_payment',
      from: buyer.account,
      to: seller.account,
      amount: settlement(invoice.totalAmount, invoice.currency, buyer.account.currency),
      documentId: invoice.id,
      patternId: ctx.patternId,
      patternRole: 'invoice_payment',
    }),
  )
  return at
}

/** Invoices are paid on ordinary terms (days to weeks); near the end of the simulation, within what is left of it. */
function payLag(s: Scheme, at: number): number {
  const { rng, clock } = s.ctx
  const room = clock.end - 1 - at
  const lag = (3 + rng.int(0, 40)) * DAY + rng.below(DAY)
  return lag <= room ? lag : room <= 3 * DAY ? rng.int(Math.min(room, HOUR), room) : rng.int(3 * DAY, room)
}

const INVOICE_ROLE: Record<Subtype, string> = {
  over_invoicing: 'over_invoice',
  under_invoicing: 'under_invoice',
  multiple_invoicing: 'duplicate_invoice',
  phantom_shipment: 'phantom_invoice',
  carousel: 'carousel_invoice',
}

/** Rounds of length ≥ 2 that add up to the invoice count, so every round closes: goods A→B→C→A, money A→C→B→A. Returns the rounds. */
function carousel(s: Scheme, parties: Party[], good: Good): number {
  const { ctx, window } = s
  const { rng } = ctx
  const k = parties.length
  const rounds: number[] = Array.from({ length: Math.floor(s.params.invoices / k) }, () => k)
  const rest = s.params.invoices - rounds.length * k
  if (rest >= 2 || (rest === 1 && rounds.length === 0)) rounds.push(Math.max(2, rest))
  else if (rest === 1) rounds.splice(rounds.length - 1, 1, k - 1, 2)
  const slot = (window.end - window.start) / rounds.length
  const quantity = quantityOf(s, good)
  const baseUsd = good.typicalUnitPriceUsd * (0.9 + 0.2 * rng.next())
  let offset = 0
  rounds.forEach((len, r) => {
    const from = window.start + Math.floor(r * slot)
    const half = slot / 2
    // Short closing rounds start where the last one stopped, so every company is in some circle.
    const circle = Array.from({ length: len }, (_, i) => parties[(offset + i) % k])
    offset = (offset + len) % k
    const invoices: DocumentRow[] = []
    circle.forEach((seller, i) => {
      const buyer = circle[(i + 1) % len]
      const at = officeTime(ctx, from + Math.floor((i * half) / len), from + Math.floor(((i + 0.5) * half) / len))
      const lines = [lineFor(s, good, seller.company.currency, quantity, baseUsd * (1 + 0.02 * i))]
      const inv = issue(s, 'invoice', seller, buyer, at, lines, INVOICE_ROLE.carousel)
      const shipAt = officeTime(ctx, at + HOUR, at + Math.max(2 * HOUR, Math.floor((0.5 * half) / len)))
      issue(s, 'bill_of_lading', seller, buyer, shipAt, lines, 'bill_of_lading', inv.shipmentRef, inv.id)
      invoices.push(inv)
    })
    // The payment for the circle's last invoice goes first, so the money runs backwards round the circle and lands where it began.
    // A payment put off to the Monday holds up the ones after it (each lo is past the last payment up to medium).
    let paid = -Infinity
    for (let j = 0; j < len; j++) {
      const i = len - 1 - j
      const lo = Math.max(paid + 1, from + Math.floor(half + (j * half) / len))
      const hi = Math.max(lo + 1, from + Math.floor(half + ((j + 0.9) * half) / len))
      paid = pay(s, invoices[i], circle[i], circle[(i + 1) % len], lo, hi)
    }
  })
  return rounds.length
}

/**
 * The other subtypes: invoices between the onshore party and its partners. Multiple invoicing bills one shipment
 * (same goods, one bill of lading) again and again; the others ship once per invoice, or never. Returns the shipments.
 */
function invoiceRun(s: Scheme, parties: Party[], good: Good, pool: Good[]): number {
  const { ctx, window, subtype, params } = s
  const { rng, clock } = ctx
  const partners = parties.slice(1)
  const span = window.end - window.start
  const groups =
    subtype === 'multiple_invoicing'
      ? Math.max(1, Math.min(partners.length, Math.floor(params.invoices / 2)))
      : params.invoices
  const shipments: { ref: string | null; lines: LineSpec[] }[] = []
  for (let j = 0; j < params.invoices; j++) {
    const g = j % groups
    const partner = partners[g % partners.length] ?? parties[0]
    const [seller, buyer] = subtype === 'under_invoicing' ? [parties[0], partner] : [partner, parties[0]]
    const at = officeTime(
      ctx,
      window.start + Math.floor((j / params.invoices) * 0.7 * span),
      window.start + Math.floor(((j + 1) / params.invoices) * 0.7 * span),
    )
    const lines = shipments[g]?.lines ?? [lineFor(s, good, seller.company.currency, quantityOf(s, good), null)]
    if (!shipments[g] && rng.chance(0.25) && pool.length > 1) {
      const other = rng.pick(pool)
      if (other !== good) lines.push(lineFor(s, other, seller.company.currency, quantityOf(s, other), null))
    }
    const inv = issue(s, 'invoice', seller, buyer, at, lines, INVOICE_ROLE[subtype], shipments[g]?.ref)
    if (subtype !== 'phantom_shipment' && !shipments[g]) {
      const shipAt = officeTime(ctx, at + HOUR, Math.min(window.end, at + 4 * DAY))
      issue(s, 'bill_of_lading', seller, buyer, shipAt, lines, 'bill_of_lading', inv.shipmentRef, inv.id)
    }
    shipments[g] = { ref: inv.shipmentRef, lines }
    const due = at + payLag(s, at)
    pay(s, inv, seller, buyer, due, Math.min(clock.end, due + DAY))
  }
  return groups
}

function narrate(s: Scheme, parties: Party[], good: Good, cycles: number): string {
  const { rows, subtype } = s
  const partners = parties.slice(1)
  const invoices = rows.documents.filter((d) => d.docType === 'invoice')
  const lines = rows.document_lines.filter(
    (l) => l.goodsCode === good.code && invoices.some((d) => d.id === l.documentId),
  )
  const ratio =
    lines.reduce((sum, l) => sum + l.unitPrice / Math.max(1, usdToMinor(good.typicalUnitPriceUsd, l.currency)), 0) /
    Math.max(1, lines.length)
  const paid = moneyText(s.paidUsd, 'USD')
  const name = (x: Party) => `${x.company.legalName} (${x.company.id})`
  const others =
    partners.length === 1
      ? name(partners[0])
      : `${partners.length} ${partners.every((x) => x.role === 'shell') ? 'shell ' : ''}companies (${partners.map((x) => x.company.id).join(', ')})`
  const period = `between ${formatDate(dayOf(invoices[0].issuedAt))} and ${formatDate(dayOf(invoices[invoices.length - 1].issuedAt))}`
  const what = good.description.toLowerCase()
  const narrative =
    subtype === 'over_invoicing'
      ? `${others} invoiced ${name(parties[0])} ${invoices.length} times for ${what} at ${ratio.toFixed(1)}× the typical price ${period}; ${paid} paid`
      : subtype === 'under_invoicing'
        ? `${name(parties[0])} invoiced ${others} ${invoices.length} times for ${what} at ${ratio.toFixed(2)}× the typical price ${period}; ${paid} paid`
        : subtype === 'multiple_invoicing'
          ? `${others} invoiced ${name(parties[0])} ${invoices.length} times for only ${cycles} shipments of ${what} ${period}; ${paid} paid`
          : subtype === 'phantom_shipment'
            ? `${others} invoiced ${name(parties[0])} ${invoices.length} times for ${what} that never shipped (no bill of lading) ${period}; ${paid} paid`
            : `${what} went round ${parties.map((x) => x.company.id).join(' → ')} → ${parties[0].company.id} in ${cycles} circles on ${invoices.length} invoices ${period}; ${paid} paid round the circle`
  return narrative.charAt(0).toUpperCase() + narrative.slice(1)
}

export const tbml = definePattern({
  ...tbmlSpec,
  inject(ctx, params) {
    const { rng, world } = ctx
    const possible = SUBTYPES.filter((s) => infeasible(s, params.companies, params.invoices) === null)
    const subtype: Subtype =
      params.subtype === 'any' ? rng.pick(possible.length > 0 ? possible : SUBTYPES.slice(0, 2)) : params.subtype
    const window = chooseWindow(rng, world, rng.int(30, 180))
    const startDay = dayOf(window.start)
    const rows: Rows = {
      persons: [],
      companies: [],
      accounts: [],
      ownership: [],
      documents: [],
      document_lines: [],
      transactions: [],
    }
    const s: Scheme = {
      ctx,
      subtype,
      params,
      window,
      startDay,
      rows,
      members: [],
      traders: [],
      used: new Set(),
      owner: null,
      paidUsd: 0,
    }
    s.traders.push(
      ...world.companies.flatMap((c, i) =>
        !c.isShell &&
        (GOODS_OF.get(c.industry) ?? []).length > 0 &&
        c.incorporatedOn < startDay - 30 &&
        businessAccount(s, i) >= 0
          ? [i]
          : [],
      ),
    )
    const parties = chooseParties(s)
    const pool = goodsPool(s, parties[0])
    const good = rng.pick(pool)
    const cycles = subtype === 'carousel' ? carousel(s, parties, good) : invoiceRun(s, parties, good, pool)
    return {
      subtype,
      members: s.members,
      rows,
      currency: 'USD',
      totalMinor: s.paidUsd,
      narrative: narrate(s, parties, good, cycles),
    }
  },
})
