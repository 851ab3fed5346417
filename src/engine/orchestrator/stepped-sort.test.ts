import { describe, expect, it } from 'vitest'
import { createRng } from '../random/rng.ts'
import { SORT_STEP_ROWS, sortByIdSteps } from './stepped-sort.ts'

function drain<T>(steps: Generator<number, T, void>): { value: T; yields: number } {
  let yields = 0
  for (;;) {
    const r = steps.next()
    if (r.done) return { value: r.value, yields }
    yields++
  }
}

describe('sortByIdSteps', () => {
  it('gives exactly the order of one sort by id, for any length, yielding along the way', () => {
    const rng = createRng('stepped-sort')
    for (const n of [0, 1, 2, SORT_STEP_ROWS - 1, SORT_STEP_ROWS, SORT_STEP_ROWS * 2 + 17, SORT_STEP_ROWS * 5]) {
      const rows = Array.from({ length: n }, (_, i) => ({ id: `id-${Math.floor(rng.next() * 1e12)}-${i}`, i }))
      const expected = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const { value, yields } = drain(sortByIdSteps(rows))
      expect(
        value.map((r) => r.i),
        `n=${n}`,
      ).toEqual(expected.map((r) => r.i))
      expect(yields).toBeGreaterThanOrEqual(Math.ceil(n / SORT_STEP_ROWS))
    }
  })
})
