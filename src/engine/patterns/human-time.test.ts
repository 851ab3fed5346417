import { describe, expect, it } from 'vitest'
import { makeFixture } from '../../../tests/helpers/pattern-fixture.ts'
import { difficultyPresets } from '../config/difficulty.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { createClock, DAY, HOUR, weekday } from '../model/time.ts'
import { createRng } from '../random/rng.ts'
import { utcOffsetSeconds } from '../reference/time-zones.ts'
import {
  BANKING_WEEK,
  EVEN_WEEK,
  keepsHumanHours,
  OFFICE_WEEK,
  onPaymentDay,
  paymentTime,
  paymentWeek,
} from './human-time.ts'
import { lookalikeRegistry } from './lookalikes/registry.ts'
import { fraudRing } from './fraud-ring.ts'
import { muleChain } from './mule-chain.ts'
import { structuring } from './structuring.ts'
import { tbml } from './tbml.ts'
import { patternSpecs, type PatternKind } from './specs.ts'
import type { AnyPattern, InjectContext } from './types.ts'

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

describe('look-alikes keep the background’s week past medium', () => {
  const OFFICE = new Set(['salary', 'rent', 'bill_payment', 'invoice_payment'])
  const BANKING = new Set(['transfer', 'wire', 'cash_deposit'])
  const f = makeFixture(11, { persons: 600, companies: 120, accounts: 1400 })
  const accountCountry = new Map<string, string>(f.world.accounts.map((a) => [a.id, a.country]))
  /** Every look-alike's payments over `n` instances at difficulty `d`, each with the paying account's country. */
  const payments = (d: keyof typeof difficultyPresets, n: number) => {
    const out: { tx: Transaction; country: string; look: string }[] = []
    for (const [kind, look] of Object.entries(lookalikeRegistry)) {
      const def = { ...patternSpecs[kind as PatternKind], inject: look!.inject } as unknown as AnyPattern
      for (let i = 0; i < n; i++) {
        const { out: o } = f.run(def, {}, 1000 + i, difficultyPresets[d])
        const opened = new Map<string, string>((o.rows.accounts ?? []).map((a) => [a.id, a.country]))
        for (const tx of o.rows.transactions ?? []) {
          const id = tx.fromAccountId ?? tx.toAccountId ?? ''
          out.push({ tx, country: accountCountry.get(id) ?? opened.get(id) ?? 'US', look: look!.kind })
        }
      }
    }
    return out
  }
  /** Share of the rows of `kinds` on a weekend of the paying account's own clock. */
  const share = (rows: ReturnType<typeof payments>, kinds: Set<string>) => {
    const of = rows.filter((r) => kinds.has(r.tx.kind))
    expect(of.length).toBeGreaterThan(100)
    const weekend = of.filter((r) => weekday(Math.floor((r.tx.timestamp + utcOffsetSeconds(r.country)) / DAY)) >= 5)
    return weekend.length / of.length
  }

  it('at hard: transfers, wires and cash on the banking week, salaries, rent, bills and invoices on the office week', () => {
    const hard = payments('hard', 8)
    const medium = payments('medium', 8)
    // Background transfers, wires and cash deposits fall on a weekend about 12 % of the time, office payments
    // under 1 %; up to medium look-alikes keep an even week (about 26 % for both here).
    expect(share(hard, BANKING)).toBeLessThan(0.15)
    expect(share(hard, OFFICE)).toBeLessThan(0.04)
    expect(share(medium, BANKING)).toBeGreaterThan(0.2)
    expect(share(medium, OFFICE)).toBeGreaterThan(0.2)
  })

  it('at hard an owner’s payment after a new device still follows its login within hours, at waking hours', () => {
    const def = { ...patternSpecs.accountTakeover, inject: lookalikeRegistry.accountTakeover!.inject } as AnyPattern
    let seen = 0
    let night = 0
    for (let i = 0; i < 40; i++) {
      const { out } = f.run(def, {}, 1000 + i, difficultyPresets.hard)
      for (const tx of out.rows.transactions ?? []) {
        const logins = (out.rows.access_events ?? []).filter((e) => e.accountId === tx.fromAccountId)
        const before = logins.filter((e) => e.timestamp <= tx.timestamp && tx.timestamp - e.timestamp <= DAY)
        expect(before.length, tx.id).toBeGreaterThan(0)
        const local = tx.timestamp + utcOffsetSeconds(accountCountry.get(tx.fromAccountId as string) ?? 'GB')
        if (Math.floor((local % DAY) / HOUR) < 6) night++
        seen++
      }
    }
    expect(seen).toBeGreaterThan(60)
    // Uniform up to 20 hours after the login, a quarter were at night (background transfers 11 %, bills 18 %).
    expect(night / seen).toBeLessThan(0.12)
  })
})

