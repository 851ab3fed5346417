import { describe, expect, it } from 'vitest'
import { createMemorySink, parseConfig, runGeneration } from '../src/engine/index.ts'
import { PairTable } from '../src/engine/realism/pairs.ts'
import { localOffsetSeconds } from '../src/engine/realism/local-clock.ts'
import { generate, smallConfig, type CsvRow, type Generated } from './helpers/dataset.ts'

/** realism.json as the run wrote it. */
const reportOf = (g: Generated) => JSON.parse(g.text('realism.json'))

const quantile = (sorted: number[], q: number) => {
  const pos = (q / 100) * (sorted.length - 1)
  const lo = Math.floor(pos)
  return sorted[lo] + (sorted[Math.min(sorted.length - 1, lo + 1)] - sorted[lo]) * (pos - lo)
}
const seconds = (iso: string) => Date.parse(iso) / 1000

/** The figures of bench/quality/realism.py, computed here from the CSV rows with plain loops. */
function expected(g: Generated) {
  const all = g.tables.transactions
  const tx = all.filter((r) => r.pattern_id === '')
  const accounts = new Map(g.tables.accounts.map((a) => [a.id, a]))
  // Pairs: payer and counterparty (receiving account, else the card merchant).
  const pairs = new Map<string, number[]>()
  for (const r of tx) {
    if (r.from_account_id === '') continue
    const partner = r.to_account_id !== '' ? r.to_account_id : r.merchant_name !== '' ? 'M:' + r.merchant_name : ''
    if (partner === '') continue
    const key = r.from_account_id + '|' + partner
    pairs.set(key, [...(pairs.get(key) ?? []), seconds(r.timestamp)])
  }
  let payments = 0
  let repeat = 0
  let recurring = 0
  for (const times of pairs.values()) {
    payments += times.length
    if (times.length > 1) repeat += times.length
    if (times.length < 3) continue
    const gaps = times.slice(1).map((t, i) => t - times[i])
    const mean = gaps.reduce((s, x) => s + x, 0) / gaps.length
    const sd = Math.sqrt(gaps.reduce((s, x) => s + (x - mean) ** 2, 0) / (gaps.length - 1))
    if (mean > 0 && sd / mean <= 0.35) recurring += times.length
  }
  const out = new Map<string, Set<string>>()
  const inn = new Map<string, Set<string>>()
  for (const r of tx) {
    if (r.from_account_id === '' || r.to_account_id === '') continue
    out.set(r.from_account_id, (out.get(r.from_account_id) ?? new Set()).add(r.to_account_id))
    inn.set(r.to_account_id, (inn.get(r.to_account_id) ?? new Set()).add(r.from_account_id))
  }
  const d = [...out.values()].map((s) => s.size).sort((a, b) => a - b)
  const di = [...inn.values()].map((s) => s.size).sort((a, b) => a - b)
  const tail = d.filter((x) => x >= 5)
  // Local wall-clock time (checked against the IANA zones in realism-clock.test.ts).
  const local = new Map<string, { n: number; night: number; weekend: number }>()
  for (const r of tx) {
    if (r.kind !== 'card_purchase') continue
    const country = accounts.get(r.from_account_id)!.country
    const t = seconds(r.timestamp) + localOffsetSeconds(country, seconds(r.timestamp))
    const day = Math.floor(t / 86_400)
    const c = local.get(country) ?? { n: 0, night: 0, weekend: 0 }
    c.n++
    if (t - day * 86_400 < 6 * 3600) c.night++
    if ((((day + 3) % 7) + 7) % 7 >= 5) c.weekend++
    local.set(country, c)
  }
  // Benford over every positive amount, from the printed digits.
  const digits = new Array(10).fill(0)
  for (const r of all) {
    const first = /[1-9]/.exec(r.amount)?.[0]
    if (first && Number(r.amount) > 0) digits[Number(first)]++
  }
  const n = digits.reduce((s, x) => s + x, 0)
  const mad = digits.slice(1).reduce((s, c, i) => s + Math.abs(c / n - Math.log10(1 + 1 / (i + 1))), 0) / 9
  // Checking balances as the ledger's balance cells give them after each background transaction.
  const checking = g.tables.accounts.filter((a) => a.account_type === 'checking')
  const balance = new Map(checking.map((a) => [a.id, Number(a.opening_balance || '0')]))
  const low = new Map<string, number>()
  for (const r of tx) {
    for (const [id, after] of [
      [r.from_account_id, r.from_balance_after],
      [r.to_account_id, r.to_balance_after],
    ] as const) {
      if (!balance.has(id)) continue
      const b = Number(after)
      balance.set(id, b)
      low.set(id, Math.min(low.get(id) ?? Infinity, b))
    }
  }
  const ever = [...low.values()].filter((b) => b < -0.005).length
  const end = [...low.keys()].filter((id) => balance.get(id)! < -0.005).length
  // Salaries: distinct months per employed person.
  // The background's employed: persons in a suspicious instance are not (as realism.py counts them).
  const employed = g.tables.persons.filter((p) => p.employer_id !== '' && p.is_suspicious !== 'true')
  const months = new Map<string, Set<string>>()
  for (const r of tx) {
    if (r.kind !== 'salary') continue
    const owner = accounts.get(r.to_account_id)!.owner_id
    months.set(owner, (months.get(owner) ?? new Set()).add(r.timestamp.slice(0, 7)))
  }
  const paid = employed.map((p) => months.get(p.id)?.size ?? 0)
  return {
    transactions: all.length,
    labelled: all.filter((r) => r.pattern_id !== '').length / all.length,
    repeat: repeat / payments,
    recurring: recurring / payments,
    out: { accounts: d.length, p50: quantile(d, 50), p99: quantile(d, 99), max: d[d.length - 1] },
    alpha: 1 + tail.length / tail.reduce((s, x) => s + Math.log(x / 5), 0),
    in: { p99: quantile(di, 99), max: di[di.length - 1], over100: di.filter((x) => x > 100).length },
    local,
    mad,
    balance: { n: checking.length, ever: ever / checking.length, end: end / checking.length },
    idle: (checking.length - low.size) / checking.length,
    salary: { employed: employed.length, any: paid.filter((m) => m > 0).length, eleven: paid.filter((m) => m >= 11) },
  }
}

