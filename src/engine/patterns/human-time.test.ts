import { describe, expect, it } from 'vitest'
import { difficultyPresets } from '../config/difficulty.ts'
import { createClock, DAY, HOUR, weekday } from '../model/time.ts'
import { createRng } from '../random/rng.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'
import { BANKING_WEEK, EVEN_WEEK, OFFICE_WEEK, paymentTime, paymentWeek } from './human-time.ts'
import type { InjectContext } from './types.ts'

const close = (a: readonly number[], b: readonly number[]) => a.forEach((w, d) => expect(w).toBeCloseTo(b[d], 9))

const weekendShare = (times: readonly number[], country: string) =>
  times.filter((t) => weekday(Math.floor((t + utcOffsetSeconds(country)) / DAY)) >= 5).length / times.length

describe('the week of a pattern’s payments', () => {
  it('is an even week up to medium (easy and medium bytes as they were) and the background’s week at hard', () => {
    for (const d of ['easy', 'medium'] as const)
      for (const kind of ['transfer', 'salary', 'cash_deposit'] as const)
        expect(paymentWeek(difficultyPresets[d], kind)).toBe(EVEN_WEEK)
    const hard = difficultyPresets.hard
    close(paymentWeek(hard, 'transfer'), BANKING_WEEK)
    close(paymentWeek(hard, 'wire'), BANKING_WEEK)
    close(paymentWeek(hard, 'salary'), OFFICE_WEEK)
    close(paymentWeek(hard, 'invoice_payment'), OFFICE_WEEK)
    expect(paymentWeek(hard, 'card_purchase')).toBe(EVEN_WEEK)
    // Between medium and hard the weekend fades.
    const between = paymentWeek({ ...hard, timingSpread: 3 }, 'transfer')
    expect(between[5]).toBeCloseTo((1 + BANKING_WEEK[5]) / 2)
  })

  it('puts hops due at a weekend off to a business day as often as background transfers are, never past the window', () => {
    const clock = createClock('2025-01-01', 365)
    const ctxAt = (d: keyof typeof difficultyPresets) =>
      ({ rng: createRng(7), clock, knobs: difficultyPresets[d] }) as unknown as InjectContext
    const hops = (ctx: InjectContext, kind: 'transfer' | 'salary') =>
      Array.from({ length: 4000 }, (_, k) => {
        // Short ranges (a few hours after the last hop), as a shape's layers have, some reaching the window's end.
        const lo = clock.start + Math.floor(((k * 7919) % 364) * DAY + (k % 24) * HOUR)
        const t = paymentTime(ctx, lo, lo + 6 * HOUR, 'GB', kind)
        expect(t).toBeGreaterThanOrEqual(lo)
        expect(t).toBeLessThan(clock.end)
        return t
      })
    const even = weekendShare(hops(ctxAt('medium'), 'transfer'), 'GB')
    expect(even).toBeGreaterThan(0.24)
    // Background transfers fall on a weekend about 14 % of the time, salaries and invoices about 2 %.
    expect(weekendShare(hops(ctxAt('hard'), 'transfer'), 'GB')).toBeLessThan(0.16)
    expect(weekendShare(hops(ctxAt('hard'), 'salary'), 'GB')).toBeLessThan(0.03)
  })
})