describe('suspicious kinds keep the background’s week past medium', () => {
  const f = makeFixture(12, { persons: 600, companies: 120, accounts: 1400 })
  const accountCountry = new Map<string, string>(f.world.accounts.map((a) => [a.id, a.country]))
  // Takeovers keep an even week (0.29 here): moved to the Monday, their accounts read easier in the audit (below).
  const kinds = { structuring, fraudRing, muleChain, tbml } as unknown as Record<string, AnyPattern>
  /** Share of `def`'s payments (spending left out) over `n` instances on a weekend of the paying account's clock. */
  const weekendOfPayments = (def: AnyPattern, d: keyof typeof difficultyPresets, n: number) => {
    let all = 0
    let weekend = 0
    for (let i = 0; i < n; i++) {
      const { out } = f.run(def, {}, 2000 + i, difficultyPresets[d])
      const opened = new Map<string, string>((out.rows.accounts ?? []).map((a) => [a.id, a.country]))
      for (const tx of out.rows.transactions ?? []) {
        if (tx.kind === 'card_purchase' || tx.kind === 'cash_withdrawal') continue
        const id = tx.fromAccountId ?? tx.toAccountId ?? ''
        const c = accountCountry.get(id) ?? opened.get(id) ?? 'US'
        all++
        if (weekday(Math.floor((tx.timestamp + utcOffsetSeconds(c)) / DAY)) >= 5) weekend++
      }
    }
    expect(all).toBeGreaterThan(60)
    return weekend / all
  }

  // Background transfers, wires and cash fall on a weekend about 12 % of the time, office payments under 1 %. Before
  // this, at hard: structuring 0.158, fraud rings 0.168, mule chains 0.355, TBML 0.210 here (after: 0.128, 0.134,
  // 0.153, 0.009). A takeover moved to the Monday when its first payout fell at a weekend read 0.292 -> 0.052, but its
  // accounts' audit AUC rose 0.02-0.04 on each of four hard seeds for a reason not found, so takeovers were left out.
  it.each(Object.keys(kinds))('%s: at hard near the background’s weekend share', (kind) => {
    expect(weekendOfPayments(kinds[kind], 'hard', 100)).toBeLessThan(0.155)
  })
})

describe('moments squeezed between others', () => {
  it('keep human hours from the rung past medium only, and a payment day costs no draw on an even week', () => {
    expect(keepsHumanHours(difficultyPresets.easy)).toBe(false)
    expect(keepsHumanHours(difficultyPresets.medium)).toBe(false)
    expect(keepsHumanHours(difficultyPresets.hard)).toBe(true)
    const clock = createClock('2025-01-04', 30)
    const rng = createRng(3)
    const ctx = { rng, clock, knobs: difficultyPresets.medium } as unknown as InjectContext
    // 2025-01-04 is a Saturday: on medium's even week it stays, and the stream is untouched.
    const probe = createRng(3)
    expect(onPaymentDay(ctx, clock.start + 10 * HOUR, 'GB', 'rent')).toBe(clock.start + 10 * HOUR)
    expect(rng.next()).toBe(probe.next())
    const hard = { ...ctx, knobs: difficultyPresets.hard } as InjectContext
    const moved = Array.from({ length: 200 }, () => onPaymentDay(hard, clock.start + 10 * HOUR, 'GB', 'rent'))
    // Office payments at a weekend three times in a hundred: nearly all go to the Monday, same hour.
    expect(moved.filter((t) => t === clock.start + 2 * DAY + 10 * HOUR).length).toBeGreaterThan(180)
  })
})
