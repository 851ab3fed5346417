import { describe, expect, it } from 'vitest'
import { tables } from '../model/schema.ts'
import { allFields, packedBuffers, packedReader, rowPacker } from './packed-rows.ts'

const message = (i: number, subject: string | null, duration: number | null, encrypted: boolean) => ({
  id: `MSG-${i}`,
  timestamp: 1_735_689_600 + i * 61,
  channel: i % 2 === 0 ? 'email' : 'call',
  senderId: 'PER-A',
  recipientId: `PER-${i % 3}`,
  subject,
  body: '',
  language: 'en',
  durationSeconds: duration,
  isEncrypted: encrypted,
  patternId: null,
  patternRole: null,
  isSuspicious: false,
})

describe('packed rows (what a lane sends back for the reports)', () => {
  it('read back as the rows they were packed from: nulls, empty text, booleans, whole and fractional numbers', () => {
    const rows = [
      message(0, 'Invoice', null, false),
      message(1, null, 0, true),
      message(2, '', 3.5, false),
      message(3, 'Invoice', -7, true),
    ]
    const fields = allFields(tables.communications)
    const packer = rowPacker(tables.communications, fields, rows.length)
    for (const r of rows) packer.add(r)
    const packed = packer.take()
    const read = packedReader(tables.communications, packed)
    expect(rows.map((_, k) => read(k))).toEqual(rows)
    // Repeated text crosses once: PER-A, the languages and channels are one entry each.
    expect(packed.strings.filter((s) => s === 'PER-A')).toHaveLength(1)
    expect(packedBuffers(packed)).toHaveLength(fields.length)
  })

  it('hold only the fields asked for', () => {
    const packer = rowPacker(tables.communications, ['timestamp', 'senderId'], 1)
    packer.add(message(5, null, null, false))
    const read = packedReader(tables.communications, packer.take())
    expect(read(0)).toEqual({ timestamp: 1_735_689_600 + 5 * 61, senderId: 'PER-A' })
  })

  it('refuse a field the table does not have, and a range with rows missing', () => {
    expect(() => rowPacker(tables.communications, ['senderId', 'nope'], 1)).toThrow(
      /field nope of communications cannot be packed/,
    )
    const short = rowPacker(tables.communications, ['senderId'], 2)
    short.add(message(0, null, null, false))
    expect(() => short.take()).toThrow(/packed 1 rows of communications where 2 were announced/)
  })
})
