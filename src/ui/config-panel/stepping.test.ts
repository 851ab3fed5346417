import { describe, expect, it } from 'vitest'
import { stepCount } from './stepping.ts'

describe('stepCount', () => {
  it('steps by about a tenth of the value, snapped', () => {
    expect(stepCount(10_000, 1, 0, 1e9)).toBe(11_000)
    expect(stepCount(150, 1, 0, 1e9)).toBe(160)
    expect(stepCount(7, 1, 0, 1e9)).toBe(8)
    expect(stepCount(1_234, 1, 0, 1e9)).toBe(1_300)
  })

  it('returns to the start after up then down, for many values', () => {
    for (const v of [0, 1, 9, 10, 99, 100, 101, 999, 1_000, 2_000, 12_345, 5_000_000]) {
      const up = stepCount(v, 1, 0, 1e9)
      expect(up, String(v)).toBeGreaterThan(v)
      const snapped = stepCount(up, -1, 0, 1e9)
      expect(stepCount(snapped, 1, 0, 1e9), String(v)).toBe(up)
    }
    expect(stepCount(stepCount(10_000, 1, 0, 1e9), -1, 0, 1e9)).toBe(10_000)
    expect(stepCount(stepCount(2, -1, 0, 1e9), 1, 0, 1e9)).toBe(2)
  })

  it('stays inside the bounds and steps ten times as far when asked', () => {
    expect(stepCount(0, -1, 0, 100)).toBe(0)
    expect(stepCount(100, 1, 0, 100)).toBe(100)
    expect(stepCount(3, -1, 4, 100)).toBe(4)
    expect(stepCount(10_000, 1, 0, 1e9, true)).toBe(20_000)
    expect(stepCount(Number.NaN, 1, 5, 100)).toBe(6)
  })
})
