import { describe, expect, it } from 'vitest'
import { patternKinds } from '../src/engine/config/schema.ts'
import { generate, type Generated } from './helpers/dataset.ts'

/**
 * Issue 10's realism targets, read from the shipped realism.json of a medium-ish config (a third of
 * bench/quality/medium.json) on two seeds. Only the targets the background meets today are asserted; the rest
 * wait for the ledger work (monthly schedules, hubs, balances) and are listed as todo with today's figures
 * (medium config, seed 1).
 */
const mediumish = (seed: number) => ({
  seed,
  startDate: '2025-01-01',
  durationDays: 365,
  counts: {
    persons: 3000,
    companies: 600,
    accounts: 6000,
    transactions: 60_000,
    communications: 2000,
    trades: 2000,
    travels: 500,
    documents: 1000,
    accessEvents: 5000,
  },
  patterns: Object.fromEntries(patternKinds.map((kind) => [kind, { count: 6 }])),
})

const runs = new Map<number, Generated>()
const realism = async (seed: number) => {
  const g = runs.get(seed) ?? runs.set(seed, await generate(mediumish(seed))).get(seed)!
  return JSON.parse(g.text('realism.json'))
}

describe('realism targets (issue 10)', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: Benford MAD of all amounts <= 0.006`, async () => {
      const r = await realism(seed)
      expect(r.benford_mad).toBeLessThanOrEqual(0.006)
    }, 180_000)

    it(`seed ${seed}: card purchases at night (00-06 local wall-clock time) are 2-8 % in every country`, async () => {
      const r = await realism(seed)
      const countries = Object.entries(r.local_time.per_country) as [string, { night: number }][]
      expect(countries.length).toBeGreaterThanOrEqual(15)
      for (const [code, c] of countries) {
        expect(c.night, code).toBeGreaterThanOrEqual(0.02)
        expect(c.night, code).toBeLessThanOrEqual(0.08)
      }
    }, 180_000)
  }

  // Not met yet (medium config, seed 1, before the ledger branch): each needs the background work named.
  it.todo('repeat_partner_share >= 0.5 (0.336 today): monthly schedules to the same counterparties, usual merchants')
  it.todo('recurring_share >= 0.25 (0.019 today): salaries, rent, bills and subscriptions on a monthly cycle')
  it.todo('salary.paid_11_months_share >= 0.95 (0 today, 1,664 of 5,254 paid at all): a payday every month')
  it.todo(
    'negative_balance only where an overdraft is allowed (31 % ever negative today): the ledger and balance_after',
  )
  it.todo('max distinct counterparties >= 500 for hubs (out 49, in 426 today): payment processors, payroll, utilities')
})
