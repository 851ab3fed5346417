import { parseConfig } from '../config/validate.ts'
import { EngineError } from '../errors.ts'
import { FileWriter } from '../export/file-writer.ts'
import { rowWriter } from '../export/formats.ts'
import { timeReader } from '../model/field.ts'
import { tables } from '../model/schema.ts'
import { firstAbove } from '../random/sampling.ts'
import { buildBackground } from './background.ts'
import { eventStreams } from './table-sources.ts'
import type { EventStream } from '../generators/events/context.ts'
import type { TableDef } from '../model/field.ts'
import { packedFiller, rowPacker, type PackedRows } from './packed-rows.ts'
import {
  isTransactionStream,
  legColumns,
  type LegColumns,
  type TransactionStream,
} from '../generators/events/transaction-legs.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import type { BalanceColumns, BalanceTails } from './ledger-bytes.ts'
import type { PlannedRange, RunningLedger } from './ledger.ts'

/**
 * Parallel lanes: background rows of the big event tables encoded in other threads (the host supplies them),
 * merged here with the injected rows. Row i is a pure function of (seed, table, i), so the bytes are the same as
 * a single-threaded run's.
 */

export const laneTables = ['transactions', 'communications', 'trades', 'travels', 'access_events'] as const
export type LaneTable = (typeof laneTables)[number]

/** Background rows [from, to) encoded, with each row's time and the byte offset where it ends. */
export interface EncodedRange {
  readonly bytes: Uint8Array
  readonly times: Float64Array
  readonly ends: Float64Array
  /** The fields the run's reports read (`fields`), packed as columns: the realism report and the audit read them. */
  readonly packed?: PackedRows
  /** Transactions: each row's accounts and amounts, which the merge books to append the balances (ledger-bytes.ts). */
  readonly legs?: LegColumns
}

export interface Lanes {
  /** How many lanes there are (each keeps two ranges in flight). */
  readonly count: number
  /**
   * `fields`: pack these fields of every row too (see packed-rows.ts), for the run's reports. `lane`: the lane that
   * must encode it (0 … count − 1; any lane when omitted).
   */
  encode(table: LaneTable, from: number, to: number, fields?: readonly string[], lane?: number): Promise<EncodedRange>
  /**
   * The ledger's pre-pass in lane `lane`: transaction rows [from, to) drawn lean (their legs only), the lane keeping
   * their specs so that its later encode of the same rows only adds the text. Without it the pre-pass runs here.
   */
  fillLegs?(from: number, to: number, lane: number): Promise<LegColumns>
}

export const LANE_RANGE_ROWS = 50_000
/** Rows the main thread encodes at a time while it waits for a lane (about 50 ms). */
const LOCAL_RANGE_ROWS = 10_000

/** Encodes background rows [from, to) of one stream, keeping each row's time and end offset for the merge. */
function encodeRange(
  stream: EventStream<unknown>,
  table: TableDef,
  write: (row: Record<string, unknown>, out: FileWriter) => void,
  from: number,
  to: number,
  fields: readonly string[] | undefined,
  ledgerStream?: TransactionStream,
): EncodedRange {
  const out = FileWriter.memory()
  const timeOfRow = timeReader(table)
  const times = new Float64Array(to - from)
  const ends = new Float64Array(to - from)
  const packer = fields ? rowPacker(table, fields, to - from) : null
  const legs = ledgerStream ? legColumns(to - from) : undefined
  for (let i = from; i < to; i++) {
    const row = (legs ? ledgerStream?.rowWithLegs(i, legs, i - from) : stream.row(i)) as Record<string, unknown>
    write(row, out)
    times[i - from] = timeOfRow(row)
    ends[i - from] = out.offset
    packer?.add(row)
  }
  return { bytes: out.takeBytes(), times, ends, packed: packer?.take(), legs }
}

/**
 * Transactions [from, to) as CSV by the stream's cursor (no row objects), balance cells empty for the merge;
 * `fields` packed from each row's view.
 */
function encodeCsvRange(
  stream: TransactionStream,
  from: number,
  to: number,
  fields: readonly string[] | undefined,
): EncodedRange {
  const out = FileWriter.memory()
  const times = new Float64Array(to - from)
  const ends = new Float64Array(to - from)
  const legs = legColumns(to - from)
  const packer = fields ? rowPacker(tables.transactions, fields, to - from) : null
  const cursor = stream.cursor()
  for (let i = from; i < to; i++) {
    const k = i - from
    times[k] = cursor.load(i)
    cursor.legs(legs, k)
    cursor.csv(out, null)
    ends[k] = out.offset
    packer?.add(cursor.view)
  }
  return { bytes: out.takeBytes(), times, ends, packed: packer?.take(), legs }
}

