import { buildDocument, typicalLine, type LineSpec } from '../generators/events/document-row.ts'
import { buildTransaction } from '../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Company } from '../model/tables/companies.ts'
import type { DocumentRow } from '../model/tables/documents.ts'
import type { Person } from '../model/tables/persons.ts'
import { DAY, HOUR, formatDate } from '../model/time.ts'
import { countries } from '../reference/countries.ts'
import { goodByCode, goods, type Good } from '../reference/goods.ts'
import { industries } from '../reference/industries.ts'
import { isAdultOn, newAdult } from './human-time.ts'
import { moneyText } from './money-text.ts'
import { chooseWindow, dayOf, instant, member, newCompany, openAccount, type Member } from './select.ts'
import { definePattern, type InjectContext, type PatternRows } from './types.ts'
import { SUBTYPES, type Subtype, infeasible, tbmlSpec } from './specs/tbml.ts'

const HAVENS = countries.filter((c) => c.taxHaven)
const GOODS_OF = new Map(industries.map((i) => [i.code, i.goods]))
/** Carousels favour small, valuable, fungible goods that are easy to ship round again. */
const CAROUSEL_GOODS = ['smartphones', 'processors', 'laptops', 'gold_bars', 'silver_bars', 'electronic_components']

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

/** Invoices are office work: a weekday between 07:00 and 18:00 when the range allows it. */
function officeTime(ctx: InjectContext, from: number, to: number): number {
  let t = instant(ctx.rng, from, to)
  for (let tries = 0; tries < 8; tries++) {
    const h = Math.floor((t % DAY) / HOUR)
    const wd = (((dayOf(t) + 3) % 7) + 7) % 7
    if (wd < 5 && h >= 7 && h < 18) return t
    t = instant(ctx.rng, from, to)
  }
  return t
}

interface Party {
  company: Company
  account: Account
  role: string
}

