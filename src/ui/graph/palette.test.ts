import { describe, expect, it } from 'vitest'
import { chipColour, contrast, kindChipColours, kindColours } from './palette.ts'

describe('kind colours', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#009E73', '#ffffff')).toBeCloseTo(3.4, 1)
  })

  it('gives every kind a chip colour that carries white text at 4.5:1 or better, close to the kind colour', () => {
    const kinds = Array.from({ length: 10 }, (_, i) => `k${i}`)
    const chips = kindChipColours(kinds)
    for (const [kind, colour] of kindColours(kinds)) {
      const chip = chips.get(kind) as string
      expect(contrast(chip, '#ffffff'), `${kind} ${colour} → ${chip}`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(chip, colour), `${kind} stays recognisable`).toBeLessThan(2.2)
    }
    expect(chipColour('#0b5cad')).toBe('#0b5cad') // already dark enough: unchanged
  })
})
