import { describe, expect, it } from 'vitest'
import { generate } from './helpers/dataset.ts'

/** A person becomes a customer no later than their first account, also one a fraud ring opened in their name. */
describe('customer_since with many fraud rings', () => {
  // Many rings recruiting from a small population: before the fix seed 2 had a recruit whose ring account opened
  // before the day they became a customer.
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: is set for every account holder and on or before every account they hold`, async () => {
      const g = await generate({
        seed,
        counts: {
          persons: 2000,
          companies: 400,
          accounts: 4000,
          transactions: 4000,
          communications: 200,
          trades: 200,
          travels: 50,
          documents: 100,
          accessEvents: 500,
        },
        patterns: { fraudRing: { count: 60 }, muleChain: { count: 10 }, accountTakeover: { count: 10 } },
      })
      const since = new Map(g.tables.persons.map((p) => [p.id, p.customer_since]))
      let checked = 0
      for (const a of g.tables.accounts) {
        if (a.owner_type !== 'person') continue
        const s = since.get(a.owner_id)
        expect(s, `${a.owner_id} (account ${a.id}) has a customer_since`).toBeTruthy()
        expect(
          (s as string) <= a.opened_at,
          `${a.owner_id}: customer_since ${s} after ${a.id} opened ${a.opened_at}`,
        ).toBe(true)
        checked++
      }
      expect(checked).toBeGreaterThan(3000)
    }, 120_000)
  }
})