/** A range of transactions into CSV by the cursor, else row by row. */
function encodeAny(
  stream: EventStream<unknown>,
  table: LaneTable,
  format: 'csv' | 'jsonl',
  write: (row: Record<string, unknown>, out: FileWriter) => void,
  from: number,
  to: number,
  fields: readonly string[] | undefined,
): EncodedRange {
  const ledger = ledgerStreamOf(table, stream)
  if (ledger && format === 'csv') return encodeCsvRange(ledger, from, to, fields)
  return encodeRange(stream, tables[table], write, from, to, fields, ledger)
}

/** The table whose rows carry balances: its ranges come with their legs. */
function ledgerStreamOf(table: LaneTable, stream: EventStream<unknown>): TransactionStream | undefined {
  return table === 'transactions' && isTransactionStream(stream) ? stream : undefined
}

/**
 * What runs inside a lane: builds the background once (the same population the main run builds), then encodes
 * ranges. A lane is a thread entry, so the config it was sent is validated again here.
 */
export function createRangeEncoder(input: unknown, format: 'csv' | 'jsonl') {
  const config = parseConfig(input)
  const streams = eventStreams(buildBackground(config), config.counts)
  const writers = Object.fromEntries(laneTables.map((t) => [t, rowWriter(format, tables[t])])) as Record<
    LaneTable,
    ReturnType<typeof rowWriter>
  >
  return {
    encode(table: LaneTable, from: number, to: number, fields?: readonly string[]): EncodedRange {
      return encodeAny(streams[table], table, format, writers[table], from, to, fields)
    },
    /** Lanes.fillLegs, in this lane (the specs stay with its stream until it encodes the rows). */
    fillLegs(from: number, to: number): LegColumns {
      const stream = ledgerStreamOf('transactions', streams.transactions)
      if (!stream) throw new EngineError('transactions have no ledger path')
      const legs = legColumns(to - from)
      stream.fill(from, to, legs, true)
      return legs
    },
  }
}

/**
 * The main thread as one more lane, over the stream it already holds: while the range it must write next is still
 * being encoded elsewhere, it encodes a later one itself instead of waiting. `idle` gives the host's event loop a
 * turn so the lanes' finished ranges are seen.
 */
export interface LocalLane {
  encode(from: number, to: number, fields: readonly string[] | undefined): EncodedRange
  idle(): Promise<void>
}

export function localLane(
  stream: EventStream<unknown>,
  format: 'csv' | 'jsonl',
  table: LaneTable,
  idle: () => Promise<void>,
): LocalLane {
  const write = rowWriter(format, tables[table])
  return { encode: (from, to, fields) => encodeAny(stream, table, format, write, from, to, fields), idle }
}

/** The merge's ledger for a table whose rows carry balances: the running balances and the tail writer. */
export interface LaneLedger {
  readonly run: RunningLedger
  readonly tails: BalanceTails
}

type Slot = { range: EncodedRange | null; wait: Promise<EncodedRange> | null }

/** What the run's reports read of one table: these fields of every row, handed to `row` in output order. */
export interface Observing {
  readonly fields: readonly string[]
  readonly row: (row: unknown) => void
  /** `row` keeps nothing of a row after it returns: one object then carries every background row. */
  readonly inPlace?: boolean
}

/**
 * Writes one table from lanes: ranges are requested ahead, taken in order, and the injected rows are spliced in
 * exactly where the single-threaded merge would put them (before the first background row that is later). With a
 * local lane, this thread encodes the next unrequested range whenever the one it needs is not ready yet. With a
 * `plan` (the ledger's pre-pass ranges), each range goes back to the lane that drew it, where its specs are kept,
 * and this thread only merges.
 */
