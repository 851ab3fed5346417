import { describe, expect, it } from 'vitest'
import { createRng, Rng } from './rng.ts'

describe('Rng', () => {
  it('gives the same sequence for the same seed and label, different ones otherwise', () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.u32())
    expect(draw(createRng(42).fork('persons'))).toEqual(draw(createRng(42).fork('persons')))
    expect(draw(createRng(42).fork('persons'))).not.toEqual(draw(createRng(42).fork('accounts')))
    expect(draw(createRng(42))).not.toEqual(draw(createRng(43)))
  })

  it('forking and row streams do not depend on how much the parent drew', () => {
    const a = createRng('x')
    const b = createRng('x')
    for (let i = 0; i < 1000; i++) b.u32()
    expect(a.fork('t').at(7).u32()).toBe(b.fork('t').at(7).u32())
    const reused = new Rng(a.key)
    expect(reused.seekRow(a, 7).u32()).toBe(a.at(7).u32())
  })

  it('int() stays inside its inclusive bounds and hits both ends', () => {
    const r = createRng(1)
    const seen = new Set<number>()
    for (let i = 0; i < 5000; i++) {
      const v = r.int(-3, 3)
      expect(v >= -3 && v <= 3).toBe(true)
      seen.add(v)
    }
    expect(seen.size).toBe(7)
  })

  it('is roughly uniform (chi-square over 16 buckets)', () => {
    const r = createRng(2024)
    const buckets = new Array(16).fill(0)
    const n = 64_000
    for (let i = 0; i < n; i++) buckets[Math.floor(r.next() * 16)]++
    const expected = n / 16
    const chi = buckets.reduce((s, o) => s + (o - expected) ** 2 / expected, 0)
    expect(chi).toBeLessThan(40) // p ≈ 0.0007 at 15 degrees of freedom
  })

  it('row streams of neighbouring indices are uncorrelated', () => {
    const root = createRng(9).fork('rows')
    let same = 0
    for (let i = 0; i < 2000; i++) if ((root.at(i).u32() & 1) === (root.at(i + 1).u32() & 1)) same++
    expect(same).toBeGreaterThan(900)
    expect(same).toBeLessThan(1100)
  })
})
