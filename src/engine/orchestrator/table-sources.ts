import type { Counts } from '../config/schema.ts'
import { accessEventStream } from '../generators/events/access-events.ts'
import { communicationStream } from '../generators/events/communications.ts'
import type { EventStream } from '../generators/events/context.ts'
import { documentStream, type DocumentPair } from '../generators/events/documents.ts'
import { tradeStream } from '../generators/events/trades.ts'
import { transactionStream } from '../generators/events/transactions.ts'
import { travelStream } from '../generators/events/travels.ts'
import { timeReader } from '../model/field.ts'
import { labelEntities, suspiciousEntities } from '../export/ground-truth.ts'
import { tables, type TableName } from '../model/schema.ts'
import type { Background } from './background.ts'
import type { Codecs } from './codecs.ts'
import type { Injected } from '../patterns/types.ts'
import { mergeByTime, patternDocumentPairs, sortById, sortByTime } from './sources.ts'

export interface TableSource {
  readonly count: number
  readonly injected: number
  rows(): Iterable<unknown>
  /** For simple event tables: the background stream, the time-sorted injected rows and the time of a row (parallel lanes merge these themselves). */
  readonly merge?: {
    readonly stream: EventStream<unknown>
    readonly background: number
    readonly extra: readonly unknown[]
    time(row: unknown): number
  }
}

const EMPTY: EventStream<never> = {
  count: 0,
  row: () => {
    throw new Error('empty stream')
  },
}

/** The entity tables (background plus injected rows), each sorted by id, when a run has built them ahead in steps. */
export type SortedEntities = Readonly<
  Record<'persons' | 'companies' | 'ownership' | 'accounts', readonly { id: string }[]>
>

/** An entity table sorted by id: the one built ahead, or sorted on first read (a live stream never reads it). */
function entityTable(
  background: readonly { id: string }[],
  extra: readonly { id: string }[],
  presorted: readonly { id: string }[] | undefined,
  label: (rows: readonly { id: string }[]) => readonly { id: string }[] = (rows) => rows,
): TableSource {
  let all: readonly { id: string }[] | undefined
  return {
    count: background.length + extra.length,
    injected: extra.length,
    rows: () => (all ??= label(presorted ?? sortById([...background, ...extra]))),
  }
}

function events<T>(stream: EventStream<T>, extra: readonly T[], time: (r: T) => number): TableSource {
  return {
    count: stream.count + extra.length,
    injected: extra.length,
    rows: () => mergeByTime(stream, extra, time),
    merge: { stream, background: stream.count, extra, time: time as (row: unknown) => number },
  }
}

/**
 * Every output table as a row source. Entity tables are held and sorted by id (so injected entities are not
 * recognisable by position); event tables are generated on demand in time order and merged with injected rows.
 */
/** Background event streams, one per event table (documents also feeds invoice payments). */
export function eventStreams(bg: Background, c: Counts) {
  const { root, world, codecs, knobs } = bg
  const ctx = (table: keyof Codecs) => ({ world, rng: root.fork(`events:${table}`), ids: codecs[table] })
  const docs = c.documents > 0 ? documentStream(ctx('documents'), codecs.document_lines, c.documents) : null
  return {
    documents: docs,
    transactions:
      c.transactions > 0
        ? transactionStream(ctx('transactions'), c.transactions, docs, knobs.largePaymentShare)
        : EMPTY,
    communications: c.communications > 0 ? communicationStream(ctx('communications'), c.communications) : EMPTY,
    trades: c.trades > 0 ? tradeStream(ctx('trades'), c.trades) : EMPTY,
    travels: c.travels > 0 ? travelStream(ctx('travels'), c.travels) : EMPTY,
    access_events: c.accessEvents > 0 ? accessEventStream(ctx('access_events'), c.accessEvents) : EMPTY,
  }
}

export function buildTableSources(
  bg: Background,
  inj: Injected,
  c: Counts,
  entities?: SortedEntities,
): Record<TableName, TableSource> {
  const pop = bg.population
  const streams = eventStreams(bg, c)
  const docs = streams.documents
  const r = inj.rows
  const suspicious = suspiciousEntities(inj)
  /** Each target member of a suspicious instance labelled (copied rows; the background's own stay as they are). */
  const label = (rows: readonly { id: string }[]) =>
    labelEntities(rows as readonly { id: string; isSuspicious: boolean }[], suspicious)
  const docPairs = patternDocumentPairs(r)
  const documentTime = timeReader(tables.documents)
  const docSource = events<DocumentPair>(docs ?? EMPTY, docPairs, (p) => documentTime(p.doc))
  /** An event table: background stream merged with the injected rows by the table's declared time field. */
  const timed = (name: Exclude<keyof typeof streams, 'documents'>): TableSource => {
    const time = timeReader(tables[name])
    return events<{ id: string }>(
      streams[name] as EventStream<{ id: string }>,
      sortByTime<{ id: string }>(r[name], time),
      time,
    )
  }
  // Line counts are known only by generating the documents; dataset.json's manifest needs every count before the
  // first row, so documents are generated once more here (they are far fewer than transactions, and not held).
  let lines = r.document_lines.length
  if (docs) for (let i = 0; i < docs.count; i++) lines += docs.row(i).lines.length
  return {
    persons: entityTable(pop.persons, r.persons, entities?.persons, label),
    companies: entityTable(pop.companies, r.companies, entities?.companies, label),
    ownership: entityTable(pop.ownership, r.ownership, entities?.ownership),
    accounts: entityTable(pop.accounts, r.accounts, entities?.accounts, label),
    transactions: timed('transactions'),
    communications: timed('communications'),
    trades: timed('trades'),
    announcements: { count: pop.announcements.length, injected: 0, rows: () => pop.announcements },
    travels: timed('travels'),
    documents: {
      count: docSource.count,
      injected: docPairs.length,
      rows: () => mapIter(docSource.rows() as Iterable<DocumentPair>, (p) => [p.doc]),
    },
    document_lines: {
      count: lines,
      injected: r.document_lines.length,
      rows: () => mapIter(docSource.rows() as Iterable<DocumentPair>, (p) => p.lines),
    },
    access_events: timed('access_events'),
    patterns: { count: inj.patterns.length, injected: inj.patterns.length, rows: () => inj.patterns },
    pattern_members: { count: inj.members.length, injected: inj.members.length, rows: () => inj.members },
  }
}

function* mapIter<T, U>(items: Iterable<T>, f: (t: T) => readonly U[]): Generator<U> {
  for (const item of items) yield* f(item)
}
