import { describe, expect, it } from 'vitest'
import { generate, smallConfig } from './helpers/dataset.ts'

/** A prevalence target chooses the instance counts: the configured counts become the mix. */
describe('prevalence', () => {
  // Targets above what one instance of every kind gives here (about 4.6 % of 4,000 transactions), so every kind
  // of the mix takes a turn before the share is reached.
  for (const [difficulty, prevalence] of [
    ['easy', 0.05],
    ['hard', 0.06],
  ] as const) {
    it(`${difficulty}: reaches a ${prevalence * 100} % share of suspicious transactions within ±10 %`, async () => {
      const config = smallConfig(`prevalence-${difficulty}`, 1)
      const g = await generate({ ...config, difficulty, prevalence })
      const tx = g.tables.transactions
      const share = tx.filter((t) => t.is_suspicious === 'true').length / tx.length
      expect(share).toBeGreaterThanOrEqual(prevalence * 0.9)
      expect(share).toBeLessThanOrEqual(prevalence * 1.1)
      // Every kind of the mix (those the config asks for) took part.
      const mix = Object.entries(config.patterns ?? {}).filter(([, p]) => (p?.count ?? 0) > 0)
      const kinds = new Set(g.tables.patterns.filter((p) => p.is_suspicious === 'true').map((p) => p.kind))
      expect([...kinds].sort()).toEqual(mix.map(([k]) => k).sort())
    }, 180_000)
  }
})
