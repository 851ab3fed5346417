import { describe, expect, it } from 'vitest'
import { validateConfig } from './validate.ts'

const issuesOf = (input: unknown) => {
  const r = validateConfig(input)
  return r.ok ? [] : r.issues
}

describe('validateConfig', () => {
  it('fills every default for an empty config', () => {
    const r = validateConfig({})
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.config.seed).toBe(42)
    expect(r.config.startDate).toBe('2025-01-01')
    expect(r.config.counts.persons).toBe(1000)
    expect(Object.keys(r.config.patterns).length).toBeGreaterThanOrEqual(6)
  })

  it('rejects unknown keys at every level and suggests the intended one', () => {
    const issues = issuesOf({ sead: 1, counts: { persns: 3 }, patterns: { structuring: { cout: 2 }, smurfing: {} } })
    expect(issues.map((i) => i.path)).toEqual([
      'sead',
      'counts.persns',
      'patterns.smurfing',
      'patterns.structuring.cout',
    ])
    expect(issues[1].hint).toMatch(/counts\.persons/)
  })

  it('names the field, the problem and the fix for bad values', () => {
    const [neg] = issuesOf({ counts: { persons: -1 } })
    expect(neg).toEqual({ path: 'counts.persons', message: 'must be at least 0', hint: 'raise it to 0 or more' })
    expect(issuesOf({ counts: { transactions: 1.5 } })[0].message).toBe('must be a whole number')
    expect(issuesOf({ counts: { trades: '10' } })[0].message).toBe('must be a number')
    expect(issuesOf({ startDate: '2025-02-30' })[0].path).toBe('startDate')
    expect(issuesOf({ durationDays: 0 })[0].path).toBe('durationDays')
    expect(issuesOf({ seed: 1.5 })[0].path).toBe('seed')
    expect(issuesOf({ patterns: { structuring: { count: 1001 } } })[0].path).toBe('patterns.structuring.count')
    expect(issuesOf([])[0].path).toBe('(config)')
  })

  it('refuses background events the population cannot hold', () => {
    expect(
      issuesOf({
        counts: {
          persons: 0,
          companies: 0,
          accounts: 5,
          transactions: 0,
          communications: 0,
          trades: 0,
          travels: 0,
          documents: 0,
          accessEvents: 0,
        },
        patterns: Object.fromEntries(
          ['structuring', 'fraudRing', 'muleChain', 'accountTakeover', 'insiderTrading', 'tbml'].map((k) => [
            k,
            { count: 0 },
          ]),
        ),
      })[0].path,
    ).toBe('counts.accounts')
    expect(issuesOf({ counts: { persons: 1 } }).map((i) => i.path)).toContain('counts.communications')
    expect(issuesOf({ counts: { companies: 1 } }).map((i) => i.path)).toContain('counts.documents')
    expect(issuesOf({ counts: { accounts: 1200 } }).map((i) => i.path)).toContain('counts.trades')
  })
})
