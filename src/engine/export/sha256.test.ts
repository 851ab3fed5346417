import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Sha256 } from './sha256.ts'

describe('Sha256', () => {
  it('matches node:crypto for many lengths fed in uneven chunks', () => {
    const data = new Uint8Array(5000).map((_, i) => (i * 131 + 7) & 255)
    for (const length of [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 5000]) {
      const slice = data.subarray(0, length)
      const h = new Sha256()
      for (let i = 0; i < length; i += 17) h.update(slice.subarray(i, Math.min(length, i + 17)))
      expect(h.hex(), `length ${length}`).toBe(createHash('sha256').update(slice).digest('hex'))
    }
  })
})
