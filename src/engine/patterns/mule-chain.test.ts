import { describe, expect, it } from 'vitest'
import { difficultyPresets, type DifficultyKnobs } from '../config/difficulty.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import { DAY, MINUTE } from '../model/time.ts'
import { integrityProblems, makeFixture, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { muleChain } from './mule-chain.ts'
import { SUBTYPES } from './specs/mule-chain.ts'

const SEEDS = [1, 42, 1337, 2024]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

type Params = Partial<{
  hops: number
  startAmountUsd: number
  skimPct: number
  delayMinutes: number
  subtype: (typeof SUBTYPES)[number]
}>

function run(f: Fixture, params: Params = {}, instance = 0, knobs?: DifficultyKnobs) {
  const { out, ctx } = f.run(muleChain, params, instance, knobs)
  const chain = [...(out.rows.transactions ?? [])].sort((a, b) => a.timestamp - b.timestamp)
  const role = (r: string, type: string) =>
    out.members.filter((m) => m.role === r && m.entityType === type).map((m) => m.entityId)
  return { out, chain, role, problems: integrityProblems(f.world, ctx, out) }
}

describe('muleChain', () => {
  const owned = { fresh: 0, existing: 0 }
  for (const seed of SEEDS) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}, seed ${seed}: victim → mules → cash-out, decreasing, minutes apart`, () => {
        const f = fixture(seed)
        const { out, chain, role, problems } = run(f, { subtype })
        expect(problems).toEqual([])
        expect(out.subtype).toBe(subtype)
        expect(chain).toHaveLength(4 + 1)
        expect(chain.map((t) => t.patternRole)).toEqual(['victim_payment', 'hop', 'hop', 'hop', 'cash_out'])
        const mules = role('mule', 'account')
        expect(mules).toHaveLength(4)
        expect(new Set(mules).size).toBe(4)
        // The money really follows the chain: each hop pays out of the account the previous hop paid into.
        expect(role('victim', 'account')).toEqual([chain[0].fromAccountId])
        for (let k = 0; k < 4; k++) expect(chain[k].toAccountId).toBe(mules[k])
        for (let k = 1; k < chain.length; k++) expect(chain[k].fromAccountId).toBe(chain[k - 1].toAccountId)
        const last = chain[4]
        if (last.kind === 'cash_withdrawal') {
          expect(last.toAccountId).toBeNull()
          expect(last.conductorId).toBe(
            out.members.find(
              (m) =>
                m.role === 'mule' &&
                m.entityType === 'person' &&
                f.world.accounts
                  .concat(out.rows.accounts ?? [])
                  .some((a) => a.id === mules[3] && a.ownerId === m.entityId),
            )?.entityId,
          )
        } else expect(role('cash_out', 'account')).toEqual([last.toAccountId])

        const cur = chain[0].currency
        expect(out.currency).toBe(cur)
        expect(out.totalMinor).toBe(chain[0].amount)
        for (const t of chain) expect(t.currency).toBe(cur)
        for (let k = 1; k < chain.length; k++) {
          expect(chain[k].amount).toBeLessThan(chain[k - 1].amount)
          const kept = 1 - chain[k].amount / chain[k - 1].amount
          expect(kept).toBeGreaterThan(0.03 * 0.7)
          expect(kept).toBeLessThan(0.03 * 1.3 + 0.01)
          const gap = chain[k].timestamp - chain[k - 1].timestamp
          expect(gap).toBeGreaterThanOrEqual(10 * MINUTE)
          expect(gap).toBeLessThanOrEqual(40 * MINUTE)
        }
        const usd = convertMinor(chain[0].amount, cur, 'USD').minor / 100
        expect(usd).toBeGreaterThan(12_000 * 0.88)
        expect(usd).toBeLessThan(12_000 * 1.12)
        if (subtype === 'invoice_redirection') expect(chain[0].kind).toBe('invoice_payment')
        else expect(chain[0].kind).toBe('transfer')

        // The scammer talks to the victim and instructs the mules, all before the money moves.
        const comms = out.rows.communications ?? []
        const fraudster = role('fraudster', 'person')
        expect(fraudster).toHaveLength(1)
        expect(comms.length).toBeGreaterThan(0)
        for (const c of comms) {
          expect(c.senderId).toBe(fraudster[0])
          expect(c.timestamp).toBeLessThanOrEqual(chain[0].timestamp)
        }
        const victimPeople = [...role('victim', 'person'), ...role('victim_employee', 'person')]
        expect(comms.some((c) => victimPeople.includes(c.recipientId))).toBe(true)
        for (const m of role('mule', 'person'))
          expect(comms.some((c) => c.recipientId === m && c.patternRole === 'mule_instruction')).toBe(true)

        const fresh = new Set<string>((out.rows.accounts ?? []).map((a) => a.id))
        for (const m of mules) owned[fresh.has(m) ? 'fresh' : 'existing']++
        expect(out.narrative).toContain(chain[0].toAccountId)
      })
    }
  }

  it('at easy, every mule account is one the chain opens', () => {
    expect(owned.fresh).toBeGreaterThan(0)
    expect(owned.existing).toBe(0)
  })

  it("blended (medium), mixes existing customers' accounts and freshly opened mule accounts", () => {
    const mixed = { fresh: 0, existing: 0 }
    for (const seed of SEEDS) {
      const { out, role } = run(fixture(seed), {}, 0, difficultyPresets.medium)
      const fresh = new Set<string>((out.rows.accounts ?? []).map((a) => a.id))
      for (const m of role('mule', 'account')) mixed[fresh.has(m) ? 'fresh' : 'existing']++
    }
    expect(mixed.fresh).toBeGreaterThan(0)
    expect(mixed.existing).toBeGreaterThan(0)
  })

  it('honours hops, skim and delay, from one hop to twelve', () => {
    const f = fixture(42)
    for (const [hops, skimPct, delayMinutes] of [
      [1, 0.5, 1],
      [7, 15, 180],
      [12, 8, 720],
    ]) {
      for (let i = 0; i < 4; i++) {
        const { chain, problems } = run(f, { hops, skimPct, delayMinutes, startAmountUsd: 600 }, i)
        expect(problems).toEqual([])
        expect(chain).toHaveLength(hops + 1)
        for (let k = 1; k < chain.length; k++) {
          expect(chain[k].amount).toBeLessThan(chain[k - 1].amount)
          // A cash cash-out is also rounded down to a whole banknote step (USD 10 or its order of magnitude).
          const note =
            chain[k].kind === 'cash_withdrawal'
              ? 10 ** Math.max(0, Math.floor(Math.log10(usdToMinor(20, chain[k].currency))))
              : 0
          const kept = 1 - (chain[k].amount + note) / chain[k - 1].amount
          expect(kept).toBeLessThan((skimPct / 100) * 1.3 + 0.02)
          const gap = chain[k].timestamp - chain[k - 1].timestamp
          expect(gap).toBeGreaterThanOrEqual((delayMinutes * MINUTE) / 2)
          expect(gap).toBeLessThanOrEqual(delayMinutes * MINUTE * 2)
        }
      }
    }
  })

  it('fits a long chain into a short window and survives a population without candidates', () => {
    const f = makeFixture(3, { persons: 2, companies: 1, accounts: 3 }, '2025-06-01', 3)
    const { chain, problems } = run(f, { hops: 12, delayMinutes: 120 })
    expect(problems).toEqual([])
    expect(chain).toHaveLength(13)
    expect(chain[12].timestamp - chain[0].timestamp).toBeLessThan(3 * DAY)
  })

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(run(makeFixture(11)).out)).toBe(JSON.stringify(run(makeFixture(11)).out))
  })

  it('validate() reports a chain longer than the simulated window', () => {
    const config = { ...fixture(1).config, durationDays: 1 }
    const issues = muleChain.validate!(
      { hops: 12, startAmountUsd: 12_000, skimPct: 3, delayMinutes: 720, subtype: 'any' },
      config,
    )
    expect(issues.map((i) => i.path)).toEqual(['patterns.muleChain.params.delayMinutes'])
    expect(
      muleChain.validate!({ hops: 4, startAmountUsd: 12_000, skimPct: 3, delayMinutes: 20, subtype: 'any' }, config),
    ).toEqual([])
  })

  it('validateConfig rejects zero hops and unknown subtypes', async () => {
    const { validateConfig } = await import('../config/validate.ts')
    const zero = validateConfig({ patterns: { muleChain: { params: { hops: 0 } } } })
    expect(zero.ok).toBe(false)
    if (!zero.ok) expect(zero.issues.map((i) => i.path)).toEqual(['patterns.muleChain.params.hops'])
    const bad = validateConfig({ patterns: { muleChain: { params: { subtype: 'pig_butchering' } } } })
    expect(bad.ok).toBe(false)
    expect(validateConfig({ patterns: { muleChain: { params: { hops: 1 } } } }).ok).toBe(true)
  })
})
