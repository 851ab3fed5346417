import { describe, expect, it } from 'vitest'
import { integrityProblems, makeFixture, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { moneyGraph, passThroughProblems } from '../../../tests/helpers/money-graph.ts'
import type { Account } from '../model/tables/accounts.ts'
import { usdToMinor } from '../model/money.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { goodByCode } from '../reference/goods.ts'
import { launderingChain } from './laundering-chain.ts'
import { INTEGRATIONS, PLACEMENTS, type Integration, type Placement } from './specs/laundering-chain.ts'
import type { Shape } from './specs/laundering-shape.ts'

const SEEDS = [1, 42, 1337]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

const STAGE_ROLES = {
  placement: ['placement_cash_deposit', 'placement_transfer'],
  layering: ['layering_transfer'],
  integration: ['integration_funding', 'integration_payroll', 'integration_invoice', 'integration_property'],
}

type Params = Partial<{ placement: Placement; layering: Shape; integration: Integration; cutPct: number }>

function run(f: Fixture, params: Params, instance = 0) {
  const { out, ctx } = f.run(launderingChain, params, instance)
  const txs = [...(out.rows.transactions ?? [])]
  const accounts = (role: string) =>
    out.members.filter((m) => m.role === role && m.entityType === 'account').map((m) => m.entityId as string)
  const companies = (role: string) =>
    out.members.filter((m) => m.role === role && m.entityType === 'company').map((m) => m.entityId as string)
  const account = (id: string): Account =>
    (out.rows.accounts ?? []).find((a) => a.id === id) ?? f.world.accounts[f.world.accountIndex.get(id) as number]
  const role = (r: string) => txs.filter((t) => t.patternRole === r)
  return {
    out,
    txs,
    g: moneyGraph(txs),
    accounts,
    companies,
    account,
    role,
    problems: integrityProblems(f.world, ctx, out),
  }
}

describe('launderingChain', () => {
  let i = 0
  for (const seed of SEEDS) {
    for (const placement of PLACEMENTS) {
      for (const integration of INTEGRATIONS) {
        const instance = i++
        it(`${placement} → any shape → ${integration}, seed ${seed}: every stage funded by the one before`, () => {
          const f = fixture(seed)
          const r = run(f, { placement, integration, cutPct: 2 }, instance)
          expect(r.problems).toEqual([])
          const [p, shape, ig] = r.out.subtype.split('.')
          expect([p, ig]).toEqual([placement, integration])
          expect(shape).toMatch(/^[a-z_]+$/)
          for (const t of r.txs) expect(Object.values(STAGE_ROLES).flat()).toContain(t.patternRole)
          for (const stage of ['placement', 'layering', 'integration'] as const)
            expect(
              r.txs.some((t) => STAGE_ROLES[stage].includes(t.patternRole as string)),
              stage,
            ).toBe(true)

          // Money really flows: at every account that receives and pays on, out ≤ in (minor units) and out after in,
          // the cut within 1.25 × 2 % (the front also keeps one cut before spending, and rounds).
          const originator = r.accounts('originator')
          for (const a of r.g.inflow.keys()) {
            const problems = passThroughProblems(r.g, a, 0.025 * 2 + 0.02)
            const relevant = originator.includes(a) ? problems.filter((x) => !x.includes('before its last')) : problems
            expect(relevant).toEqual([])
          }
          // Placement: what went in is what the first accounts hold; deposits in notes under the reporting threshold.
          const placed = r.txs.filter((t) => STAGE_ROLES.placement.includes(t.patternRole as string))
          expect(r.out.totalMinor).toBe(placed.reduce((s, t) => s + (t.toAmount ?? t.amount), 0))
          const sources = new Set([...r.accounts('source'), ...originator, ...r.accounts('hub')])
          for (const t of placed)
            expect(sources.has(t.toAccountId as string), 'placed into a first-layer account').toBe(true)
          if (placement === 'cash_deposits') {
            expect(placed.every((t) => t.kind === 'cash_deposit' && t.fromAccountId === null)).toBe(true)
            for (const t of placed) {
              const c = currencyByCode[t.currency]
              if (c.reportingThreshold !== null)
                expect(t.amount).toBeLessThan(c.reportingThreshold * 10 ** c.minorDigits * 0.8 + 1)
              expect(t.conductorId).toBe(r.account(t.toAccountId as string).ownerId)
            }
          } else {
            const payers = new Set(r.accounts('placement_payer'))
            for (const t of placed) expect(payers.has(t.fromAccountId as string)).toBe(true)
          }
          // Integration: the front pays out only after the layered money reached it, and no more than it got.
          const [front] = r.accounts('front_company')
          const funding = r.role('integration_funding')
          expect(funding.length).toBeGreaterThan(0)
          for (const t of funding) expect(t.toAccountId).toBe(front)
          const spend = r.txs.filter((t) => t.fromAccountId === front)
          expect(spend.length).toBeGreaterThan(0)
          const lastIn = Math.max(...funding.map((t) => t.timestamp))
          for (const t of spend) expect(t.timestamp).toBeGreaterThan(lastIn)
          expect(spend.reduce((s, t) => s + t.amount, 0)).toBeLessThanOrEqual(funding.reduce((s, t) => s + t.amount, 0))
          if (integration === 'payroll') {
            const staff = new Set(r.accounts('payroll_recipient'))
            expect(staff.size).toBeGreaterThanOrEqual(2)
            for (const t of spend) expect([t.kind, staff.has(t.toAccountId as string)]).toEqual(['salary', true])
          } else if (integration === 'supplier_invoices') {
            const docs = new Map((r.out.rows.documents ?? []).map((d) => [d.id, d]))
            const [supplier] = r.companies('supplier')
            const [frontCompany] = r.companies('front_company')
            expect(docs.size).toBe(spend.length)
            for (const t of spend) {
              const d = docs.get(t.documentId as NonNullable<typeof t.documentId>)
              expect(d, 'each payment settles its invoice').toBeDefined()
              expect([d!.issuerId, d!.recipientId, d!.totalAmount]).toEqual([supplier, frontCompany, t.amount])
              expect(d!.issuedAt).toBeLessThan(t.timestamp)
              expect([t.kind, d!.docType, d!.patternRole]).toEqual([
                'invoice_payment',
                'invoice',
                'integration_invoice',
              ])
            }
            // Lines are priced inside their goods' ordinary band (no unit-price outlier gives the invoice away).
            for (const l of r.out.rows.document_lines ?? []) {
              const typical = usdToMinor(goodByCode[l.goodsCode].typicalUnitPriceUsd, l.currency)
              expect(l.unitPrice, `${l.goodsCode} at ${l.unitPrice}`).toBeGreaterThan(typical / 3)
              expect(l.unitPrice).toBeLessThan(typical * 3)
            }
          } else {
            expect(spend).toHaveLength(1)
            expect(spend[0].toAccountId).toBe(r.accounts('property_seller')[0])
            const major = 10 ** currencyByCode[spend[0].currency].minorDigits
            expect(spend[0].amount % major, 'a round price').toBe(0)
          }
          expect(r.out.narrative).toContain(front)
          expect(r.out.narrative).toContain([...sources][0])
        })
      }
    }
  }

  it('every layering shape carries the placed money to the front', () => {
    const f = fixture(42)
    for (const layering of ['cycle', 'stacked_bipartite', 'layered_fan_in', 'fan_out'] as const) {
      const r = run(f, { layering }, 3)
      expect(r.problems).toEqual([])
      expect(r.out.subtype.split('.')[1]).toBe(layering)
      const funded = r.role('integration_funding').reduce((s, t) => s + t.amount, 0)
      expect(funded).toBeLessThanOrEqual(r.out.totalMinor as number)
      expect(funded).toBeGreaterThan((r.out.totalMinor as number) * 0.85)
    }
  })

  it('fits into a short window and survives a tiny population', () => {
    const f = makeFixture(3, { persons: 2, companies: 1, accounts: 3 }, '2025-06-01', 5)
    for (const integration of INTEGRATIONS) expect(run(f, { integration }).problems).toEqual([])
  })

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(run(makeFixture(11), {}).out)).toBe(JSON.stringify(run(makeFixture(11), {}).out))
  })

  it('validate() names the field at fault', () => {
    const config = { ...fixture(1).config, durationDays: 30 }
    const base = {
      placement: 'any',
      layering: 'fan_in',
      integration: 'any',
      size: 6,
      hops: 3,
      amountUsd: 60_000,
      cutPct: 1.5,
      delayHours: 20,
      spreadHours: 36,
      placementDays: 10,
      integrationDays: 15,
    } as const
    expect(launderingChain.validate!(base, config)).toEqual([])
    const long = launderingChain.validate!({ ...base, integrationDays: 60 }, config)
    expect(long.map((x) => x.path)).toEqual(['patterns.launderingChain.params.integrationDays'])
    expect(long[0].message).toMatch(/leaves no time for layering in the simulated window \(30 days\)/)
    const slow = launderingChain.validate!({ ...base, layering: 'cycle', size: 20 }, config)
    expect(slow.map((x) => x.path)).toEqual(['patterns.launderingChain.params.delayHours'])
    expect(slow[0].message).toMatch(/longer than the 120 hours it has/)
    const flat = launderingChain.validate!(
      { ...base, layering: 'layered_fan_out', size: 2, delayHours: 2, spreadHours: 2 },
      config,
    )
    expect(flat.map((x) => x.path)).toEqual(['patterns.launderingChain.params.size'])
  })
})
