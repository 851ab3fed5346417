import { describe, expect, it } from 'vitest'
import { difficultyPresets, resolveKnobs } from './difficulty.ts'
import { validateConfig } from './validate.ts'

describe('difficulty, knobs and prevalence in the config', () => {
  it('default to medium with no knob overridden and no prevalence target', () => {
    const r = validateConfig({})
    expect(r.ok && r.config.difficulty).toBe('medium')
    expect(r.ok && r.config.difficultyKnobs).toEqual({})
    expect(r.ok && r.config.prevalence).toBe(null)
  })

  it('take a knob set on its own over the difficulty’s preset', () => {
    const r = validateConfig({ difficulty: 'hard', difficultyKnobs: { lookalikeRatio: 0.5, camouflageShare: null } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(resolveKnobs(r.config.difficulty, r.config.difficultyKnobs)).toEqual({
      ...difficultyPresets.hard,
      lookalikeRatio: 0.5,
    })
  })

  it('name the field and the fix for each bad value', () => {
    const r = validateConfig({
      difficulty: 'brutal',
      difficultyKnobs: { lookalikeRatio: 9, ringsize: 0.5 },
      prevalence: 0.9,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, `${i.message}: ${i.hint}`]))
    expect(byPath.difficulty).toMatch(/one of easy, medium, hard/)
    expect(byPath['difficultyKnobs.lookalikeRatio']).toMatch(/at most 3/)
    expect(byPath['difficultyKnobs.ringsize']).toMatch(/did you mean difficultyKnobs.ringSize/)
    expect(byPath.prevalence).toMatch(/at most 0.5.*null/)
  })

  it('orders the presets: every knob moves the same way from easy to hard', () => {
    const { easy, medium, hard } = difficultyPresets
    for (const k of [
      'camouflageShare',
      'lookalikeRatio',
      'amountBlending',
      'timingSpread',
      'accountBlending',
      'largePaymentShare',
    ] as const) {
      expect(easy[k]).toBeLessThan(medium[k])
      expect(medium[k]).toBeLessThan(hard[k])
    }
    for (const k of ['ringOverlap', 'ringSize'] as const) {
      expect(easy[k]).toBeGreaterThan(medium[k])
      expect(medium[k]).toBeGreaterThan(hard[k])
    }
  })
})
