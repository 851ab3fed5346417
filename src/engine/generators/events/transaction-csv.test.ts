import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../config/validate.ts'
import { csvRowWriter } from '../../export/cells.ts'
import { FileWriter } from '../../export/file-writer.ts'
import { tables } from '../../model/schema.ts'
import { buildBackground } from '../../orchestrator/background.ts'
import { eventStreams } from '../../orchestrator/table-sources.ts'
import { Rng } from '../../random/rng.ts'
import { legColumns, type TransactionStream } from './transaction-legs.ts'
import { TransactionCsv } from './transaction-csv.ts'
import { backgroundTransaction, RowSpec } from './transaction-row.ts'

const config = parseConfig({
  seed: 'row cursor',
  counts: { persons: 400, companies: 80, accounts: 900, transactions: 30_000, documents: 300 },
})
const bg = buildBackground(config)
const stream = () => eventStreams(bg, config.counts).transactions as TransactionStream
const ROWS = 30_000

/** The first differing lines, for a readable failure. */
function firstDiff(a: Uint8Array, b: Uint8Array): string {
  const x = Buffer.from(a).toString('utf8').split('\n')
  const y = Buffer.from(b).toString('utf8').split('\n')
  const k = x.findIndex((line, i) => line !== y[i])
  return k < 0 ? (x.length === y.length ? '' : `lengths ${x.length} ${y.length}`) : `line ${k}:\n${x[k]}\n${y[k]}`
}

const FIELDS = tables.transactions.columns.map((c) => c.key)

/** The row objects, balances booked as the object path books them. */
function objectRows(balanced: boolean): Record<string, unknown>[] {
  const s = stream()
  const legs = legColumns(1)
  const balance = Float64Array.from(bg.world.accounts, (a) => a.openingBalance)
  return Array.from({ length: ROWS }, (_, i) => {
    const row = s.rowWithLegs(i, legs, 0)
    if (balanced) {
      if (legs.from[0] >= 0) row.fromBalanceAfter = balance[legs.from[0]] -= legs.debit[0]
      if (legs.to[0] >= 0) row.toBalanceAfter = balance[legs.to[0]] += legs.credit[0]
    }
    return { ...row }
  })
}

/** The rows as the object path writes them: row(i) booked by its legs, then the CSV writer's line. */
function objectBytes(balanced: boolean): Uint8Array {
  const s = stream()
  const out = FileWriter.memory()
  const write = csvRowWriter(tables.transactions)
  const legs = legColumns(1)
  const balance = Float64Array.from(bg.world.accounts, (a) => a.openingBalance)
  for (let i = 0; i < ROWS; i++) {
    const row = s.rowWithLegs(i, legs, 0)
    if (balanced) {
      if (legs.from[0] >= 0) row.fromBalanceAfter = balance[legs.from[0]] -= legs.debit[0]
      if (legs.to[0] >= 0) row.toBalanceAfter = balance[legs.to[0]] += legs.credit[0]
    }
    write(row, out)
  }
  return out.takeBytes()
}

describe('the row cursor', () => {
  it('writes the bytes the CSV writer writes for the same rows, balances booked the same way', () => {
    for (const balanced of [true, false]) {
      const s = stream()
      const out = FileWriter.memory()
      const cursor = s.cursor()
      const balance = balanced ? Float64Array.from(bg.world.accounts, (a) => a.openingBalance) : null
      const views: Record<string, unknown>[] = []
      for (let i = 0; i < ROWS; i++) {
        cursor.load(i)
        cursor.csv(out, balance)
        if (i % 7 === 0)
          views.push(Object.fromEntries(FIELDS.map((f) => [f, (cursor.view as Record<string, unknown>)[f]])))
      }
      expect(views).toEqual(objectRows(balanced).filter((_, i) => i % 7 === 0))
      const bytes = out.takeBytes()
      expect(firstDiff(bytes, objectBytes(balanced))).toBe('')
      // The rows cover the encoder's branches: another currency, a document, cash with its handler.
      const lines = Buffer.from(bytes).toString('utf8').split('\n')
      expect(lines.filter((l) => /^([^,]*,){10}\d+\.\d{6},/.test(l)).length).toBeGreaterThan(10)
      expect(lines.filter((l) => l.includes(',DOC-')).length).toBeGreaterThan(10)
      expect(lines.filter((l) => l.includes(',PER-')).length).toBeGreaterThan(10)
    }
  })

  it('takes the long way for text that needs quotes or defusing, as the CSV writer does', () => {
    const accounts = bg.world.accounts
    const csv = new TransactionCsv(bg.world, bg.codecs.transactions)
    const write = csvRowWriter(tables.transactions)
    const texts = [
      'Caf\u00e9 "Zur Post", Mitte',
      '=SUM(A1)',
      '-12',
      '+44 20',
      'Line\nbreak',
      'lone \ud800 half',
      'plain',
    ]
    for (const [i, text] of texts.entries()) {
      const s = new RowSpec().reset(1_740_000_000 + i, 'card_purchase', accounts, i, -1, 1_000 + i)
      s.setMerchant({ name: text, mcc: texts[(i + 1) % texts.length] })
      s.city = texts[(i + 2) % texts.length]
      s.description = texts[(i + 3) % texts.length]
      const a = FileWriter.memory()
      const b = FileWriter.memory()
      csv.write(a, new Rng([4, 3, 2, i]), 7 + i, s, null)
      write(backgroundTransaction(new Rng([4, 3, 2, i]), bg.codecs.transactions.id(0, 7 + i), s), b)
      expect(firstDiff(a.takeBytes(), b.takeBytes())).toBe('')
    }
  })

  it('gives the same rows from specs the pre-pass kept, with their legs and times', () => {
    const s = stream()
    const drawn = legColumns(ROWS)
    s.fill(0, ROWS, drawn, true)
    const cursor = s.cursor()
    const legs = legColumns(ROWS)
    const out = FileWriter.memory()
    const balance = Float64Array.from(bg.world.accounts, (a) => a.openingBalance)
    for (let i = 0; i < ROWS; i++) {
      expect(cursor.load(i)).toBe(drawn.time[i])
      cursor.legs(legs, i)
      cursor.csv(out, balance)
    }
    expect(legs).toEqual(drawn)
    expect(firstDiff(out.takeBytes(), objectBytes(true))).toBe('')
  })
})
