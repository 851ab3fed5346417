import { buildDocument, typicalLine } from '../../generators/events/document-row.ts'
import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { convertMinor } from '../../model/money.ts'
import { DAY, HOUR } from '../../model/time.ts'
import { goodByCode, goods } from '../../reference/goods.ts'
import { industries } from '../../reference/industries.ts'
import { humanTime, keepsHumanHours, paymentTime, paymentWeek } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { chooseWindow, instant, member } from '../select.ts'
import { tbmlSpec } from '../specs/tbml.ts'
import { defineLookalike, type PatternRows } from '../types.ts'
import { nobody, pickBusiness } from './common.ts'

const GOODS_OF = new Map(industries.map((i) => [i.code, i.goods]))

/** Real reasons a unit price sits far from the going rate, and how far. */
const REASONS = [
  { subtype: 'premium_grade', low: 3.2, high: 5 },
  { subtype: 'clearance_sale', low: 0.15, high: 0.3 },
  { subtype: 'custom_order', low: 3.1, high: 4.2 },
] as const

/**
 * An importer whose supplier's invoices carry unit prices far from the goods' usual price for real reasons (a
 * premium grade, a clearance lot, a custom build), paid on ordinary terms: what a unit-price outlier rule flags.
 */
export const importerLookalike = defineLookalike(tbmlSpec, {
  kind: 'unusualPriceImporter',
  resembles: 'tbml',
  label: 'Importer with unusual prices (look-alike)',
  description:
    'An importer buying a premium grade, a clearance lot or a custom build at unit prices far from the usual: benign, but trips unit-price outlier rules.',
  inject(ctx, params) {
    const { rng, world } = ctx
    const w = chooseWindow(rng, world, 120)
    const buyer = pickBusiness(ctx, w.start, ctx.clock.end - 1)
    const seller =
      buyer &&
      pickBusiness(
        ctx,
        w.start,
        ctx.clock.end - 1,
        (c) => c.id !== buyer.company.id && c.registrationCountry !== buyer.company.registrationCountry,
      )
    if (!buyer || !seller) return nobody('pair of trading companies')
    const reason = rng.pick(REASONS)
    const catalogue = (GOODS_OF.get(seller.company.industry) ?? []).map((c) => goodByCode[c]).filter((g) => g)
    const good = catalogue.length > 0 ? rng.pick(catalogue) : rng.pick(goods)
    const rows: Pick<PatternRows, 'documents' | 'document_lines' | 'transactions'> = {
      documents: [],
      document_lines: [],
      transactions: [],
    }
    const n = Math.max(1, Math.min(params.invoices, rng.int(2, 5)))
    let paid = 0
    for (let i = 0; i < n; i++) {
      const base = typicalLine(rng, good, seller.account.currency)
      const factor = reason.low + (reason.high - reason.low) * rng.next()
      const unitPrice = Math.max(1, Math.round(base.unitPrice * factor))
      // Past medium the invoice is dated, and paid, on an office's week and hours, as the background's are.
      const human = keepsHumanHours(ctx.knobs)
      const week = paymentWeek(ctx.knobs, 'invoice_payment')
      const at = human ? humanTime(rng, w.start, w.end, seller.account.country, week) : instant(rng, w.start, w.end)
      const { doc, lines } = buildDocument(rng, ctx.ids.next('documents'), () => ctx.ids.next('document_lines'), {
        docType: 'invoice',
        issuer: seller.company,
        recipient: buyer.company,
        issuedAt: at,
        lines: [{ good, quantity: base.quantity, unitPrice }],
        patternId: ctx.patternId,
        patternRole: 'priced_invoice',
      })
      rows.documents.push(doc)
      rows.document_lines.push(...lines)
      const terms = human
        ? paymentTime(ctx, at + 3 * DAY, at + 40 * DAY + 8 * HOUR, buyer.account.country, 'invoice_payment')
        : at + rng.int(3, 40) * DAY + rng.below(8 * HOUR)
      const payAt = Math.min(ctx.clock.end - 1, terms)
      const amount = Math.max(1, convertMinor(doc.totalAmount, doc.currency, buyer.account.currency).minor)
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: payAt,
          kind: 'invoice_payment',
          from: buyer.account,
          to: seller.account,
          amount,
          documentId: doc.id,
          patternId: ctx.patternId,
          patternRole: 'invoice_payment',
        }),
      )
      paid += amount
    }
    const members = [
      member('company', buyer.company.id, 'importer'),
      member('account', buyer.account.id, 'importer'),
      member('company', seller.company.id, 'supplier'),
      member('account', seller.account.id, 'supplier'),
    ]
    return {
      subtype: reason.subtype,
      members,
      rows,
      currency: buyer.account.currency,
      totalMinor: paid,
      narrative: `${buyer.company.id} bought ${good.description} from ${seller.company.id} on ${n} invoice${n === 1 ? '' : 's'} (${reason.subtype.replace('_', ' ')}) at unit prices far from the usual, paying ${moneyText(paid, buyer.account.currency)}.`,
    }
  },
})
