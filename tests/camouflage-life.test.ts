import { beforeAll, describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow, type Generated } from './helpers/dataset.ts'

/** Investment accounts and, for each, whether its holder funded it from another account of theirs and logged in. */
function investmentLives(g: Generated, only: (a: CsvRow) => boolean) {
  const owner = new Map(g.tables.accounts.map((a) => [a.id, a.owner_id]))
  const funded = new Set(
    g.tables.transactions
      .filter((t) => t.kind === 'transfer' && owner.get(t.from_account_id) === owner.get(t.to_account_id))
      .map((t) => t.to_account_id),
  )
  const logged = new Set(g.tables.access_events.map((e) => e.account_id))
  const accounts = g.tables.accounts.filter((a) => a.account_type === 'investment' && only(a))
  const share = (s: Set<string>) => accounts.filter((a) => s.has(a.id)).length / Math.max(1, accounts.length)
  return { n: accounts.length, funded: share(funded), logged: share(logged) }
}

/** Camouflage of an insider's new investment account: funded and used as ordinary investors' accounts are. */
describe('camouflage of investment accounts', () => {
  const base = { ...smallConfig('camo-invest', 0), patterns: { insiderTrading: { count: 12 } } }
  let hard: Generated
  let background: Generated
  beforeAll(async () => {
    background = await generate({ ...base, patterns: {} })
    hard = await generate({ ...base, difficulty: 'hard' })
  }, 300_000)

  it('funds them from the holder’s own account and logs in to them, about as often as background ones', () => {
    const known = new Set(background.tables.accounts.map((a) => a.id))
    const bg = investmentLives(background, () => true)
    const opened = investmentLives(hard, (a) => !known.has(a.id))
    expect(opened.n, 'investment accounts the insiders opened').toBeGreaterThan(4)
    expect(bg.funded).toBeGreaterThan(0.1)
    expect(opened.funded, JSON.stringify({ bg, opened })).toBeGreaterThan(bg.funded / 2)
    expect(opened.logged, JSON.stringify({ bg, opened })).toBeGreaterThan(bg.logged / 2)
  })
})
