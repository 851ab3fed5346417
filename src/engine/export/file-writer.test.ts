import { describe, expect, it } from 'vitest'
import { FileWriter } from './file-writer.ts'
import { csvRowWriter } from './cells.ts'
import type { ByteSink } from './byte-sink.ts'
import type { TableDef } from '../model/field.ts'
import { formatDate } from '../model/time.ts'

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('FileWriter encoding', () => {
  it('writes integers digit by digit exactly as String() prints them, across chunk boundaries', () => {
    const values = [0, 7, 10, 99, 100, 65_535, 2 ** 31, 2 ** 32 + 1, 999_999_999_999_999, 1e15, 2 ** 53 - 1, 1e21]
    const out = FileWriter.memory()
    let expected = ''
    // Enough rows that numbers straddle the 256 KiB chunk edge many times.
    for (let r = 0; r < 20_000; r++)
      for (const v of values) {
        out.uint(v + (v >= 10 && v < 1e15 && Number.isInteger(v) ? r : 0))
        out.byte(44)
        expected += String(v + (v >= 10 && v < 1e15 && Number.isInteger(v) ? r : 0)) + ','
      }
    expect(text(out.takeBytes())).toBe(expected)
  })

  it('writes UTF-8 as TextEncoder does, lone surrogates as U+FFFD', () => {
    const samples = [
      'plain',
      'Zoë Ørsted',
      '北京市',
      'emoji 👩‍💻 mix',
      'lone \ud800 high',
      'lone \udc00 low',
      'end \ud83d',
    ]
    const out = FileWriter.memory()
    for (const s of samples) out.put(s)
    expect(out.takeBytes()).toEqual(new TextEncoder().encode(samples.join('')))
  })
})

describe('FileWriter chunks', () => {
  /** A sink that copies each chunk as it is written, and notes the memory each one came in. */
  const copyingSink = (releasesChunks: boolean) => {
    const copies: Uint8Array[] = []
    const buffers = new Set<ArrayBufferLike>()
    const sink: ByteSink = {
      open: () => ({
        releasesChunks,
        write: async (c) => {
          copies.push(c.slice())
          buffers.add(c.buffer)
          await Promise.resolve()
        },
        close: () => undefined,
      }),
    }
    return { sink, copies, buffers }
  }
  const lines = Array.from({ length: 60_000 }, (_, i) => `row ${i},${'x'.repeat(i % 37)}\n`)

  it('refills chunks a releasing sink is done with, and writes the same bytes', async () => {
    const released = copyingSink(true)
    const kept = copyingSink(false)
    for (const { sink } of [released, kept]) {
      const w = await FileWriter.open(sink, 'a.csv')
      for (const line of lines) await w.write(line)
      await w.close()
    }
    const joined = (cs: Uint8Array[]) => text(Uint8Array.from(cs.flatMap((c) => [...c])))
    expect(joined(released.copies)).toBe(lines.join(''))
    expect(joined(kept.copies)).toBe(lines.join(''))
    expect(kept.buffers.size).toBe(kept.copies.length)
    expect(released.copies.length).toBeGreaterThan(4)
    expect(released.buffers.size).toBeLessThan(3)
  })
})