export async function writeWithLanes(
  lanes: Lanes,
  table: LaneTable,
  background: number,
  extra: readonly unknown[],
  time: (row: unknown) => number,
  raw: (bytes: Uint8Array) => Promise<void> | void,
  writeRow: (row: Record<string, unknown>) => Promise<void> | void,
  afterRange: (rowsDone: number) => void,
  observing?: Observing,
  local?: LocalLane,
  ledger?: LaneLedger,
  plan?: readonly PlannedRange[],
): Promise<void> {
  const fields = observing?.fields
  const observe = observing?.row
  // A background row's accounts are its legs' (world indices, which lead the book's accounts) and its balances the
  // merge's: with a ledger the lanes send neither, and the reports get the indices beside the ids (keyed by index,
  // not by a lookup of the id string; that lookup and the ids' packing made one lane slower than none at 1M rows).
  const byLegs = ledger !== undefined && fields !== undefined
  const sent = byLegs ? fields.filter((f) => !LEG_FIELDS.has(f)) : fields
  const legFields: LegFields | null = byLegs
    ? {
        accounts: ledger.run.book.accounts,
        fromId: fields.includes('fromAccountId'),
        toId: fields.includes('toAccountId'),
        fromAfter: fields.includes('fromBalanceAfter'),
        toAfter: fields.includes('toBalanceAfter'),
      }
    : null
  const view: Record<string, unknown> = {}
  if (plan && (plan.length === 0 ? background : plan[plan.length - 1].to) !== background)
    throw new EngineError(`${table}: the pre-pass planned other rows than the table has`)
  const slots: Slot[] = []
  let next = 0 // the next unclaimed row (planned: the next range of the plan)
  let inFlight = 0
  const claim = (rows: number) => {
    const from = next
    next = Math.min(background, next + rows)
    return [from, next] as const
  }
  const ask = (from: number, to: number, lane?: number) => {
    const slot: Slot = { range: null, wait: null }
    inFlight++
    slot.wait = lanes.encode(table, from, to, sent, lane).then((r) => {
      slot.range = r
      inFlight--
      return r
    })
    // A lane that fails rejects every range it holds: the run fails on the first one it awaits, once.
    slot.wait.catch(() => undefined)
    slots.push(slot)
  }
  const request = () => {
    for (; plan && inFlight < lanes.count * 2 && next < plan.length; next++)
      ask(plan[next].from, plan[next].to, plan[next].lane)
    while (!plan && inFlight < lanes.count * 2 && next < background) ask(...claim(LANE_RANGE_ROWS))
  }
  request()
  let j = 0
  let done = 0
  while (slots.length > 0) {
    const head = slots[0]
    while (local && !plan && !head.range && next < background) {
      // Smaller ranges here: this thread must come back soon to write, and to notice a cancel.
      const [from, to] = claim(LOCAL_RANGE_ROWS)
      slots.push({ range: local.encode(from, to, sent), wait: null })
      await local.idle()
    }
    const range = head.range ?? (await (head.wait as Promise<EncodedRange>))
    slots.shift()
    request()
    const rows = range.times.length
    if (observe && range.packed?.count !== rows)
      throw new EngineError(`a lane sent no rows for ${table}, which a report reads: its encode must honour fields`)
    const fill = observe && range.packed ? packedFiller(tables[table], range.packed) : null
    // The balances the ledger books, kept for the reports, which read each row after it is booked.
    const after: BalanceColumns | undefined =
      fill && legFields ? { from: new Float64Array(rows), to: new Float64Array(rows) } : undefined
    let start = 0
    let seen = 0
    let booked = 0
    if (ledger && !range.legs) throw new EngineError(`a lane sent no legs for ${table}: its balances need them`)
    // Background rows [booked, k) as written: with a ledger, booked in order and given their balance cells.
    const bytesUpTo = (k: number, end: number) => {
      const bytes = ledger
        ? ledger.tails.patch(range.bytes, range.ends, range.legs as LegColumns, after, booked, k, ledger.run)
        : range.bytes.subarray(start, end)
      booked = k
      return bytes
    }
    // Observers get the rows in output order: the background rows before each spliced row, then that row.
    const observeUpTo = (k: number) => {
      if (!observe || !fill) return
      for (; seen < k; seen++) {
        const row = observing?.inPlace ? view : {}
        fill(row, seen)
        if (legFields && after) withLegs(row, seen, range.legs as LegColumns, after, legFields)
        observe(row)
      }
    }
    while (j < extra.length) {
      const k = firstAbove(range.times, time(extra[j]))
      if (range.times[k] <= time(extra[j])) break // later than this whole range: it belongs to a later one
      const end = k === 0 ? 0 : range.ends[k - 1]
      await raw(bytesUpTo(k, end))
      start = end
      observeUpTo(k)
      ledger?.run.stamp(extra[j] as Transaction)
      observe?.(extra[j])
      await writeRow(extra[j++] as Record<string, unknown>)
    }
    await raw(bytesUpTo(rows, range.bytes.length))
    observeUpTo(rows)
    done += rows
    afterRange(done + j)
  }
  while (j < extra.length) {
    ledger?.run.stamp(extra[j] as Transaction)
    observe?.(extra[j])
    await writeRow(extra[j++] as Record<string, unknown>)
  }
}

/** Fields a ledger's merge gives the reports itself (from the legs and its balances), so lanes do not pack them. */
const LEG_FIELDS = new Set(['fromAccountId', 'toAccountId', 'fromBalanceAfter', 'toBalanceAfter'])

interface LegFields {
  readonly accounts: readonly { readonly id: string }[]
  readonly fromId: boolean
  readonly toId: boolean
  readonly fromAfter: boolean
  readonly toAfter: boolean
}

/** Background row k given its accounts from its legs (the world indices, and the ids asked for) and its balances. */
function withLegs(row: Record<string, unknown>, k: number, legs: LegColumns, after: BalanceColumns, f: LegFields) {
  const from = legs.from[k]
  const to = legs.to[k]
  row.fromIndex = from
  row.toIndex = to
  if (f.fromId) row.fromAccountId = from < 0 ? null : f.accounts[from].id
  if (f.toId) row.toAccountId = to < 0 ? null : f.accounts[to].id
  if (f.fromAfter) row.fromBalanceAfter = Number.isNaN(after.from[k]) ? null : after.from[k]
  if (f.toAfter) row.toBalanceAfter = Number.isNaN(after.to[k]) ? null : after.to[k]
}
