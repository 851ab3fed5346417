import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../config/validate.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import { buildBackground, type Background } from '../../orchestrator/background.ts'
import { eventStreams } from '../../orchestrator/table-sources.ts'

function world(transactions: number): { bg: Background; rows: Transaction[] } {
  const checked = validateConfig({
    seed: 'schedules',
    startDate: '2025-01-01',
    durationDays: 365,
    counts: { persons: 400, companies: 80, accounts: 900, transactions, documents: 50, communications: 10 },
  })
  if (!checked.ok) throw new Error(checked.issues.map((i) => i.message).join('; '))
  const bg = buildBackground(checked.config)
  const stream = eventStreams(bg, checked.config.counts).transactions
  return { bg, rows: Array.from({ length: stream.count }, (_, i) => stream.row(i) as Transaction) }
}

const month = (t: number) => new Date(t * 1000).toISOString().slice(0, 7)

/** Accounts open through the whole window (the ones a schedule can use every month). */
function openAllWindow(bg: Background): Set<string> {
  const w = bg.world
  return new Set(
    w.accounts
      .filter((_, i) => w.accountFrom[i] === w.clock.start && w.accountTo[i] === w.clock.end - 1)
      .map((a) => a.id),
  )
}

describe('monthly schedules', () => {
  const big = world(60_000)

  it('pays every employed person every month, from one payer, on a fixed rhythm', () => {
    const { bg, rows } = big
    const open = openAllWindow(bg)
    const salaries = new Map<string, Transaction[]>()
    for (const r of rows)
      if (r.kind === 'salary') salaries.set(r.toAccountId ?? '', [...(salaries.get(r.toAccountId ?? '') ?? []), r])
    const employed = bg.world.persons.flatMap((p, i) => {
      const main = bg.world.accountsOfPerson[i]
        .map((a) => bg.world.accounts[a])
        .find((a) => a.accountType === 'checking')
      const employer = bg.world.accountsOfCompany[bg.world.companyIndex.get(p.employerId ?? '') ?? -1]?.[0]
      return main && employer !== undefined && open.has(main.id) && open.has(bg.world.accounts[employer].id)
        ? [main.id]
        : []
    })
    expect(employed.length).toBeGreaterThan(100)
    for (const account of employed) {
      const paid = salaries.get(account) ?? []
      expect(new Set(paid.map((r) => month(r.timestamp))).size, `${account} paid in 12 months`).toBe(12)
      expect(new Set(paid.map((r) => r.fromAccountId)).size, `${account} has one payer`).toBe(1)
      // A raise once a year and a bonus month: at most three distinct amounts, never a cut except after the bonus.
      expect(new Set(paid.map((r) => r.amount)).size).toBeLessThanOrEqual(3)
    }
  }, 120_000)

  it("settles card-taking merchants' takings weekly or twice a week, each from its country's one acquirer", () => {
    const { bg, rows } = big
    const w = bg.world
    const open = openAllWindow(bg)
    const byMerchant = new Map<string, Transaction[]>()
    for (const r of rows)
      if (r.description === 'Card settlement')
        byMerchant.set(r.toAccountId ?? '', [...(byMerchant.get(r.toAccountId ?? '') ?? []), r])
    expect(byMerchant.size).toBeGreaterThan(3)
    const acquirers = new Map<string, Set<string>>()
    for (const [merchant, paid] of byMerchant) {
      const payers = new Set(paid.map((r) => r.fromAccountId ?? ''))
      expect(payers.size, `${merchant} has one acquirer`).toBe(1)
      const acquirer = w.accounts[w.accountIndex.get([...payers][0]) ?? -1]
      const to = w.accounts[w.accountIndex.get(merchant) ?? -1]
      expect(acquirer.country).toBe(to.country)
      expect(w.companies[w.companyIndex.get(acquirer.ownerId) ?? -1].industry).toBe('financial_services')
      const takes = w.companies[w.companyIndex.get(to.ownerId) ?? -1].industry
      expect(['retail', 'hospitality', 'entertainment', 'healthcare', 'automotive', 'transportation']).toContain(takes)
      const perMonth = new Map<string, number>()
      for (const r of paid) perMonth.set(month(r.timestamp), (perMonth.get(month(r.timestamp)) ?? 0) + 1)
      if (open.has(merchant) && open.has(acquirer.id)) {
        expect(perMonth.size, `${merchant} settled every month`).toBe(12)
        for (const n of perMonth.values()) expect([4, 8]).toContain(n)
      }
      const s = acquirers.get(acquirer.id) ?? acquirers.set(acquirer.id, new Set()).get(acquirer.id)!
      s.add(merchant)
    }
    // The acquirer is a hub: one account paying many merchants.
    expect(Math.max(...[...acquirers.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it('charges rent, bills, loans and savings monthly to the same counterparties', () => {
    const open = openAllWindow(big.bg)
    const pairs = new Map<string, Set<string>>()
    for (const r of big.rows) {
      const standing = r.kind === 'rent' || r.description === 'Own account transfer' || r.channel === 'direct_debit'
      if (!standing || !open.has(r.toAccountId ?? '') || !open.has(r.fromAccountId ?? '')) continue
      const key = `${r.kind}|${r.fromAccountId}|${r.toAccountId}`
      pairs.set(key, (pairs.get(key) ?? new Set()).add(month(r.timestamp)))
    }
    for (const kind of ['rent', 'bill_payment']) {
      const months = [...pairs].filter(([k]) => k.startsWith(kind)).map(([, m]) => m.size)
      expect(months.length, kind).toBeGreaterThan(50)
      expect(months.filter((n) => n >= 11).length / months.length, `${kind} pairs paid in ≥ 11 months`).toBeGreaterThan(
        0.8,
      )
    }
  }, 120_000)

  it('pays through payroll providers: one account pays the staff of several employers, each funding it monthly', () => {
    const staff = new Map<string, Set<string>>()
    for (const r of big.rows)
      if (r.kind === 'salary')
        staff.set(r.fromAccountId ?? '', (staff.get(r.fromAccountId ?? '') ?? new Set()).add(r.toAccountId ?? ''))
    const funding = big.rows.filter((r) => r.description === 'Payroll funding')
    const providers = new Set(funding.map((r) => r.toAccountId))
    const employersOf = (p: string | null) =>
      new Set(funding.filter((r) => r.toAccountId === p).map((r) => r.fromAccountId))
    const hub = [...providers].sort((a, b) => employersOf(b).size - employersOf(a).size)[0]
    expect(employersOf(hub).size).toBeGreaterThan(2)
    const biggestEmployer = Math.max(...big.bg.world.employeesOf.map((e) => e.length))
    expect(staff.get(hub ?? '')?.size ?? 0).toBeGreaterThan(biggestEmployer)
    const open = openAllWindow(big.bg)
    for (const e of employersOf(hub)) {
      if (!open.has(e ?? '')) continue
      const months = new Set(funding.filter((r) => r.fromAccountId === e).map((r) => month(r.timestamp)))
      expect(months.size, `${e} funds its payroll monthly`).toBe(12)
    }
  }, 120_000)

  it('keeps the exact count and time order when the schedules want more rows than the table holds', () => {
    const { rows } = world(2_000)
    expect(rows.length).toBe(2_000)
    for (let i = 1; i < rows.length; i++) expect(rows[i].timestamp).toBeGreaterThanOrEqual(rows[i - 1].timestamp)
    const salaries = rows.filter((r) => r.kind === 'salary').length
    const flow = rows.filter((r) => r.kind === 'card_purchase' && r.description !== 'Subscription').length
    // Salaries come first, but at most half the rows are scheduled: the flow keeps the rest.
    expect(salaries).toBeGreaterThan(500)
    expect(flow).toBeGreaterThan(200)
    const perPayee = new Map<string, number>()
    for (const r of rows)
      if (r.kind === 'salary') perPayee.set(r.toAccountId ?? '', (perPayee.get(r.toAccountId ?? '') ?? 0) + 1)
    // Whole obligations are dropped rather than months: who is paid at all is paid in most months.
    const counts = [...perPayee.values()]
    expect(counts.filter((n) => n >= 11).length / counts.length).toBeGreaterThan(0.8)
  }, 120_000)
})

describe('spending budgets', () => {
  it('keeps most checking accounts in credit over the window: ad-hoc spending fits what an account has', () => {
    const { bg, rows } = world(60_000)
    const end = new Map<string, number>()
    for (const a of bg.world.accounts)
      if (a.ownerType === 'person' && a.accountType === 'checking') end.set(a.id, a.openingBalance)
    for (const r of rows) {
      const from = end.get(r.fromAccountId ?? '')
      if (from !== undefined) end.set(r.fromAccountId ?? '', from - r.amount)
      const to = end.get(r.toAccountId ?? '')
      if (to !== undefined) end.set(r.toAccountId ?? '', to + (r.toAmount ?? r.amount))
    }
    const negative = [...end.values()].filter((b) => b < 0).length
    expect(negative / end.size).toBeLessThan(0.1)
  }, 120_000)
})
