import { describe, expect, it } from 'vitest'
import { validateConfig } from '../src/engine/config/validate.ts'
import { buildBackground } from '../src/engine/orchestrator/background.ts'
import { groupRows } from '../src/engine/model/world.ts'

describe('world indexes', () => {
  it('groups rows by key in row order, each list exactly its members (no holes), skipping rows in no group', () => {
    const lists = groupRows(3, Int32Array.from([2, -1, 0, 2, 5, 2]))
    expect(lists).toEqual([[2], [], [0, 3, 5]])
    for (const l of lists) expect(Object.keys(l).length).toBe(l.length)
  })

  it("lists each holder's accounts, each company's staff and ownership rows exactly as the rows say", () => {
    const checked = validateConfig({
      version: 1,
      seed: 7,
      counts: { persons: 600, companies: 120, accounts: 1500, transactions: 0 },
      patterns: {},
    })
    if (!checked.ok) throw new Error('invalid config')
    const { world } = buildBackground(checked.config)
    const expected = (keyOf: (i: number) => number, n: number, groups: number) => {
      const out: number[][] = Array.from({ length: groups }, () => [])
      for (let i = 0; i < n; i++) if (keyOf(i) >= 0) out[keyOf(i)].push(i)
      return out
    }
    const personRow = (id: string | null) => (id === null ? -1 : (world.personIndex.get(id) ?? -1))
    const companyRow = (id: string | null) => (id === null ? -1 : (world.companyIndex.get(id) ?? -1))
    const accounts = world.accounts
    expect(world.accountsOfPerson).toEqual(
      expected((i) => (accounts[i].ownerType === 'person' ? personRow(accounts[i].ownerId) : -1), accounts.length, 600),
    )
    const ofCompany = expected(
      (i) => (accounts[i].ownerType === 'company' ? companyRow(accounts[i].ownerId) : -1),
      accounts.length,
      120,
    )
    // A company's accounts are in the world's order (business first), but they are the same accounts.
    expect(world.accountsOfCompany.map((l) => [...l].sort((a, b) => a - b))).toEqual(ofCompany)
    expect(world.employeesOf).toEqual(expected((i) => companyRow(world.persons[i].employerId), 600, 120))
    expect(world.ownershipOf).toEqual(
      expected((i) => companyRow(world.ownership[i].companyId), world.ownership.length, 120),
    )
    expect(world.employeesOf.some((l) => l.length > 1)).toBe(true)
  })
})
