import type { EventStream } from '../generators/events/context.ts'
import type { DocumentPair } from '../generators/events/documents.ts'
import type { DocumentLine } from '../model/tables/documents.ts'
import type { PatternRows } from '../patterns/types.ts'

/** Time-ordered pattern rows: by time, then id, so the merge is deterministic. */
export function sortByTime<T extends { id: string }>(rows: readonly T[], time: (r: T) => number): T[] {
  return [...rows].sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function sortById<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Background rows (already in time order) merged with the pattern rows of the same table, so the output is one
 * time-ordered table in which injected rows sit among background rows instead of at the end.
 */
export function* mergeByTime<T>(stream: EventStream<T>, extra: readonly T[], time: (r: T) => number): Generator<T> {
  let j = 0
  for (let i = 0; i < stream.count; i++) {
    const row = stream.row(i)
    const t = time(row)
    while (j < extra.length && time(extra[j]) < t) yield extra[j++]
    yield row
  }
  while (j < extra.length) yield extra[j++]
}

/** Pattern documents paired with their lines, in time order. */
export function patternDocumentPairs(rows: PatternRows): DocumentPair[] {
  const lines = new Map<string, DocumentLine[]>()
  for (const l of rows.document_lines) {
    const list = lines.get(l.documentId)
    if (list) list.push(l)
    else lines.set(l.documentId, [l])
  }
  return sortByTime(rows.documents, (d) => d.issuedAt).map((doc) => ({ doc, lines: lines.get(doc.id) ?? [] }))
}