describe('CSV cells', () => {
  const table: TableDef = {
    name: 'cells',
    prefix: 'CEL',
    columns: [
      { key: 'amount', name: 'amount', spec: { kind: 'money' } },
      { key: 'currency', name: 'currency', spec: { kind: 'enum', values: ['EUR', 'JPY', 'XXX'] } },
      { key: 'note', name: 'note', spec: { kind: 'text' } },
      { key: 'count', name: 'count', spec: { kind: 'int' } },
    ],
  } as unknown as TableDef
  const line = (row: Record<string, unknown>) => {
    const out = FileWriter.memory()
    csvRowWriter(table)(row, out)
    return text(out.takeBytes())
  }

  it('writes money with the currency digits for negative, zero and large amounts', () => {
    expect(line({ amount: -12_345, currency: 'EUR', note: 'x', count: 0 })).toBe('-123.45,EUR,x,0\n')
    expect(line({ amount: 0, currency: 'EUR', note: 'x', count: -3 })).toBe('0.00,EUR,x,-3\n')
    expect(line({ amount: -5, currency: 'EUR', note: 'x', count: 1 })).toBe('-0.05,EUR,x,1\n')
    expect(line({ amount: 123_456_789_012_345, currency: 'JPY', note: 'x', count: 1 })).toBe(
      '123456789012345,JPY,x,1\n',
    )
    // A currency the reference does not list is written with two decimals.
    expect(line({ amount: 1_000_001, currency: 'XXX', note: 'x', count: 1 })).toBe('10000.01,XXX,x,1\n')
  })

  it('quotes text with commas, quotes and line breaks, and defuses formulas but not phone numbers', () => {
    expect(line({ amount: 1, currency: 'EUR', note: 'a, "b"\nc', count: 1 })).toBe('0.01,EUR,"a, ""b""\nc",1\n')
    expect(line({ amount: 1, currency: 'EUR', note: '=SUM(A1)', count: 1 })).toBe("0.01,EUR,'=SUM(A1),1\n")
    expect(line({ amount: 1, currency: 'EUR', note: '+441632 960000', count: 1 })).toBe('0.01,EUR,+441632 960000,1\n')
    expect(line({ amount: 1, currency: 'EUR', note: 'Müller & Söhne', count: 1 })).toBe('0.01,EUR,Müller & Söhne,1\n')
    expect(line({ amount: null, currency: 'EUR', note: null, count: null })).toBe(',EUR,,\n')
  })

  it('writes the same bytes for cells that fall on a chunk boundary', () => {
    // Rows of varying width until well past the first 256 KiB chunk, so every kind of cell meets a boundary.
    const notes = [
      'plain',
      'a, "b"',
      'Müller',
      '=1+1',
      '',
      'x'.repeat(40),
      'Zoë said "hi", 東京',
      'emoji 😀, ok',
      'say "x"',
    ]
    const out = FileWriter.memory()
    let expected = ''
    const write = csvRowWriter(table)
    for (let i = 0; i < 40_000; i++) {
      const note = notes[i % notes.length] + i
      write({ amount: i, currency: 'EUR', note, count: i }, out)
      const cell = note.startsWith('=') ? "'" + note : /[",]/.test(note) ? '"' + note.replace(/"/g, '""') + '"' : note
      expected += `${(i / 100).toFixed(2)},EUR,${cell},${i}\n`
    }
    // Decoded: a wrong UTF-8 byte would come back as U+FFFD and differ.
    expect(text(out.takeBytes())).toBe(expected)
  })
})

describe('CSV date and bool cells', () => {
  const table: TableDef = {
    name: 'days',
    prefix: 'DAY',
    columns: [
      { key: 'day', name: 'day', spec: { kind: 'date' } },
      { key: 'flag', name: 'flag', spec: { kind: 'bool' } },
    ],
  } as unknown as TableDef

  it('writes every date as formatDate does, across years 0 to 9999, outside them and across chunk edges', () => {
    const write = csvRowWriter(table)
    const out = FileWriter.memory()
    let expected = ''
    const days: number[] = [-719_528, -719_529, 2_932_896, 2_932_897, -800_000, 3_000_000, 0.5, -1]
    for (let d = -30_000; d < 80_000; d += 7) days.push(d)
    for (let r = 0; r < 3; r++)
      for (const [i, day] of days.entries()) {
        const flag = i % 3 === 0 ? null : i % 3 === 1
        write({ day, flag }, out)
        expected += `${formatDate(day)},${flag === null ? '' : String(flag)}\n`
      }
    expect(text(out.takeBytes())).toBe(expected)
  })
})
