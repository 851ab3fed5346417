import { goodByCode, goods } from '../../reference/goods.ts'
import { industries } from '../../reference/industries.ts'
import type { DocumentLine, DocumentRow } from '../../model/tables/documents.ts'
import type { IdCodec } from '../../model/ids.ts'
import { Rng } from '../../random/rng.ts'
import { weighted } from '../../random/sampling.ts'
import { usualCounterparty, type EventContext, type EventStream } from './context.ts'
import { buildDocument, typicalLine, type LineSpec } from './document-row.ts'
import { Timeline } from './timeline.ts'

export interface DocumentPair {
  readonly doc: DocumentRow
  readonly lines: DocumentLine[]
}

/** What invoice payments need from the documents table: an earlier invoice to settle, found by index, not by scanning. */
export interface DocumentSource {
  invoiceBefore(
    rng: Rng,
    t: number,
  ): { id: string; issuer: number; recipient: number; total: number; currency: string } | null
}

const TYPES = weighted(['invoice', 'purchase_order', 'bill_of_lading', 'contract'] as const, [50, 20, 20, 10])
const goodsOfIndustry = new Map(
  industries.map((i) => [i.code, i.goods.map((c) => goodByCode[c]).filter((g) => g !== undefined)]),
)

/** Line ids are (document index × 16 + line number) in the background stream: documents never have 16 lines. */
export const LINES_PER_DOCUMENT_SLOT = 16

export function documentStream(
  ctx: EventContext,
  lineIds: IdCodec,
  count: number,
): EventStream<DocumentPair> & DocumentSource {
  const { world } = ctx
  const timeline = new Timeline(world.clock, (h, wd) => (wd >= 5 ? 0.05 : h >= 7 && h <= 17 ? 1 : 0.08))
  const traders = world.companies.flatMap((c, i) => (!c.isShell ? [i] : []))
  const pool = traders.length >= 2 ? traders : world.companies.map((_, i) => i)
  // Separate draw objects: a bill of lading computes an earlier invoice while its own row is half built.
  const rowRng = new Rng(ctx.rng.key)
  const invoiceRng = new Rng(ctx.rng.key)
  const typeRng = new Rng(ctx.rng.key)

  const typeAt = (index: number) => TYPES.items[TYPES.indexAt(typeRng.seekRow(ctx.rng, index).next())]

  function row(index: number, draw: Rng = rowRng): DocumentPair {
    const rng = draw.seekRow(ctx.rng, index)
    const docType = TYPES.items[TYPES.indexAt(rng.next())]
    const issuedAt = timeline.at((index + rng.next()) / count)
    const id = ctx.ids.id(0, index)
    const lineId = (n: number) => lineIds.id(0, index * LINES_PER_DOCUMENT_SLOT + n)
    if (docType === 'bill_of_lading') {
      // A bill of lading ships the goods of a recent invoice: same parties, same shipment reference.
      for (let back = 1; back <= 6 && index - back >= 0; back++) {
        if (typeAt(index - back) !== 'invoice') continue
        const invoice = row(index - back, invoiceRng)
        const issuer = world.companies[world.companyIndex.get(invoice.doc.issuerId) ?? 0]
        const recipient = world.companies[world.companyIndex.get(invoice.doc.recipientId) ?? 0]
        const lines: LineSpec[] = invoice.lines.map((l) => ({
          good: goodByCode[l.goodsCode] ?? goods[0],
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        }))
        return buildDocument(rng, id, lineId, {
          docType,
          issuer,
          recipient,
          issuedAt: Math.max(issuedAt, invoice.doc.issuedAt),
          lines,
          shipmentRef: invoice.doc.shipmentRef,
          relatedDocumentId: invoice.doc.id,
        })
      }
    }
    const a = pool[rng.below(pool.length)]
    let b = usualCounterparty(world, pool, a, rng.below(4), 0xd0c5)
    if (b === a) b = pool[(pool.indexOf(a) + 1) % pool.length]
    const issuer = world.companies[a]
    const recipient = world.companies[b]
    const catalogue = goodsOfIndustry.get(issuer.industry) ?? []
    const lines = Array.from({ length: rng.int(1, 4) }, () =>
      typicalLine(
        rng,
        catalogue.length > 0 && rng.chance(0.8) ? rng.pick(catalogue) : rng.pick(goods),
        issuer.currency,
      ),
    )
    return buildDocument(rng, id, lineId, { docType, issuer, recipient, issuedAt, lines })
  }

  return {
    count,
    row,
    invoiceBefore(rng, t) {
      if (count === 0) return null
      const { start, end } = world.clock
      const lagged = (t - start) / (end - start) - (rng.int(7, 50) * 86_400) / (end - start)
      if (lagged <= 0) return null
      const guess = Math.min(count - 1, Math.floor(lagged * count))
      for (let j = guess; j >= 0 && j > guess - 6; j--) {
        if (typeAt(j) !== 'invoice') continue
        const { doc } = row(j, invoiceRng)
        if (doc.issuedAt >= t) continue
        return {
          id: doc.id,
          issuer: world.companyIndex.get(doc.issuerId) ?? 0,
          recipient: world.companyIndex.get(doc.recipientId) ?? 0,
          total: doc.totalAmount,
          currency: doc.currency,
        }
      }
      return null
    },
  }
}
