import { describe, expect, it } from 'vitest'
import { validateConfig } from '../src/engine/config/validate.ts'
import { buildBackground } from '../src/engine/orchestrator/background.ts'
import { allFields } from '../src/engine/orchestrator/packed-rows.ts'
import { plainRow } from '../src/engine/model/row-view.ts'
import { tables } from '../src/engine/model/schema.ts'

describe('population held as columns', () => {
  const checked = validateConfig({
    version: 1,
    seed: 11,
    counts: { persons: 800, companies: 150, accounts: 1800, transactions: 0 },
    patterns: {},
  })
  if (!checked.ok) throw new Error('invalid config')
  const { world } = buildBackground(checked.config)

  it('reads each person and account the same through its view and as a plain copy, every field of the table', () => {
    for (const [name, rows] of [
      ['persons', world.persons],
      ['accounts', world.accounts],
    ] as const) {
      const fields = allFields(tables[name])
      for (const row of rows) {
        const plain = plainRow(row) as unknown as Record<string, unknown>
        expect(plain).not.toBe(row)
        expect(Object.keys(plain).sort()).toEqual([...fields].sort())
        for (const f of fields) expect(plain[f]).toEqual((row as unknown as Record<string, unknown>)[f])
        // A spread of the plain copy keeps every field (a spread of the view itself would keep none).
        const copy: Record<string, unknown> = { ...plain, isSuspicious: true }
        expect(copy.id).toBe(row.id)
      }
    }
  })

  it('gives background row i its background id, the same object on every read, and refuses writes', () => {
    world.accounts.forEach((a, i) => expect(world.accountIndex.get(a.id)).toBe(i))
    world.persons.forEach((p, i) => expect(world.personIndex.get(p.id)).toBe(i))
    expect(world.accounts[3]).toBe(world.accounts[3])
    expect(() => {
      ;(world.accounts[0] as { openingBalance: number }).openingBalance = 1
    }).toThrow(TypeError)
  })

  it('keeps the owners and joint holders as the world indexes them', () => {
    world.accounts.forEach((a, i) => {
      const owner = world.accountOwner[i]
      expect(a.ownerId).toBe(a.ownerType === 'company' ? world.companies[owner].id : world.persons[owner].id)
      if (a.jointOwnerId !== null) expect(world.personIndex.has(a.jointOwnerId)).toBe(true)
      expect(a.iban === null || a.iban.endsWith(a.accountNumber)).toBe(true)
    })
  })
})
