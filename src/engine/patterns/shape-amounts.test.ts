import { describe, expect, it } from 'vitest'
import { createRng } from '../random/rng.ts'
import type { Person } from '../model/tables/persons.ts'
import { BLENDED_PAYMENT_USD, blendedTotal, parallelPayments, ROUND_SHARE } from './shape-amounts.ts'
import { buildShapeGraph } from './shape-graph.ts'
import type { InjectContext } from './types.ts'

const at = (amountBlending: number, seed: number) =>
  ({ rng: createRng(seed), knobs: { amountBlending } }) as unknown as InjectContext

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

describe('blended laundering amounts', () => {
  it('counts the payments that carry the whole sum at the narrowest step', () => {
    const rng = createRng(3)
    expect(parallelPayments(buildShapeGraph(rng, 'fan_out', 6, 3))).toBe(6)
    expect(parallelPayments(buildShapeGraph(rng, 'scatter_gather', 5, 3))).toBe(5)
    expect(parallelPayments(buildShapeGraph(rng, 'cycle', 4, 3))).toBe(1)
    expect(parallelPayments(buildShapeGraph(rng, 'gather_scatter', 6, 3))).toBeGreaterThanOrEqual(2)
  })

  it('keeps the given sum unblended and moves each payment to an ordinary size at full blending', () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i)
    for (const s of seeds) {
      const total = blendedTotal(at(0, s), 60_000, 6, 'USD')
      expect(total).toBeGreaterThanOrEqual(54_000_00)
      expect(total).toBeLessThanOrEqual(66_000_00)
      expect(total % 100).toBe(0)
    }
    const perPayment = (b: number) => median(seeds.map((s) => blendedTotal(at(b, s), 60_000, 6, 'USD') / 6 / 100))
    expect(perPayment(1)).toBeGreaterThan(BLENDED_PAYMENT_USD * 0.8)
    expect(perPayment(1)).toBeLessThan(BLENDED_PAYMENT_USD * 1.25)
    expect(perPayment(0.5)).toBeGreaterThan(perPayment(1))
    expect(perPayment(0.5)).toBeLessThan(perPayment(0))
    // JPY has no minor unit: whole yen.
    expect(blendedTotal(at(1, 1), 60_000, 6, 'JPY') % 1).toBe(0)
  })

  it('past medium sizes each payment by the holders’ own large payment and carries the sum once a round', () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i)
    // Annual income USD 60,000 (in cents): own large payment 7 % of it, USD 4,200.
    const holders = [{ annualIncome: 60_000_00, currency: 'USD' }] as Person[]
    const per = (b: number, rounds: number) =>
      median(seeds.map((s) => blendedTotal(at(b, s), 60_000, 2, 'USD', { holders, rounds, share: ROUND_SHARE }))) /
      2 /
      rounds /
      100
    expect(per(1, 3)).toBeGreaterThan(4_200 * ROUND_SHARE * 0.8)
    expect(per(1, 3)).toBeLessThan(4_200 * ROUND_SHARE * 1.25)
    expect(per(0.75, 3)).toBeLessThan(per(1, 3))
    // At medium and below the holders change nothing: the same total, draw for draw.
    for (const s of seeds.slice(0, 20))
      expect(blendedTotal(at(0.5, s), 60_000, 2, 'USD', { holders })).toBe(blendedTotal(at(0.5, s), 60_000, 2, 'USD'))
  })

  it('draws nothing new unblended: the stream continues as before', () => {
    const ctx = at(0, 9)
    blendedTotal(ctx, 60_000, 6, 'EUR')
    const plain = createRng(9)
    plain.next()
    expect(ctx.rng.next()).toBe(plain.next())
  })
})
