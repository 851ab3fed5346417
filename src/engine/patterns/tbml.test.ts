import type { Account } from '../model/tables/accounts.ts'
import { describe, expect, it } from 'vitest'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { ParamValues } from '../config/params.ts'
import { countryByCode } from '../reference/countries.ts'
import { goodByCode } from '../reference/goods.ts'
import { integrityProblems, makeFixture, testCounts } from '../../../tests/helpers/pattern-fixture.ts'
import { tbml } from './tbml.ts'
import { SUBTYPES } from './specs/tbml.ts'

const SEEDS = [1, 42, 1337, 2024]
const fixtures = new Map(SEEDS.map((s) => [s, makeFixture(s)]))
const config = (over = {}) => ({ ...makeFixture(1).config, counts: testCounts(over) })

type Params = ParamValues<typeof tbml.params>

function run(seed: number, params: Partial<Params>, instance = 0) {
  const f = fixtures.get(seed) ?? makeFixture(seed)
  const { out, ctx } = f.run(tbml, params, instance)
  const docs = out.rows.documents ?? []
  const invoices = docs.filter((d) => d.docType === 'invoice')
  const bills = docs.filter((d) => d.docType === 'bill_of_lading')
  const payments = out.rows.transactions ?? []
  const accounts = new Map<string, Account>([...f.world.accounts, ...(out.rows.accounts ?? [])].map((a) => [a.id, a]))
  return { world: f.world, out, ctx, invoices, bills, payments, accounts }
}

