import { describe, expect, it } from 'vitest'
import { parseDate } from '../src/engine/model/time.ts'
import { generate, smallConfig } from './helpers/dataset.ts'

describe('persons.customer_since', () => {
  for (const seed of [1, 42]) {
    it(`seed ${seed}: at or before the first account each person holds, empty only without one, spread over years`, async () => {
      const g = await generate(smallConfig(seed, 2))
      const first = new Map<string, number>()
      for (const a of g.tables.accounts)
        for (const holder of [a.owner_type === 'person' ? a.owner_id : '', a.joint_owner_id]) {
          const day = parseDate(a.opened_at)!
          if (holder !== '' && day < (first.get(holder) ?? Infinity)) first.set(holder, day)
        }
      const days: number[] = []
      let earlier = 0
      for (const p of g.tables.persons) {
        const opened = first.get(p.id)
        if (opened === undefined) {
          expect(p.customer_since, `${p.id} holds no account`).toBe('')
          continue
        }
        expect(p.customer_since, `${p.id} holds an account`).not.toBe('')
        const since = parseDate(p.customer_since)!
        expect(since, `${p.id} customer since ${p.customer_since}, first account ${opened}`).toBeLessThanOrEqual(opened)
        // Never before the person could hold an account.
        expect(since - parseDate(p.date_of_birth)!).toBeGreaterThanOrEqual(18 * 365)
        days.push(since)
        if (since < opened) earlier++
      }
      expect(days.length).toBeGreaterThan(g.tables.persons.length * 0.9)
      days.sort((a, b) => a - b)
      const spreadYears = (days[Math.floor(days.length * 0.9)] - days[Math.floor(days.length * 0.1)]) / 365
      expect(spreadYears).toBeGreaterThan(8)
      // Most became customers with their first account; some long before it (through products no longer held).
      expect(earlier / days.length).toBeGreaterThan(0.2)
      expect(earlier / days.length).toBeLessThan(0.5)
    }, 120_000)
  }
})
