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

/** Camouflage of the current accounts schemes open for people (a ring's synthetic identities, recruited mules). */
describe('camouflage of current accounts', () => {
  let hard: Generated
  beforeAll(async () => {
    hard = await generate({
      ...smallConfig('camo-pay', 0),
      difficulty: 'hard',
      patterns: { fraudRing: { count: 6 }, muleChain: { count: 6 } },
    })
  }, 300_000)

  it('pays an employed holder a salary every month from their employer, as background holders are paid', () => {
    const persons = new Map(hard.tables.persons.map((p) => [p.id, p]))
    const ownerOf = new Map(hard.tables.accounts.map((a) => [a.id, a.owner_id]))
    const camouflaged = new Set(
      hard.tables.transactions
        .filter((t) => t.pattern_role === 'camouflage')
        .flatMap((t) => [t.from_account_id, t.to_account_id]),
    )
    const salaries = new Map<string, CsvRow[]>()
    for (const t of hard.tables.transactions)
      if (t.kind === 'salary' && t.pattern_role === 'camouflage') {
        if (!salaries.has(t.to_account_id)) salaries.set(t.to_account_id, [])
        salaries.get(t.to_account_id)!.push(t)
      }
    const accounts = hard.tables.accounts.filter(
      (a) =>
        camouflaged.has(a.id) &&
        a.account_type === 'checking' &&
        persons.get(a.owner_id)?.employer_id !== '' &&
        a.opened_at < '2025-06-01',
    )
    expect(accounts.length, 'employed holders’ current accounts with an ordinary life').toBeGreaterThan(4)
    for (const a of accounts) {
      const paid = salaries.get(a.id) ?? []
      // Opened before June of a year-long window: at least the seven paydays from June on, a month apart (a payday
      // at a weekend comes on the Friday before).
      expect(paid.length, a.id).toBeGreaterThanOrEqual(7)
      const days = paid.map((t) => Date.parse(t.timestamp) / 86_400_000).sort((x, y) => x - y)
      for (let k = 1; k < days.length; k++) {
        expect(days[k] - days[k - 1]).toBeGreaterThan(25)
        expect(days[k] - days[k - 1]).toBeLessThan(34)
      }
      for (const t of paid) expect(ownerOf.get(t.from_account_id)).toBe(persons.get(a.owner_id)!.employer_id)
    }
  })
})