describe('realism.json', () => {
  for (const seed of [1, 42]) {
    it(`seed ${seed}: agrees with the figures computed from the rows as bench/quality/realism.py defines them`, async () => {
      const g = await generate(smallConfig(seed, 2))
      const r = reportOf(g)
      const e = expected(g)
      expect(g.result.files.map((f) => f.name)).toContain('realism.json')
      const listed = JSON.parse(g.text('manifest.json')).files.find((f: CsvRow) => f.name === 'realism.json')
      expect(listed?.rows).toBeNull()
      expect(r.transactions).toBe(e.transactions)
      expect(e.labelled).toBeGreaterThan(0)
      expect(r.labelled_share).toBeCloseTo(e.labelled, 5)
      expect(r.repeat_partner_share).toBeCloseTo(e.repeat, 4)
      expect(r.recurring_share).toBeCloseTo(e.recurring, 4)
      expect(r.sampling.payer_rate).toBe(1)
      expect(r.out_degree).toMatchObject({ accounts: e.out.accounts, max: e.out.max })
      expect(r.out_degree.p50).toBeCloseTo(e.out.p50, 3)
      expect(r.out_degree.p99).toBeCloseTo(e.out.p99, 3)
      expect(r.out_degree.alpha_mle_xmin5).toBeCloseTo(e.alpha, 3)
      expect(r.out_degree.in_degree.p99).toBeCloseTo(e.in.p99, 3)
      expect(r.out_degree.in_degree.max).toBe(e.in.max)
      expect(r.out_degree.in_degree.accounts_over_100).toBe(e.in.over100)
      const countries = [...e.local].filter(([, c]) => c.n >= 200)
      expect(countries.length).toBeGreaterThan(0)
      expect(Object.keys(r.local_time.per_country).sort()).toEqual(countries.map(([k]) => k).sort())
      for (const [code, c] of countries) {
        expect(r.local_time.per_country[code].n).toBe(c.n)
        expect(r.local_time.per_country[code].night).toBeCloseTo(c.night / c.n, 4)
        expect(r.local_time.per_country[code].weekend).toBeCloseTo(c.weekend / c.n, 4)
      }
      expect(r.benford_mad).toBeCloseTo(e.mad, 5)
      expect(r.negative_balance.source).toBe('balance_after')
      expect(r.negative_balance.checking_accounts).toBe(e.balance.n)
      expect(r.negative_balance.ever_negative).toBeCloseTo(e.balance.ever, 4)
      expect(r.negative_balance.end_negative).toBeCloseTo(e.balance.end, 4)
      expect(r.negative_balance.never_transact).toBeCloseTo(e.idle, 4)
      expect(r.salary.employed).toBe(e.salary.employed)
      expect(r.salary.paid_any).toBe(e.salary.any)
      expect(r.salary.paid_11_months_share).toBeCloseTo(e.salary.eleven.length / e.salary.employed, 4)
    }, 120_000)
  }

  it('is written for every format, and left out with realism: false (shards: tests/shards.test.ts)', async () => {
    for (const format of ['json', 'jsonl', 'parquet', 'neo4j'] as const) {
      const g = await generate(smallConfig(3, 0), format)
      expect(reportOf(g).transactions, format).toBe(4000)
    }
    const sink = createMemorySink()
    const r = await runGeneration(parseConfig(smallConfig(3, 0)), { format: 'csv', sink, realism: false })
    expect(r.files.map((f) => f.name)).not.toContain('realism.json')
    expect([...sink.files.keys()]).not.toContain('realism.json')
  }, 120_000)
})

describe('PairTable', () => {
  it('is exact under its cap, and beyond it keeps a payer sample whose shares stay those of the whole', () => {
    const feed = (cap: number) => {
      const t = new PairTable(cap, (p) => ((p * 2654435761) % 4294967296) / 4294967296)
      // 400 payers: half pay 4 partners monthly (recurring), half pay 4 partners once each.
      for (let month = 0; month < 6; month++)
        for (let p = 0; p < 400; p++)
          for (let k = 0; k < 4; k++)
            if (p % 2 === 0) t.add(p, PairTable.accountPartner(1000 + k), month * 30 * 86_400 + p)
            else if (month === 0) t.add(p, PairTable.accountPartner(2000 + p * 4 + k), p)
      let payments = 0
      let recurring = 0
      t.forEach((_p, _q, n, mean, sd) => {
        payments += n
        if (n >= 3 && sd / mean <= 0.35) recurring += n
      })
      return { rate: t.rate, share: recurring / payments }
    }
    const exact = feed(10_000)
    expect(exact.rate).toBe(1)
    expect(exact.share).toBeCloseTo(4800 / 5600, 6)
    const sampled = feed(400)
    expect(sampled.rate).toBeLessThan(1)
    expect(Math.abs(sampled.share - exact.share)).toBeLessThan(0.08)
  })
})
