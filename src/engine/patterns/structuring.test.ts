import { describe, expect, it } from 'vitest'
import { difficultyPresets } from '../config/difficulty.ts'
import { DAY } from '../model/time.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { countryByCode } from '../reference/countries.ts'
import { integrityProblems, makeFixture, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { paramsAtDifficulty } from './difficulty-params.ts'
import { structuring, thresholdMinor } from './structuring.ts'
import { SUBTYPES } from './specs/structuring.ts'

const SEEDS = [1, 42, 1337, 2024]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

type Params = Partial<{
  smurfs: number
  deposits: number
  windowDays: number
  marginPct: number
  currency: 'any' | 'CHF' | 'JPY' | 'HKD' | 'SGD'
  subtype: (typeof SUBTYPES)[number]
}>

function run(f: Fixture, params: Params = {}, instance = 0, knobs = difficultyPresets.easy) {
  const { out, ctx } = f.run(structuring, params, instance, knobs)
  const txs = out.rows.transactions ?? []
  const deposits = txs.filter((t) => t.patternRole === 'structured_deposit')
  const onward = txs.filter((t) => t.patternRole === 'onward_transfer')
  const sweeps = txs.filter((t) => t.patternRole === 'consolidation')
  const role = (r: string, type?: string) =>
    out.members.filter((m) => m.role === r && (type === undefined || m.entityType === type)).map((m) => m.entityId)
  return { out, ctx, deposits, onward, sweeps, role, problems: integrityProblems(f.world, ctx, out) }
}

function checkDeposits(deposits: Transaction[], marginPct: number): void {
  for (const d of deposits) {
    const t = thresholdMinor(d.currency)
    expect(t, `threshold for ${d.currency}`).not.toBeNull()
    expect(d.kind).toBe('cash_deposit')
    expect(d.fromAccountId).toBeNull()
    expect(['branch', 'atm']).toContain(d.channel)
    expect(d.amount).toBeLessThan(t!)
    expect(d.amount).toBeGreaterThanOrEqual(t! * (1 - marginPct / 100))
  }
}

describe('structuring', () => {
  for (const seed of SEEDS) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}, seed ${seed}: deposits just under the threshold, by the smurfs, into the collector, then moved on`, () => {
        const f = fixture(seed)
        const { out, deposits, onward, sweeps, role, problems } = run(f, { subtype })
        expect(problems).toEqual([])
        expect(out.subtype).toBe(subtype)
        expect(deposits).toHaveLength(20)
        checkDeposits(deposits, 10)
        const collectors = role('collector', 'account')
        for (const d of deposits) expect(collectors).toContain(d.toAccountId)
        const total = deposits.reduce((s, d) => s + d.amount, 0)
        expect(out.totalMinor).toBe(total)
        expect(out.currency).toBe(deposits[0].currency)
        expect(total).toBeGreaterThan(thresholdMinor(deposits[0].currency)!)

        const conductors = [...new Set(deposits.map((d) => d.conductorId))]
        expect(conductors).toHaveLength(subtype === 'classic' ? 1 : 5)
        expect([...role('smurf', 'person')].sort()).toEqual([...conductors].sort())
        if (subtype === 'classic') expect(role('collector', 'person')).toEqual(conductors)
        else expect(conductors).not.toContain(role('collector', 'person')[0])
        // Smurfs bank at branches of the collector's country.
        const country =
          countryByCode[
            f.world.accounts[f.world.accountIndex.get(deposits[0].toAccountId!) ?? -1]?.country ??
              (out.rows.accounts ?? []).find((a) => a.id === deposits[0].toAccountId)!.country
          ]
        for (const d of deposits) expect(country.cities).toContain(d.city)

        const times = deposits.map((d) => d.timestamp)
        const first = Math.min(...times)
        const last = Math.max(...times)
        expect(last - first).toBeLessThanOrEqual(10 * DAY)
        expect(onward).toHaveLength(1)
        expect(onward[0].timestamp).toBeGreaterThan(last)
        expect(onward[0].timestamp - last).toBeLessThanOrEqual(3 * DAY)
        expect(collectors).toContain(onward[0].fromAccountId)
        expect(collectors).not.toContain(onward[0].toAccountId)
        expect(role('beneficiary', 'account')).toEqual([onward[0].toAccountId])
        expect(onward[0].amount).toBeGreaterThanOrEqual(total * 0.85)
        expect(onward[0].amount).toBeLessThanOrEqual(total)

        if (subtype === 'account_hopping') {
          expect(collectors.length).toBeGreaterThanOrEqual(2)
          for (const a of collectors) expect(deposits.some((d) => d.toAccountId === a)).toBe(true)
          expect(sweeps).toHaveLength(collectors.length - 1)
          for (const s of sweeps) {
            expect(s.toAccountId).toBe(onward[0].fromAccountId)
            expect(s.timestamp).toBeGreaterThan(last)
            expect(s.timestamp).toBeLessThan(onward[0].timestamp)
            expect(s.amount).toBe(
              deposits.filter((d) => d.toAccountId === s.fromAccountId).reduce((a, d) => a + d.amount, 0),
            )
          }
        } else {
          expect(collectors).toHaveLength(1)
          expect(sweeps).toHaveLength(0)
        }
        if (subtype === 'geographic')
          expect(new Set(deposits.map((d) => d.city)).size).toBeGreaterThanOrEqual(Math.min(10, country.cities.length))
        if (subtype === 'temporal') {
          // Regular spacing: no two deposits bunch together, none leaves a long hole.
          const sorted = [...times].sort((a, b) => a - b)
          const gaps = sorted.slice(1).map((t, i) => t - sorted[i])
          const mean = (last - first) / gaps.length
          expect(Math.min(...gaps)).toBeGreaterThan(mean * 0.2)
          expect(Math.max(...gaps)).toBeLessThan(mean * 2)
        }
        expect(out.narrative).toContain(onward[0].fromAccountId)
        expect(out.narrative).toMatch(/total [A-Z]{3} \d{1,3}(,\d{3})+/)
      })
    }
  }

  it('honours smurfs, deposits, window and margin across many instances and currencies', () => {
    const f = fixture(7)
    const currencies = new Set<string>()
    for (let i = 0; i < 25; i++) {
      const { out, deposits, problems } = run(
        f,
        { subtype: 'smurfing', smurfs: 12, deposits: 40, windowDays: 3, marginPct: 2 },
        i,
      )
      expect(problems).toEqual([])
      expect(deposits).toHaveLength(40)
      checkDeposits(deposits, 2)
      expect(new Set(deposits.map((d) => d.conductorId)).size).toBe(12)
      const times = deposits.map((d) => d.timestamp)
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(3 * DAY)
      expect(out.totalMinor).toBeGreaterThan(thresholdMinor(deposits[0].currency)!)
      currencies.add(deposits[0].currency)
    }
    expect(currencies.size).toBeGreaterThan(1)
  })

  it('at hard a smaller team banks fewer deposits, and the take leaves in several payments days apart', () => {
    const given = { smurfs: 5, deposits: 20, windowDays: 10, marginPct: 10, currency: 'any', subtype: 'any' }
    const at = (d: keyof typeof difficultyPresets) =>
      paramsAtDifficulty('structuring', structuring.params, given, difficultyPresets[d], 365)
    expect([at('easy').deposits, at('medium').deposits, at('hard').deposits]).toEqual([20, 15, 10])
    expect(at('hard').smurfs).toBeLessThanOrEqual(at('hard').deposits as number)
    let split = 0
    for (let i = 0; i < 12; i++) {
      const { deposits, onward, problems } = run(fixture(1337), { subtype: 'smurfing' }, i, difficultyPresets.hard)
      expect(problems).toEqual([])
      const total = deposits.reduce((s, d) => s + d.amount, 0)
      const sent = onward.reduce((s, d) => s + d.amount, 0)
      expect(onward.length).toBeGreaterThanOrEqual(1)
      expect(onward.length).toBeLessThanOrEqual(4)
      expect(sent).toBeGreaterThanOrEqual(total * 0.85)
      expect(sent).toBeLessThanOrEqual(total)
      expect(new Set(onward.map((t) => t.toAccountId)).size).toBe(1)
      const times = onward.map((t) => t.timestamp)
      for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(DAY)
      expect(times[0]).toBeGreaterThan(Math.max(...deposits.map((d) => d.timestamp)))
      if (onward.length > 1) {
        split++
        expect(Math.max(...onward.map((t) => t.amount))).toBeLessThan(total * 0.75)
      }
    }
    // Only a window's end leaves room for a single payment.
    expect(split).toBeGreaterThanOrEqual(10)
  })

  it('works in a tiny population and a short window by recruiting smurfs and opening accounts', () => {
    const f = makeFixture(99, { persons: 6, companies: 2, accounts: 8 }, '2025-01-01', 2)
    const { out, deposits, problems } = run(f, { subtype: 'smurfing', smurfs: 6, deposits: 30 })
    expect(problems).toEqual([])
    expect(deposits).toHaveLength(30)
    expect(new Set(deposits.map((d) => d.conductorId)).size).toBe(6)
    checkDeposits(deposits, 10)
    expect(out.rows.persons?.length).toBeGreaterThan(0)
  })

  it('is deterministic for a seed and differs between instances', () => {
    const a = run(makeFixture(5)).out
    const b = run(makeFixture(5)).out
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(JSON.stringify(run(fixture(42), {}, 1).out)).not.toBe(JSON.stringify(run(fixture(42), {}, 0).out))
  })

  it('validate() reports more smurfs than persons or than deposits', () => {
    const config = fixture(1).config
    const over = structuring.validate!(
      { smurfs: 50, deposits: 20, windowDays: 10, marginPct: 10, currency: 'any', subtype: 'smurfing' },
      { ...config, counts: { ...config.counts, persons: 30 } },
    )
    expect(over.map((i) => i.path)).toEqual([
      'patterns.structuring.params.smurfs',
      'patterns.structuring.params.smurfs',
    ])
    expect(over[0].message).toContain('counts.persons (30)')
    expect(over[1].message).toContain('deposits (20)')
    expect(
      structuring.validate!(
        { smurfs: 5, deposits: 20, windowDays: 10, marginPct: 10, currency: 'any', subtype: 'any' },
        config,
      ),
    ).toEqual([])
  })

  for (const currency of ['CHF', 'JPY', 'HKD', 'SGD'] as const) {
    it(`a ${currency} collector gets deposits under the ${currency} threshold`, () => {
      const { deposits, problems } = run(fixture(42), { currency, subtype: 'smurfing' })
      expect(problems).toEqual([])
      expect(deposits.length).toBe(20)
      for (const d of deposits) expect(d.currency).toBe(currency)
      checkDeposits(deposits, 10)
    })
  }

  it('validateConfig rejects a collector currency without a reporting threshold', async () => {
    const { validateConfig } = await import('../config/validate.ts')
    const r = validateConfig({ patterns: { structuring: { params: { currency: 'BRL' } } } })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        path: 'patterns.structuring.params.currency',
        message: expect.stringContaining('must be one of any, USD'),
      })
  })

  it('validateConfig rejects an unknown subtype and impossible smurf counts', async () => {
    const { validateConfig } = await import('../config/validate.ts')
    const bad = validateConfig({ patterns: { structuring: { params: { subtype: 'layering' } } } })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toContain('patterns.structuring.params.subtype')
    const many = validateConfig({
      counts: { persons: 10 },
      patterns: { structuring: { count: 1, params: { smurfs: 11 } } },
    })
    expect(many.ok).toBe(false)
    if (!many.ok) expect(many.issues.map((i) => i.path)).toContain('patterns.structuring.params.smurfs')
  })
})
