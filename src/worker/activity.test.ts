import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { activityHistogram } from './activity.ts'

const start = Date.UTC(2025, 0, 1)

describe('activityHistogram', () => {
  it('counts labelled and background rows per day, with quoted commas and line breaks in cells', () => {
    const csv =
      'id,description,timestamp,pattern_id\n' +
      'T1,"rent, March",2025-01-01T09:00:00Z,\n' +
      'T2,"two\nlines",2025-01-01T10:00:00Z,PAT-1\n' +
      'T3,"say ""hi""",2025-01-03T00:00:00Z,\n'
    // Split mid-row, as a sink's chunks are.
    const bytes = strToU8(csv)
    const files = new Map([['transactions.csv', [bytes.subarray(0, 50), bytes.subarray(50)]]])
    const a = activityHistogram(files, start, 5)
    expect(a.binDays).toBe(1)
    expect(a.background).toEqual([1, 0, 1, 0, 0])
    expect(a.labelled).toEqual([1, 0, 0, 0, 0])
  })

  it('bins a year by week and reads each table by its own date column', () => {
    const files = new Map([
      ['documents.csv', [strToU8('id,issued_at,pattern_id\nD1,2025-01-09T00:00:00Z,PAT-2\n')]],
      ['communications.csv', [strToU8('id,timestamp,pattern_id\nM1,2025-12-31T23:00:00Z,\n')]],
    ])
    const a = activityHistogram(files, start, 365)
    expect(a.binDays).toBe(7)
    expect(a.labelled[1]).toBe(1)
    expect(a.background[52]).toBe(1)
    expect(a.labelled.reduce((n, v) => n + v, 0) + a.background.reduce((n, v) => n + v, 0)).toBe(2)
  })
})
