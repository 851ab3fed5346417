import { describe, expect, it } from 'vitest'
import { createMemorySink, describeCatalog, runGeneration, validateConfig } from '../src/engine/index.ts'
import { createRng } from '../src/engine/random/rng.ts'

/** Any config that validates generates: random small populations, windows, pattern counts and parameters. */
describe('robustness', () => {
  it('every valid random config generates its exact background counts without crashing', async () => {
    const catalog = describeCatalog()
    const rng = createRng('robustness')
    let generated = 0
    for (let attempt = 0; attempt < 400 && generated < 25; attempt++) {
      const patterns = Object.fromEntries(
        catalog.patterns.map((p) => {
          const params: Record<string, unknown> = {}
          for (const [key, d] of Object.entries(p.params)) {
            if (!rng.chance(0.5)) continue
            params[key] =
              d.type === 'enum'
                ? rng.pick(d.options)
                : d.type === 'int'
                  ? rng.int(d.min, Math.min(d.max, d.min + 20))
                  : d.min + rng.next() * (d.max - d.min)
          }
          return [p.kind, { count: rng.int(0, 3), params }]
        }),
      )
      const input = {
        seed: rng.int(0, 1_000_000),
        startDate: rng.pick(['2024-02-27', '2025-01-01', '2023-12-30', '2026-06-06']),
        durationDays: rng.pick([1, 2, 3, 7, 30, 365]),
        counts: {
          persons: rng.int(5, 80),
          companies: rng.int(2, 20),
          accounts: rng.int(100, 200),
          transactions: rng.int(0, 500),
          communications: rng.int(0, 100),
          trades: rng.int(0, 50),
          travels: rng.int(0, 30),
          documents: rng.int(0, 40),
          accessEvents: rng.int(0, 100),
        },
        patterns,
      }
      const checked = validateConfig(input)
      if (!checked.ok) continue
      const result = await runGeneration(checked.config, { format: 'csv', sink: createMemorySink() })
      const c = checked.config.counts
      expect(result.counts.transactions - result.injected.transactions, JSON.stringify(input)).toBe(c.transactions)
      expect(result.counts.persons - result.injected.persons).toBe(c.persons)
      const suspicious = result.patterns.filter((p) => p.isSuspicious).length
      expect(suspicious).toBe(Object.values(checked.config.patterns).reduce((n, p) => n + p.count, 0))
      generated++
    }
    expect(generated).toBe(25)
  }, 120_000)
})
