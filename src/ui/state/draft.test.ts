import { describe, expect, it } from 'vitest'
import { getAt, parseNumberInput, parseSeedInput, setAt } from './draft.ts'

describe('draft helpers', () => {
  it('reads and writes dotted paths without touching other branches', () => {
    const draft = { counts: { persons: 1, companies: 2 }, patterns: { a: { count: 1 } } }
    const next = setAt(draft, 'counts.persons', 5)
    expect(getAt(next, 'counts.persons')).toBe(5)
    expect(getAt(draft, 'counts.persons')).toBe(1)
    expect(next.patterns).toBe(draft.patterns)
    expect(getAt(next, 'counts.missing.deeper')).toBeUndefined()
  })

  it('keeps what the user typed when it is not a number, so validation can name it', () => {
    expect(parseNumberInput('1000')).toBe(1000)
    expect(parseNumberInput('10_000')).toBe(10_000)
    expect(parseNumberInput('0.05')).toBe(0.05)
    expect(parseNumberInput('')).toBe('')
    expect(parseNumberInput('12a')).toBe('12a')
  })

  it('reads a whole-number seed as a number and anything else as text', () => {
    expect(parseSeedInput('42')).toBe(42)
    expect(parseSeedInput('demo-2025')).toBe('demo-2025')
    expect(parseSeedInput('99999999999999999999')).toBe('99999999999999999999')
  })
})
