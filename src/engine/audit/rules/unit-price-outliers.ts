import type { DocumentLine, DocumentRow } from '../../model/tables/documents.ts'
import { GrowableFloats } from '../growable.ts'
import { major } from '../money.ts'
import { only, type Rule } from './rule.ts'

/**
 * A document line priced over 3× or under 1/3 of the median unit price of its goods (per goods code and
 * currency); the alert goes to the document's issuer. Documents come before their lines, so each document's
 * issuer is kept; each line keeps 24 bytes (group, price, issuer) until the medians are known.
 */
export function unitPriceOutliers(): Rule {
  const issuerOfDoc = new Map<string, number>()
  const issuers: string[] = []
  const issuerIndex = new Map<string, number>()
  const groups = new Map<string, number>()
  const group = new GrowableFloats()
  const price = new GrowableFloats()
  const issuer = new GrowableFloats()
  return {
    name: 'unit_price_outliers',
    description: "a document line priced over 3x or under 1/3 of its goods' median unit price (alert: the issuer)",
    entity: 'company',
    targets: only('tbml'),
    skipped: null,
    tables: ['documents', 'document_lines'],
    observe(table, row) {
      if (table === 'documents') {
        const d = row as DocumentRow
        let i = issuerIndex.get(d.issuerId)
        if (i === undefined) {
          issuerIndex.set(d.issuerId, (i = issuers.length))
          issuers.push(d.issuerId)
        }
        issuerOfDoc.set(d.id, i)
      } else if (table === 'document_lines') {
        const l = row as DocumentLine
        const key = `${l.goodsCode}|${l.currency}`
        let g = groups.get(key)
        if (g === undefined) groups.set(key, (g = groups.size))
        group.push(g)
        price.push(major(l.unitPrice, l.currency))
        issuer.push(issuerOfDoc.get(l.documentId) ?? -1)
      }
    },
    alerted() {
      const medians = groupMedians(groups.size, group.view(), price.view())
      const out = new Set<string>()
      for (let k = 0; k < group.length; k++) {
        const m = medians[group.get(k)]
        const p = price.get(k)
        if ((p > 3 * m || p < m / 3) && issuer.get(k) >= 0) out.add(issuers[issuer.get(k)])
      }
      return out
    },
  }
}

/** The median of each group's values (the mean of the middle two for an even count, as pandas takes it). */
function groupMedians(n: number, group: Float64Array, value: Float64Array): Float64Array {
  const lists: number[][] = Array.from({ length: n }, () => [])
  for (let k = 0; k < group.length; k++) lists[group[k]].push(value[k])
  return Float64Array.from(lists, (l) => {
    const s = Float64Array.from(l).sort()
    const mid = s.length >> 1
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  })
}
