import { beforeAll, describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow, type Generated } from './helpers/dataset.ts'

const START = '2025-01-01'

/** Accounts no background run has: the ones the patterns opened (the background is the same with or without them). */
function patternAccounts(g: Generated, background: Generated): CsvRow[] {
  const known = new Set(background.tables.accounts.map((a) => a.id))
  return g.tables.accounts.filter((a) => !known.has(a.id))
}

/** The account blending knob: accounts a pattern opens stop being "opened just before the crime". */
describe('account blending', () => {
  const base = { ...smallConfig('blend', 3), startDate: START, durationDays: 365 }
  const run = {} as Record<'background' | 'new' | 'blended' | 'easy', Generated>
  beforeAll(async () => {
    run.background = await generate({ ...base, patterns: {} })
    run.easy = await generate({ ...base, difficulty: 'easy' })
    run.new = await generate({ ...base, difficulty: 'hard', difficultyKnobs: { accountBlending: 0 } })
    run.blended = await generate({ ...base, difficulty: 'hard' })
  }, 300_000)

  it('dates most pattern accounts before the window at 1, none at 0, as background accounts are', () => {
    const before = (rows: CsvRow[]) => rows.filter((a) => a.opened_at < START).length / Math.max(1, rows.length)
    const fresh = patternAccounts(run.new, run.background)
    const blended = patternAccounts(run.blended, run.background)
    expect(fresh.length).toBeGreaterThan(20)
    expect(blended.length).toBeGreaterThan(20)
    // Without blending the accounts open weeks before the scheme; shells' and victims' accounts may be older.
    expect(before(fresh), 'share opened before the window, unblended').toBeLessThan(0.6)
    expect(before(blended), 'share opened before the window, blended').toBeGreaterThan(0.8)
    expect(before(run.background.tables.accounts)).toBeGreaterThan(0.8)
  })

  it('never dates an account after its first transaction', () => {
    const opened = new Map(run.blended.tables.accounts.map((a) => [a.id, a.opened_at]))
    const late = run.blended.tables.transactions.filter((t) =>
      [t.from_account_id, t.to_account_id].some((id) => id !== '' && t.timestamp.slice(0, 10) < opened.get(id)!),
    )
    expect(late.slice(0, 3)).toEqual([])
  })

  it('at easy, the laundering kinds and mule chains run through accounts they open (the textbook tell)', () => {
    const known = new Set(run.background.tables.accounts.map((a) => a.id))
    const kinds = new Set(['launderingShape', 'launderingChain', 'accountLaundering', 'muleChain'])
    const kindOf = new Map(run.easy.tables.patterns.map((p) => [p.id, p.kind]))
    const targets = run.easy.tables.pattern_members.filter(
      (m) => m.entity_type === 'account' && m.is_suspicious === 'true' && kinds.has(kindOf.get(m.pattern_id)!),
    )
    expect(new Set(targets.map((m) => kindOf.get(m.pattern_id))).size).toBe(kinds.size)
    const existing = targets.filter((m) => known.has(m.entity_id)).map((m) => `${kindOf.get(m.pattern_id)} ${m.role}`)
    expect(existing).toEqual([])
  })
})
