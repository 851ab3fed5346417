import type { Good } from '../../reference/goods.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { DocumentLine, DocumentRow } from '../../model/tables/documents.ts'
import { usdToMinor } from '../../model/money.ts'
import { civilFromDays, DAY } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import type { Rng } from '../../random/rng.ts'
import { digits } from '../core/text.ts'

export interface LineSpec {
  readonly good: Good
  readonly quantity: number
  /** Minor units of the document currency. */
  readonly unitPrice: number
}

export interface DocumentSpec {
  readonly docType: DocumentRow['docType']
  readonly issuer: Company
  readonly recipient: Company
  readonly issuedAt: number
  readonly lines: readonly LineSpec[]
  readonly shipmentRef?: string | null
  readonly relatedDocumentId?: DocumentRow['relatedDocumentId']
  readonly patternId?: DocumentRow['patternId']
  readonly patternRole?: string | null
}

const NUMBER_PREFIX: Record<DocumentRow['docType'], string> = {
  invoice: 'INV',
  bill_of_lading: 'BOL',
  contract: 'CTR',
  purchase_order: 'PO',
}

/** A legitimate line: typical price with the good's normal spread, a quantity that fits its unit. */
export function typicalLine(rng: Rng, good: Good, currency: string): LineSpec {
  // Size the line by its value (most B2B lines are tens of thousands of dollars), then derive the quantity.
  const priceUsd = good.typicalUnitPriceUsd * lognormal(rng, 1, good.priceSpread)
  const quantity = Math.max(1, Math.round(lognormal(rng, 18_000, 1.1) / priceUsd))
  const unitPrice = Math.max(1, usdToMinor(priceUsd, currency))
  return { good, quantity, unitPrice }
}

export function shipmentReference(rng: Rng): string {
  return 'SHP' + digits(9, () => rng.next())
}

/**
 * One document and its lines. Background and TBML rows are both built here, so injected invoices look like
 * ordinary ones in every column except the prices and references the typology itself changes.
 */
export function buildDocument(
  rng: Rng,
  id: DocumentRow['id'],
  lineId: (lineNo: number) => DocumentLine['id'],
  s: DocumentSpec,
): { doc: DocumentRow; lines: DocumentLine[] } {
  const currency = s.issuer.currency
  const lines = s.lines.map((l, k): DocumentLine => ({
    id: lineId(k + 1),
    documentId: id,
    lineNo: k + 1,
    goodsCode: l.good.code,
    description: l.good.description,
    hsCode: l.good.hsCode,
    quantity: l.quantity,
    unit: l.good.unit,
    unitPrice: l.unitPrice,
    amount: l.unitPrice * l.quantity,
    currency,
  }))
  const day = Math.floor(s.issuedAt / DAY)
  const shipped = s.docType === 'invoice' || s.docType === 'bill_of_lading'
  const doc: DocumentRow = {
    id,
    docType: s.docType,
    number: `${NUMBER_PREFIX[s.docType]}-${civilFromDays(day).year}-${digits(6, () => rng.next())}`,
    issuerId: s.issuer.id,
    recipientId: s.recipient.id,
    issuedAt: s.issuedAt,
    dueOn: s.docType === 'invoice' ? day + rng.pick([14, 30, 30, 45, 60]) : null,
    currency,
    totalAmount: lines.reduce((sum, l) => sum + l.amount, 0),
    lineCount: lines.length,
    shipmentRef: shipped ? (s.shipmentRef ?? shipmentReference(rng)) : null,
    originCountry: shipped ? s.issuer.registrationCountry : null,
    destinationCountry: shipped ? s.recipient.registrationCountry : null,
    relatedDocumentId: s.relatedDocumentId ?? null,
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
    isSuspicious: false,
  }
  return { doc, lines }
}
