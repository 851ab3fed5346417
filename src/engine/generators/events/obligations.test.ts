import { describe, expect, it } from 'vitest'
import { Duty, Obligations, Shift } from './obligations.ts'

describe('Obligations', () => {
  it('keeps every field through the columns doubling, with countries and month shares as codes', () => {
    const plan = new Obligations(10, 1)
    for (let i = 0; i < 100; i++) {
      const o = plan.add(Duty.Rent, i, i + 1, 1 + (i % 28), Shift.Later, i % 24, 1000.5 + i, i % 3, i % 2 ? 'DE' : 'FR')
      if (i % 10 === 0) plan.occasional(o, 0.15, 4_000_000_000 + i)
    }
    expect(plan.length).toBe(100)
    expect(plan.countries).toEqual(['FR', 'DE'])
    for (let o = 0; o < 100; o++) {
      expect([plan.payer[o], plan.payee[o], plan.day[o], plan.hour[o]]).toEqual([o, o + 1, 1 + (o % 28), o % 24])
      expect(plan.base[o]).toBe(1000.5 + o)
      expect(plan.countries[plan.country[o]]).toBe(o % 2 ? 'DE' : 'FR')
      expect(plan.monthShare(o)).toBe(o % 10 === 0 ? 0.15 : 1)
      if (o % 10 === 0) expect(plan.salt[o]).toBe(4_000_000_000 + o)
    }
  })

  it('gives each payroll funding the run of salaries just before it, and holds pay terms by person', () => {
    const plan = new Obligations(5, 4)
    const salary = (person: number) => {
      const o = plan.add(Duty.Salary, 9, 20 + person, 25, Shift.Earlier, 6, 100, person, 'DE')
      plan.payTerms(o, 1.03, 4, 0.5, 12)
    }
    salary(0)
    const first = plan.length
    salary(1)
    salary(2)
    const f = plan.add(Duty.PayrollFunding, 7, 9, 22, Shift.Earlier, 8, 0, 3, 'DE')
    plan.funds(f, first)
    const alone = plan.add(Duty.PayrollFunding, 7, 9, 22, Shift.Earlier, 8, 0, 4, 'DE')
    expect(plan.staffFrom(f)).toBe(first)
    expect(plan.staffFrom(alone)).toBe(alone)
    expect([plan.raise[2], plan.bonus[2], plan.raiseFrom[2], plan.bonusMonth[2]]).toEqual([1.03, 0.5, 4, 12])
    expect(plan.raiseFrom[f]).toBeGreaterThan(121)
  })
})
