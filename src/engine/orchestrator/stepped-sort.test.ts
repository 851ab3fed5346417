import { describe, expect, it } from 'vitest'
import { createIdCodec } from '../model/ids.ts'
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

  it('sorts real ids (background and pattern streams) exactly as a string sort, and falls back on foreign ids', () => {
    const codec = createIdCodec('ACC', 7)
    const rng = createRng('radix')
    const n = SORT_STEP_ROWS * 3 + 5
    const rows = Array.from({ length: n }, (_, i) => ({ id: codec.id(i % 50 === 0 ? 1 + rng.below(300) : 0, i), i }))
    const byString = (xs: typeof rows) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    expect(drain(sortByIdSteps(rows)).value.map((r) => r.i)).toEqual(byString(rows).map((r) => r.i))
    // One id of another shape (longer, or a letter outside the id alphabet) sends the whole table to the string sort.
    for (const odd of ['ACC-000000000U', 'ACC-00000000000', 'PER-0000000000']) {
      const mixed = [...rows.slice(0, 1000), { id: odd, i: -1 }]
      expect(
        drain(sortByIdSteps(mixed)).value.map((r) => r.i),
        odd,
      ).toEqual(byString(mixed).map((r) => r.i))
    }
  })
})
