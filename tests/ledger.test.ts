import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  createMemorySink,
  createRangeEncoder,
  runGeneration,
  streamEvents,
  validateConfig,
  type Lanes,
  type ValidConfig,
} from '../src/engine/index.ts'
import { currencyByCode } from '../src/engine/reference/currencies.ts'
import { buildBackground } from '../src/engine/orchestrator/background.ts'
import { eventStreams } from '../src/engine/orchestrator/table-sources.ts'
import { isTransactionStream, legColumns } from '../src/engine/generators/events/transaction-legs.ts'

/**
 * The ledger as a user checks it: read accounts.csv and transactions.csv, run every account forward from its
 * opening_balance through every transaction in file order, and compare each balance cell to the minor unit; no
 * account goes below what its type allows.
 */

type Cells = Record<string, string>

function config(seed: string, counts: Record<string, number>): ValidConfig {
  const checked = validateConfig({
    seed,
    counts,
    patterns: {
      structuring: { count: 3 },
      accountTakeover: { count: 3 },
      muleChain: { count: 3 },
      fraudRing: { count: 2 },
      tbml: { count: 2 },
    },
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.config
}

const small = config('ledger', {
  persons: 300,
  companies: 60,
  accounts: 700,
  transactions: 20_000,
  documents: 300,
  communications: 200,
  trades: 200,
  travels: 100,
  accessEvents: 500,
})
/** Big enough for lanes (a table of at least 50,000 background rows goes to them). */
const mediumish = config('ledger-m', {
  persons: 1_500,
  companies: 300,
  accounts: 3_000,
  transactions: 110_000,
  documents: 800,
  communications: 300,
  trades: 300,
  travels: 100,
  accessEvents: 500,
})

async function generate(c: ValidConfig, extra: object = {}, format: 'csv' | 'jsonl' = 'csv') {
  const sink = createMemorySink()
  await runGeneration(c, { format, sink, realism: false, ...extra })
  return (name: string) => (sink.files.has(name) ? new TextDecoder().decode(sink.bytes(name)) : undefined)
}

function readCsv(text: string | undefined): Cells[] {
  if (text === undefined) throw new Error('missing file')
  return Papa.parse<Cells>(text, { header: true, skipEmptyLines: true }).data
}

/** A money cell in minor units, read as text (no float rounding). */
function minor(text: string, digits: number): number {
  const neg = text.startsWith('-')
  const [whole, frac = ''] = (neg ? text.slice(1) : text).split('.')
  expect(frac.length, `${text} has ${digits} decimals`).toBe(digits)
  const v = Number(whole) * 10 ** digits + (frac === '' ? 0 : Number(frac))
  return neg ? -v : v
}

interface Replay {
  readonly cells: number
  readonly mismatches: string[]
  readonly breaches: string[]
  readonly negative: Record<string, number>
}

/** Replays every account's ledger and lists the balance cells that disagree and the floors that are passed. */
function replay(accountRows: Cells[], txRows: Cells[]): Replay {
  const acc = new Map<string, { type: string; digits: number; balance: number; floor: number; low: number }>()
  for (const a of accountRows) {
    const digits = currencyByCode[a.currency].minorDigits
    const limit = (cell: string) => (cell === '' ? 0 : minor(cell, digits))
    const floor =
      a.account_type === 'checking' || a.account_type === 'business'
        ? -limit(a.overdraft_limit)
        : a.account_type === 'credit_card' || a.account_type === 'loan'
          ? -limit(a.credit_limit)
          : 0
    const opening = minor(a.opening_balance, digits)
    acc.set(a.id, { type: a.account_type, digits, balance: opening, floor, low: opening })
  }
  const mismatches: string[] = []
  let cells = 0
  const side = (t: Cells, id: string, delta: (digits: number) => number, cell: string, name: string) => {
    if (id === '') {
      if (cell !== '') mismatches.push(`${t.id}: ${name} is ${cell} with no account`)
      return
    }
    const a = acc.get(id)
    if (!a) return void mismatches.push(`${t.id}: ${id} is not in accounts.csv`)
    a.balance += delta(a.digits)
    a.low = Math.min(a.low, a.balance)
    cells++
    if (cell === '' || minor(cell, a.digits) !== a.balance)
      mismatches.push(`${t.id}: ${name} ${cell}, replayed ${a.balance} minor units of ${id}`)
  }
  for (const t of txRows) {
    const fromDigits = currencyByCode[t.currency].minorDigits
    side(t, t.from_account_id, () => -minor(t.amount, fromDigits), t.from_balance_after, 'from_balance_after')
    const credit = () =>
      t.to_amount !== '' ? minor(t.to_amount, currencyByCode[t.to_currency].minorDigits) : minor(t.amount, fromDigits)
    side(t, t.to_account_id, credit, t.to_balance_after, 'to_balance_after')
  }
  const breaches: string[] = []
  const negative: Record<string, number> = {}
  for (const [id, a] of acc) {
    if (a.low < a.floor) breaches.push(`${id} (${a.type}) reaches ${a.low}, below its floor ${a.floor}`)
    if (a.low < 0) negative[a.type] = (negative[a.type] ?? 0) + 1
  }
  return { cells, mismatches, breaches, negative }
}

function expectBalanced(files: (name: string) => string | undefined, label: string): Replay {
  const txRows = readCsv(files('transactions.csv'))
  const r = replay(readCsv(files('accounts.csv')), txRows)
  expect(r.mismatches.slice(0, 5), label).toEqual([])
  expect(r.breaches.slice(0, 5), label).toEqual([])
  // Every transaction names at least one account, so every row has a balance to check.
  expect(r.cells, label).toBeGreaterThanOrEqual(txRows.length)
  // Overdrafts and cards are used: a ledger that never dips would not be testing the floors.
  expect((r.negative.checking ?? 0) + (r.negative.credit_card ?? 0), label).toBeGreaterThan(0)
  expect(r.negative.savings ?? 0, label).toBe(0)
  expect(r.negative.investment ?? 0, label).toBe(0)
  return r
}

/** Lanes answered in this thread by the engine's range encoder, out of order as real threads answer. */
function fakeLanes(c: ValidConfig, format: 'csv' | 'jsonl'): Lanes & { requests(): number } {
  const encoder = createRangeEncoder(c, format)
  let requests = 0
  return {
    count: 2,
    encode: (table, from, to, withRows) => {
      requests++
      return new Promise((resolve) =>
        setTimeout(() => resolve(encoder.encode(table, from, to, withRows)), (from / 50_000) % 2 === 0 ? 5 : 0),
      )
    },
    requests: () => requests,
  }
}

/**
 * Lanes that also draw the ledger's pre-pass, each with a population of its own as threads have, answering out of
 * order; they log which transaction rows each lane drew and encoded.
 */
function drawingLanes(c: ValidConfig, count: number) {
  const encoders = Array.from({ length: count }, () => createRangeEncoder(c, 'csv'))
  const filled = encoders.map(() => [] as string[])
  const encoded = encoders.map(() => [] as string[])
  const later = <T>(from: number, work: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(work()), (from / 50_000) % 2 === 0 ? 8 : 1))
  const lanes: Lanes = {
    count,
    encode: (table, from, to, fields, lane) => {
      const k = lane ?? 0
      if (table === 'transactions') encoded[k].push(`${from}-${to}`)
      return later(from, () => encoders[k].encode(table, from, to, fields))
    },
    fillLegs: (from, to, lane) => {
      filled[lane].push(`${from}-${to}`)
      return later(from, () => encoders[lane].fillLegs(from, to))
    },
  }
  return { lanes, filled, encoded }
}

describe('the ledger', () => {
  it("the pre-pass's lean path gives every row's time, accounts and amounts exactly as the rows do", () => {
    const bg = buildBackground(small)
    const stream = eventStreams(bg, small.counts).transactions
    if (!isTransactionStream(stream)) throw new Error('transactions have no lean path')
    const n = stream.count
    const lean = legColumns(n)
    // In two pieces, the second first: a range is filled on its own, as a lane or shard would.
    const half = legColumns(n - 7_000)
    stream.fill(7_000, n, half)
    stream.fill(0, 7_000, lean)
    lean.time.set(half.time, 7_000)
    lean.from.set(half.from, 7_000)
    lean.to.set(half.to, 7_000)
    lean.debit.set(half.debit, 7_000)
    lean.credit.set(half.credit, 7_000)
    const index = (id: string | null) => (id === null ? -1 : (bg.world.accountIndex.get(id) ?? -2))
    const differ: number[] = []
    for (let i = 0; i < n; i++) {
      const r = stream.row(i)
      const same =
        lean.time[i] === r.timestamp &&
        lean.from[i] === index(r.fromAccountId) &&
        lean.to[i] === index(r.toAccountId) &&
        lean.debit[i] === r.amount &&
        lean.credit[i] === (r.toAmount ?? r.amount)
      if (!same) differ.push(i)
    }
    expect(differ.slice(0, 5)).toEqual([])
  }, 60_000)

  it('replays to the minor unit in a small run with patterns, and stays within every floor', async () => {
    const files = await generate(small)
    const r = expectBalanced(files, 'small')
    // Injected rows are booked too: some balance cells belong to pattern rows.
    const injected = readCsv(files('transactions.csv')).filter((t) => t.pattern_id !== '')
    expect(injected.length).toBeGreaterThan(0)
    expect(injected.every((t) => t.from_balance_after !== '' || t.to_balance_after !== '')).toBe(true)
    expect(r.cells).toBeGreaterThan(20_000)
  }, 120_000)

  it('books injected rows when there are no background transactions', async () => {
    const c = config('ledger-0', { persons: 200, companies: 40, accounts: 400, transactions: 0 })
    const files = await generate(c)
    const txRows = readCsv(files('transactions.csv'))
    expect(txRows.length).toBeGreaterThan(0)
    const r = replay(readCsv(files('accounts.csv')), txRows)
    expect(r.mismatches.slice(0, 5)).toEqual([])
    expect(r.breaches.slice(0, 5)).toEqual([])
    expect(r.cells).toBeGreaterThanOrEqual(txRows.length)
  }, 120_000)

  it('the live stream carries the same balances as the written table', async () => {
    const files = await generate(small, {}, 'jsonl')
    const written = (files('transactions.jsonl') as string).trimEnd().split('\n')
    const streamed: string[] = []
    for (const e of streamEvents(small))
      if (e.table === 'transactions') streamed.push('{' + e.line.slice(e.line.indexOf(',') + 1))
    expect(streamed.length).toBe(written.length)
    expect(streamed.filter((line, k) => line !== written[k]).slice(0, 3)).toEqual([])
    expect(written[0]).toMatch(/"from_balance_after":(-?\d+(\.\d+)?|null),"to_balance_after":(-?\d+(\.\d+)?|null)}$/)
  }, 120_000)

  it('gives the same bytes with lanes (csv and jsonl) and from three shards, and they replay', async () => {
    const single = await generate(mediumish)
    expectBalanced(single, 'single thread')
    const lanes = fakeLanes(mediumish, 'csv')
    const parallel = await generate(mediumish, { lanes })
    expect(lanes.requests()).toBeGreaterThanOrEqual(2)
    expect(parallel('transactions.csv') === single('transactions.csv')).toBe(true)
    expect(parallel('accounts.csv') === single('accounts.csv')).toBe(true)

    const jsonLanes = fakeLanes(mediumish, 'jsonl')
    const json = await generate(mediumish, {}, 'jsonl')
    const jsonParallel = await generate(mediumish, { lanes: jsonLanes }, 'jsonl')
    expect(jsonParallel('transactions.jsonl') === json('transactions.jsonl')).toBe(true)
    // JSON Lines carries the same balances as the CSV (numbers with the currency's digits, null where empty).
    const csvRows = readCsv(single('transactions.csv'))
    const jsonRows = (json('transactions.jsonl') as string).trimEnd().split('\n')
    for (const k of [0, 1, 777, jsonRows.length - 1]) {
      const j = JSON.parse(jsonRows[k]) as Record<string, number | null>
      const text = (line: string) => line.match(/"from_balance_after":([^,]+),"to_balance_after":([^}]+)}/)
      const [, from, to] = text(jsonRows[k]) ?? []
      expect([from, to], `row ${k}`).toEqual([
        csvRows[k].from_balance_after || 'null',
        csvRows[k].to_balance_after || 'null',
      ])
      expect(j.id).toBe(csvRows[k].id)
    }

    // The pre-pass drawn by the lanes while this thread builds the population: each range is encoded by the lane
    // that drew it (its specs are kept there), and the bytes do not change.
    const drawing = drawingLanes(mediumish, 2)
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve))
    const drawn = await generate(mediumish, { lanes: drawing.lanes, pause })
    expect(drawn('transactions.csv') === single('transactions.csv')).toBe(true)
    expect(drawn('accounts.csv') === single('accounts.csv')).toBe(true)
    expect(drawing.filled.every((f) => f.length > 0)).toBe(true)
    expect(drawing.encoded.map((e) => e.sort())).toEqual(drawing.filled.map((f) => f.sort()))
    const rows = drawing.filled.flat().map((r) => r.split('-').map(Number))
    expect(rows.reduce((n, [from, to]) => n + to - from, 0)).toBe(110_000)

    const parts = await Promise.all([0, 1, 2].map((index) => generate(mediumish, { shard: { index, count: 3 } })))
    expect(parts.map((p) => p('transactions.csv')).join('') === single('transactions.csv')).toBe(true)
    expect(parts[0]('accounts.csv') === single('accounts.csv')).toBe(true)
  }, 300_000)
})
