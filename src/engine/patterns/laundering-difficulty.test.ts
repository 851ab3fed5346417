import { describe, expect, it } from 'vitest'
import { difficultyPresets } from '../config/difficulty.ts'
import { paramsAtDifficulty } from './difficulty-params.ts'
import { accountLaunderingSpec } from './specs/account-laundering.ts'
import { muleChainSpec } from './specs/mule-chain.ts'
import { launderingChainSpec } from './specs/laundering-chain.ts'
import { launderingShapeSpec } from './specs/laundering-shape.ts'

const shape = { subtype: 'any', size: 6, hops: 3, amountUsd: 60_000, cutPct: 1.5, delayHours: 20, spreadHours: 36 }

describe('laundering kinds at each difficulty', () => {
  it('easy leaves the shape as given; hard halves its size and layers', () => {
    const at = (d: keyof typeof difficultyPresets, p = shape) =>
      paramsAtDifficulty('launderingShape', launderingShapeSpec.params, p, difficultyPresets[d], 365)
    expect(at('easy')).toEqual(shape)
    expect(at('hard')).toMatchObject({ size: 3, hops: 2, amountUsd: 60_000 })
    const chain = paramsAtDifficulty('launderingChain', launderingChainSpec.params, shape, difficultyPresets.hard, 365)
    expect(chain).toMatchObject({ size: 3, hops: 2 })
  })

  it('keeps a layered fan buildable: each layer wider than the last', () => {
    const fan = { ...shape, subtype: 'layered_fan_out', size: 4, hops: 3 }
    const hard = paramsAtDifficulty('launderingShape', launderingShapeSpec.params, fan, difficultyPresets.hard, 365)
    expect(hard.size as number).toBeGreaterThan(hard.hops as number)
    expect(hard.size as number).toBeLessThanOrEqual(4)
  })

  it('gives a single account fewer payments in at hard', () => {
    const p = { subtype: 'any', size: 6, amountUsd: 30_000, cutPct: 2, delayHours: 24, spreadDays: 10 }
    const at = (d: keyof typeof difficultyPresets) =>
      paramsAtDifficulty('accountLaundering', accountLaunderingSpec.params, p, difficultyPresets[d], 365).size
    expect([at('easy'), at('medium'), at('hard')]).toEqual([6, 5, 3])
  })

  it('shrinks the mule chain’s stolen sum to 0.54 at medium and 0.3 (not less) at hard', () => {
    const p = { subtype: 'any', hops: 4, startAmountUsd: 12_000, skimPct: 3, delayMinutes: 30 }
    const at = (d: keyof typeof difficultyPresets) =>
      paramsAtDifficulty('muleChain', muleChainSpec.params, p, difficultyPresets[d], 365).startAmountUsd
    expect([at('easy'), at('medium'), at('hard')]).toEqual([12_000, 6_525, 3_600])
  })
})