export const tbml = definePattern({
  ...tbmlSpec,
  inject(ctx, params) {
    const { rng, world, clock } = ctx
    const possible = SUBTYPES.filter((s) => infeasible(s, params.companies, params.invoices) === null)
    const subtype: Subtype =
      params.subtype === 'any' ? rng.pick(possible.length > 0 ? possible : SUBTYPES.slice(0, 2)) : params.subtype
    const window = chooseWindow(rng, world, rng.int(30, 180))
    const startDay = dayOf(window.start)
    const rows: Pick<
      PatternRows,
      'persons' | 'companies' | 'accounts' | 'ownership' | 'documents' | 'document_lines' | 'transactions'
    > = {
      persons: [],
      companies: [],
      accounts: [],
      ownership: [],
      documents: [],
      document_lines: [],
      transactions: [],
    }
    const members: Member[] = []

    // Real trading companies (non-shell, in a goods industry, with an account open for the whole scheme) serve as the onshore party or as partners.
    const business = (i: number) =>
      (world.accountsOfCompany[i] ?? []).find(
        (a) =>
          world.accounts[a].accountType === 'business' &&
          world.accountFrom[a] <= window.start &&
          clock.end - 1 <= world.accountTo[a],
      ) ?? -1
    const traders = world.companies.flatMap((c, i) =>
      !c.isShell && (GOODS_OF.get(c.industry) ?? []).length > 0 && c.incorporatedOn < startDay - 30 && business(i) >= 0
        ? [i]
        : [],
    )
    const used = new Set<number>()
    const existing = (): Party | null => {
      for (let tries = 0; tries < 12 && traders.length > 0; tries++) {
        const i = traders[rng.below(traders.length)]
        if (used.has(i)) continue
        used.add(i)
        return { company: world.companies[i], account: world.accounts[business(i)], role: 'trading_company' }
      }
      return null
    }
    let owner: Person | null = null
    const created = (label: string, shell: boolean): Party => {
      const company = newCompany(
        ctx,
        label,
        shell
          ? {
              isShell: true,
              country: rng.pick(HAVENS),
              incorporatedAfter: startDay - 540,
              incorporatedBefore: startDay - 45,
            }
          : { isShell: false, incorporatedAfter: startDay - 900, incorporatedBefore: startDay - 60 },
      )
      const account = openAccount(
        ctx,
        { type: 'company', row: company },
        'business',
        company.incorporatedOn + 3,
        startDay - 10,
      )
      if (owner === null) {
        for (let tries = 0; tries < 10 && owner === null && world.persons.length > 0; tries++) {
          const q = world.persons[rng.below(world.persons.length)]
          if (isAdultOn(q, startDay - 1000)) owner = q
        }
        if (owner === null) {
          owner = newAdult(ctx, 'owner', startDay - 1000)
          rows.persons.push(owner)
        }
        members.push(member('person', owner.id, 'beneficial_owner'))
      }
      // The same person owns every company the scheme sets up: the link investigators look for.
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
      })
      rows.companies.push(company)
      rows.accounts.push(account)
      return { company, account, role: shell ? 'shell' : 'front' }
    }
    const parties: Party[] = [existing() ?? created('front', false)]
    for (let j = 1; j < params.companies; j++)
      parties.push((rng.chance(subtype === 'carousel' ? 0.5 : 0.3) ? existing() : null) ?? created(`shell:${j}`, true))
    for (const party of parties)
      members.push(
        member('company', party.company.id, party.role),
        member('account', party.account.id, 'business_account'),
      )

    const mispriced = subtype === 'over_invoicing' || subtype === 'under_invoicing'
    const catalogue = (GOODS_OF.get(parties[0].company.industry) ?? []).concat(
      subtype === 'carousel' ? CAROUSEL_GOODS : [],
    )
    const fit = (codes: readonly string[]) =>
      codes
        .map((c) => goodByCode[c])
        .filter((g): g is Good => g !== undefined && (!mispriced || clears(g, params.priceFactor)))
    const pool = fit(catalogue).length > 0 ? fit(catalogue) : fit(goods.map((g) => g.code))
    const good = rng.pick(pool)
    const factorOf = () =>
      (subtype === 'over_invoicing' ? params.priceFactor : 1 / params.priceFactor) * (0.93 + 0.14 * rng.next())
    const lineFor = (g: Good, currency: string, quantity: number, usdUnit: number | null): LineSpec => {
      const base = typicalLine(rng, g, currency)
      const unitPrice =
        usdUnit !== null
          ? Math.max(1, usdToMinor(usdUnit, currency))
          : mispriced
            ? Math.max(1, usdToMinor(g.typicalUnitPriceUsd * factorOf(), currency))
            : base.unitPrice
      return { good: g, quantity, unitPrice }
    }
    // Quantities follow a plausible consignment value at the typical price, so mispricing shows in the unit price, not the volume.
    const quantityOf = (g: Good) =>
      Math.max(1, Math.round((20_000 + 120_000 * rng.next() * rng.next()) / g.typicalUnitPriceUsd))

    const issue = (
      docType: DocumentRow['docType'],
      seller: Party,
      buyer: Party,
      at: number,
      lines: readonly LineSpec[],
      role: string,
      shipmentRef?: string | null,
      related?: string,
    ) => {
      const id = ctx.ids.next('documents')
      const { doc, lines: built } = buildDocument(rng, id, () => ctx.ids.next('document_lines'), {
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
    let paidUsd = 0
    const pay = (invoice: DocumentRow, seller: Party, buyer: Party, from: number, to: number) => {
      paidUsd += convertMinor(invoice.totalAmount, invoice.currency, 'USD').minor
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: Math.min(officeTime(ctx, from, to), clock.end - 1),
          kind: 'invoice_payment',
          from: buyer.account,
          to: seller.account,
          amount: settlement(invoice.totalAmount, invoice.currency, buyer.account.currency),
          documentId: invoice.id,
          patternId: ctx.patternId,
          patternRole: 'invoice_payment',
        }),
      )
    }
    const span = window.end - window.start
    // Invoices are paid on ordinary terms (days to weeks); near the end of the simulation, within what is left of it.
    const payLag = (at: number) => {
      const room = clock.end - 1 - at
      const lag = (3 + rng.int(0, 40)) * DAY + rng.below(DAY)
      return lag <= room ? lag : room <= 3 * DAY ? rng.int(Math.min(room, HOUR), room) : rng.int(3 * DAY, room)
    }
    const invoiceRole = {
      over_invoicing: 'over_invoice',
      under_invoicing: 'under_invoice',
      multiple_invoicing: 'duplicate_invoice',
      phantom_shipment: 'phantom_invoice',
      carousel: 'carousel_invoice',
    }[subtype]
    const partners = parties.slice(1)
    let cycles: number

    if (subtype === 'carousel') {
      // Rounds of length ≥ 2 that add up to the invoice count, so every round closes: goods A→B→C→A, money A→C→B→A.
      const k = parties.length
      const rounds: number[] = Array.from({ length: Math.floor(params.invoices / k) }, () => k)
      const rest = params.invoices - rounds.length * k
      if (rest >= 2 || (rest === 1 && rounds.length === 0)) rounds.push(Math.max(2, rest))
      else if (rest === 1) rounds.splice(rounds.length - 1, 1, k - 1, 2)
      cycles = rounds.length
      const slot = span / rounds.length
      const quantity = quantityOf(good)
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
          const lines = [lineFor(good, seller.company.currency, quantity, baseUsd * (1 + 0.02 * i))]
          const inv = issue('invoice', seller, buyer, at, lines, invoiceRole)
          issue(
            'bill_of_lading',
            seller,
            buyer,
            officeTime(ctx, at + HOUR, at + Math.max(2 * HOUR, Math.floor((0.5 * half) / len))),
            lines,
            'bill_of_lading',
            inv.shipmentRef,
            inv.id,
          )
          invoices.push(inv)
        })
        // The payment for the circle's last invoice goes first, so the money runs backwards round the circle and lands where it began.
        for (let j = 0; j < len; j++) {
          const i = len - 1 - j
          pay(
            invoices[i],
            circle[i],
            circle[(i + 1) % len],
            from + Math.floor(half + (j * half) / len),
            from + Math.floor(half + ((j + 0.9) * half) / len),
          )
        }
      })
    } else {
      const groups =
        subtype === 'multiple_invoicing'
          ? Math.max(1, Math.min(partners.length, Math.floor(params.invoices / 2)))
          : params.invoices
      // Multiple invoicing bills one shipment (same goods, one bill of lading) again and again; the others ship once per invoice, or never.
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
        const lines = shipments[g]?.lines ?? [lineFor(good, seller.company.currency, quantityOf(good), null)]
        if (!shipments[g] && rng.chance(0.25) && pool.length > 1) {
          const other = rng.pick(pool)
          if (other !== good) lines.push(lineFor(other, seller.company.currency, quantityOf(other), null))
        }
        const inv = issue('invoice', seller, buyer, at, lines, invoiceRole, shipments[g]?.ref)
        if (subtype !== 'phantom_shipment' && !shipments[g]) {
          issue(
            'bill_of_lading',
            seller,
            buyer,
            officeTime(ctx, at + HOUR, Math.min(window.end, at + 4 * DAY)),
            lines,
            'bill_of_lading',
            inv.shipmentRef,
            inv.id,
          )
        }
        shipments[g] = { ref: inv.shipmentRef, lines }
        const due = at + payLag(at)
        pay(inv, seller, buyer, due, Math.min(clock.end, due + DAY))
      }
      cycles = groups
    }
    const invoices = rows.documents.filter((d) => d.docType === 'invoice')
    const lines = rows.document_lines.filter(
      (l) => l.goodsCode === good.code && invoices.some((d) => d.id === l.documentId),
    )
    const ratio =
      lines.reduce((s, l) => s + l.unitPrice / Math.max(1, usdToMinor(good.typicalUnitPriceUsd, l.currency)), 0) /
      Math.max(1, lines.length)
    const paid = moneyText(paidUsd, 'USD')
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
    return {
      subtype,
      members,
      rows,
      currency: 'USD',
      totalMinor: paidUsd,
      narrative: narrative.charAt(0).toUpperCase() + narrative.slice(1),
    }
  },
})