describe('tbml', () => {
  for (const seed of SEEDS) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}, seed ${seed}: rows resolve, every invoice is paid exactly, by the buyer to the seller`, () => {
        const params = { subtype, companies: 4, invoices: 9, priceFactor: 4 }
        const { world, out, ctx, invoices, payments, accounts } = run(seed, params)
        expect(out.subtype).toBe(subtype)
        expect(integrityProblems(world, ctx, out)).toEqual([])
        expect(invoices).toHaveLength(9)
        expect(payments).toHaveLength(9)
        const companies = out.members.filter((m) => m.entityType === 'company')
        expect(companies).toHaveLength(4)
        const paidUsd = payments.reduce((s, t) => {
          const inv = invoices.find((d) => d.id === t.documentId)
          expect(inv, `payment ${t.id} settles an invoice of the pattern`).toBeDefined()
          if (!inv) return s
          expect(t.kind).toBe('invoice_payment')
          expect(t.timestamp).toBeGreaterThan(inv.issuedAt)
          expect(accounts.get(t.fromAccountId ?? '')?.ownerId).toBe(inv.recipientId)
          expect(accounts.get(t.fromAccountId ?? '')?.accountType).toBe('business')
          expect(accounts.get(t.toAccountId ?? '')?.accountType).toBe('business')
          expect(accounts.get(t.toAccountId ?? '')?.ownerId).toBe(inv.issuerId)
          if (t.currency === inv.currency) expect(t.amount).toBe(inv.totalAmount)
          else {
            expect(t.toCurrency).toBe(inv.currency)
            const unit = Math.max(1, Math.ceil(convertMinor(1, t.currency, inv.currency).minor))
            expect(Math.abs((t.toAmount ?? 0) - inv.totalAmount)).toBeLessThanOrEqual(unit)
          }
          return s + convertMinor(inv.totalAmount, inv.currency, 'USD').minor
        }, 0)
        expect(new Set(payments.map((t) => t.documentId)).size).toBe(9)
        expect(out.totalMinor).toBe(paidUsd)
        expect(out.narrative).toContain('USD')
        // Shells the scheme sets up are young offshore companies owned by a member.
        for (const c of out.rows.companies ?? []) {
          const own = (out.rows.ownership ?? []).filter((o) => o.companyId === c.id)
          expect(own.length).toBeGreaterThan(0)
          for (const o of own) expect(out.members.some((m) => m.entityId === o.ownerId)).toBe(true)
          if (c.isShell) expect(countryByCode[c.registrationCountry].taxHaven).toBe(true)
          expect(c.incorporatedOn).toBeGreaterThan(world.clock.startDay - 1000)
        }
      })
    }

    it(`seed ${seed}: over- and under-invoiced prices lie well outside the goods' normal spread`, () => {
      for (const priceFactor of [1.5, 4, 12]) {
        for (const subtype of ['over_invoicing', 'under_invoicing'] as const) {
          const { out, invoices } = run(seed, { subtype, priceFactor, companies: 3, invoices: 6 })
          const ids = new Set(invoices.map((d) => d.id))
          const lines = (out.rows.document_lines ?? []).filter((l) => ids.has(l.documentId))
          expect(lines.length).toBeGreaterThanOrEqual(6)
          for (const l of lines) {
            const g = goodByCode[l.goodsCode]
            if (subtype === 'over_invoicing')
              expect(l.unitPrice).toBeGreaterThan(
                usdToMinor(g.typicalUnitPriceUsd * (1 + 3 * g.priceSpread), l.currency),
              )
            else
              expect(l.unitPrice).toBeLessThan(usdToMinor(g.typicalUnitPriceUsd / (1 + 3 * g.priceSpread), l.currency))
          }
        }
      }
    })

    it(`seed ${seed}: multiple invoicing bills one shipment several times; phantom shipments have no bill of lading`, () => {
      const multi = run(seed, { subtype: 'multiple_invoicing', companies: 3, invoices: 7 })
      const byRef = new Map<string, number>()
      for (const d of multi.invoices) byRef.set(d.shipmentRef ?? '', (byRef.get(d.shipmentRef ?? '') ?? 0) + 1)
      expect([...byRef.values()].every((n) => n >= 2)).toBe(true)
      expect(multi.bills).toHaveLength(byRef.size)
      for (const b of multi.bills) expect(byRef.has(b.shipmentRef ?? '')).toBe(true)
      const phantom = run(seed, { subtype: 'phantom_shipment', companies: 3, invoices: 5 })
      expect(phantom.bills).toHaveLength(0)
      const over = run(seed, { subtype: 'over_invoicing', companies: 3, invoices: 5 })
      for (const inv of over.invoices)
        expect(over.bills.some((b) => b.relatedDocumentId === inv.id && b.shipmentRef === inv.shipmentRef)).toBe(true)
    })

    it(`seed ${seed}: a carousel sends goods and money round a circle that closes`, () => {
      for (const [companies, invoices] of [
        [3, 3],
        [4, 9],
        [5, 11],
        [3, 7],
      ]) {
        const {
          out,
          invoices: inv,
          bills,
          payments,
          accounts,
        } = run(seed, { subtype: 'carousel', companies, invoices })
        expect(inv).toHaveLength(invoices)
        const ids = out.members.filter((m) => m.entityType === 'company').map((m) => m.entityId)
        for (const id of ids) {
          expect(inv.some((d) => d.issuerId === id)).toBe(true)
          expect(inv.some((d) => d.recipientId === id)).toBe(true)
        }
        for (const d of inv) expect(bills.some((b) => b.shipmentRef === d.shipmentRef)).toBe(true)
        // Follow the money from the first payer: each next payment leaves the company that was just paid, until it is back.
        const sorted = [...payments].sort((a, b) => a.timestamp - b.timestamp)
        const ownerOf = (id: string | null) => accounts.get(id ?? '')?.ownerId
        const start = ownerOf(sorted[0].fromAccountId)
        let at = ownerOf(sorted[0].toAccountId)
        const seen = [start, at]
        for (const t of sorted.slice(1)) {
          if (at === start) break
          if (ownerOf(t.fromAccountId) === at) {
            at = ownerOf(t.toAccountId)
            seen.push(at)
          }
        }
        expect(at, `money path ${seen.join(' → ')}`).toBe(start)
      }
    })
  }

  it('is deterministic and independent per instance', () => {
    const a = run(42, { subtype: 'any' }, 0).out
    const b = makeFixture(42).run(tbml, { subtype: 'any' }, 0).out
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(JSON.stringify(run(42, { subtype: 'any' }, 1).out)).not.toBe(JSON.stringify(a))
  })

  it('creates shells when the population has too few trading companies', () => {
    const f = makeFixture(7, { companies: 2, persons: 20, accounts: 40 })
    const { out, ctx } = f.run(tbml, { subtype: 'carousel', companies: 6, invoices: 12 })
    expect(integrityProblems(f.world, ctx, out)).toEqual([])
    expect(out.members.filter((m) => m.entityType === 'company')).toHaveLength(6)
    expect((out.rows.companies ?? []).length).toBeGreaterThanOrEqual(4)
  })

  it('validate() rejects impossible combinations with a clear issue', () => {
    const v = (params: Partial<Params>, over = {}) =>
      tbml.validate?.({ companies: 3, invoices: 8, priceFactor: 4, subtype: 'any', ...params }, config(over)) ?? []
    expect(v({})).toEqual([])
    expect(v({ subtype: 'carousel', companies: 2 })[0]?.path).toBe('patterns.tbml.params.companies')
    expect(v({ subtype: 'carousel', companies: 5, invoices: 4 })[0]?.path).toBe('patterns.tbml.params.invoices')
    expect(v({ subtype: 'multiple_invoicing', companies: 3, invoices: 3 })[0]?.message).toMatch(/at least 4 invoices/)
    expect(v({ companies: 12, invoices: 5 })[0]?.path).toBe('patterns.tbml.params.invoices')
  })
})
