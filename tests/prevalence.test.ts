import { patternKinds } from '../src/engine/config/schema.ts'
import { describe, expect, it } from 'vitest'
import { generate, smallConfig } from './helpers/dataset.ts'

/** A prevalence target chooses the instance counts: the configured counts become the mix. */
describe('prevalence', () => {
  for (const [difficulty, prevalence] of [
    ['easy', 0.05],
    ['hard', 0.03],
  ] as const) {
    it(`${difficulty}: reaches a ${prevalence * 100} % share of suspicious transactions within ±10 %`, async () => {
      const g = await generate({ ...smallConfig(`prevalence-${difficulty}`, 1), difficulty, prevalence })
      const tx = g.tables.transactions
      const share = tx.filter((t) => t.is_suspicious === 'true').length / tx.length
      expect(share).toBeGreaterThanOrEqual(prevalence * 0.9)
      expect(share).toBeLessThanOrEqual(prevalence * 1.1)
      // Every kind of the mix took part.
      const kinds = new Set(g.tables.patterns.filter((p) => p.is_suspicious === 'true').map((p) => p.kind))
      expect(kinds.size).toBe(patternKinds.length)
    }, 180_000)
  }
})
