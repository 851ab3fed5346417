import { describe, expect, it } from 'vitest'
import { defaultLaneCount } from './lanes.ts'

describe('default lanes of the CLI', () => {
  it('one fewer than the cores, at most four, and never a single lane (slower than none)', () => {
    expect([1, 2, 3, 4, 8, 64].map(defaultLaneCount)).toEqual([0, 0, 2, 3, 4, 4])
  })
})
