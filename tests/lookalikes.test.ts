import { lookalikeRegistry } from '../src/engine/patterns/lookalikes/registry.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { generate, smallConfig, type CsvRow, type Generated } from './helpers/dataset.ts'
import { THRESHOLDS } from './helpers/thresholds.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ms = (ts: string) => Date.parse(ts)

/**
 * Every benign look-alike trips the classic rule of the kind it resembles (the rules of
 * bench/quality/separability.py, on its own rows) while its rows and members stay labelled not suspicious.
 */
describe('benign look-alikes', () => {
  let g: Generated
  const of = (kind: string) => g.tables.patterns.filter((p) => p.kind === kind && p.subtype !== 'none')
  const rowsOf = (table: string, id: string) => g.tables[table as 'transactions'].filter((r) => r.pattern_id === id)
  // A plan's own trades: an account opened for the plan also trades in its ordinary life (camouflage).
  const planned = (id: string) => rowsOf('trades', id).filter((t) => t.pattern_role === 'planned_trade')
  beforeAll(async () => {
    g = await generate({ ...smallConfig('lookalikes', 2), difficulty: 'hard' })
  }, 180_000)

  it('come as their own not-suspicious instances, up to three per suspicious instance at hard, none empty', () => {
    const look = g.tables.patterns.filter((p) => p.is_suspicious === 'false')
    const resembled = new Set(Object.keys(lookalikeRegistry))
    const bad = g.tables.patterns.filter((p) => p.is_suspicious === 'true' && resembled.has(p.kind))
    // Three are asked for each; one that finds nobody to be in this small population is left out, not kept empty.
    expect(look.length).toBeLessThanOrEqual(3 * bad.length)
    expect(look.length).toBeGreaterThan(2.5 * bad.length)
    for (const p of look) expect(Number(p.member_count), p.id).toBeGreaterThan(0)
    for (const p of look)
      for (const table of ['transactions', 'access_events', 'trades', 'documents'] as const)
        for (const r of rowsOf(table, p.id)) expect(r.is_suspicious, `${table} ${r.id}`).toBe('false')
  })

  it('cash businesses make three near-threshold deposits within ten days', () => {
    const list = of('cashBusiness')
    expect(list.length).toBeGreaterThan(0)
    for (const p of list) {
      const near = rowsOf('transactions', p.id)
        .filter(
          (t) =>
            t.kind === 'cash_deposit' &&
            Number(t.amount) >= 0.9 * THRESHOLDS[t.currency] &&
            Number(t.amount) < THRESHOLDS[t.currency],
        )
        .map((t) => ms(t.timestamp))
        .sort((a, b) => a - b)
      expect(
        near.some((t, i) => i + 2 < near.length && near[i + 2] - t <= 10 * DAY),
        p.id,
      ).toBe(true)
    }
  })

  it('households pool money from five or more senders and pay most of it on within three days', () => {
    for (const p of of('household')) {
      const tx = rowsOf('transactions', p.id)
      const into = tx.filter((t) => t.pattern_role === 'family_contribution')
      expect(new Set(into.map((t) => t.from_account_id)).size, p.id).toBeGreaterThanOrEqual(5)
      const last = Math.max(...into.map((t) => ms(t.timestamp)))
      const out = tx.filter((t) => t.pattern_role === 'shared_bill')
      for (const o of out) expect(ms(o.timestamp) - last).toBeLessThanOrEqual(3 * DAY)
      const devices = new Set(
        rowsOf('access_events', p.id)
          .filter((a) => a.pattern_role === 'household_login')
          .map((a) => a.device_id),
      )
      expect(devices.size, 'one family device').toBe(1)
    }
  })

  it('quick pass-throughs move at least 90 % on within the hour', () => {
    const list = of('quickPassThrough')
    expect(list.length).toBeGreaterThan(0)
    for (const p of list) {
      const tx = rowsOf('transactions', p.id).sort((a, b) => ms(a.timestamp) - ms(b.timestamp))
      const [first, second] = tx
      expect(second.from_account_id).toBe(first.to_account_id)
      expect(ms(second.timestamp) - ms(first.timestamp)).toBeLessThanOrEqual(HOUR)
      if (first.currency === second.currency)
        expect(Number(second.amount)).toBeGreaterThanOrEqual(0.9 * Number(first.amount))
    }
  })

  it('new-device owners log in and pay out within 24 hours', () => {
    const list = of('newDeviceOwner')
    expect(list.length).toBeGreaterThan(0)
    for (const p of list) {
      const logins = rowsOf('access_events', p.id)
      for (const t of rowsOf('transactions', p.id)) {
        const before = logins.filter((a) => a.account_id === t.from_account_id && ms(a.timestamp) <= ms(t.timestamp))
        expect(
          before.some((a) => ms(t.timestamp) - ms(a.timestamp) <= DAY),
          t.id,
        ).toBe(true)
      }
    }
  })

  it('pre-scheduled trades are by an officer or director of the issuer', () => {
    const officers = new Set(
      g.tables.ownership
        .filter((o) => o.role === 'officer' || o.role === 'director')
        .map((o) => `${o.owner_id}|${o.company_id}`),
    )
    for (const p of of('plannedInsiderTrades'))
      for (const t of planned(p.id)) expect(officers.has(`${t.person_id}|${t.company_id}`), t.id).toBe(true)
  })

  it('a pre-scheduled plan can cover several officers of the issuer, each trading on the plan dates from an investment account', () => {
    const members = g.tables.pattern_members
    const accounts = new Map(g.tables.accounts.map((a) => [a.id, a]))
    const plans = of('plannedInsiderTrades')
    let boards = 0
    for (const p of plans) {
      const holders = members.filter((m) => m.pattern_id === p.id && m.role === 'plan_holder').map((m) => m.entity_id)
      const trades = planned(p.id)
      // Every holder trades, from an investment account of their own, on the same plan dates.
      expect(new Set(trades.map((t) => t.person_id)), p.id).toEqual(new Set(holders))
      for (const t of trades) {
        const a = accounts.get(t.account_id)!
        expect([a.account_type, a.owner_id], t.id).toEqual(['investment', t.person_id])
      }
      // The administrator works through the holders' orders within the same session, minutes apart.
      const times = (who: string) => trades.filter((t) => t.person_id === who).map((t) => ms(t.timestamp))
      const first = times(holders[0])
      for (const h of holders) {
        expect(times(h).length, p.id).toBe(first.length)
        times(h).forEach((t, k) => expect(Math.abs(t - first[k]), p.id).toBeLessThan(2 * HOUR))
      }
      if (holders.length > 1) boards++
    }
    expect(boards).toBeGreaterThan(0)
  })

  it('pre-scheduled trades often fall days before an announcement of the issuer, for or against the news by chance', () => {
    const news = g.tables.announcements
    const plans = of('plannedInsiderTrades')
    let early = 0
    const informed = new Set<boolean>()
    for (const p of plans) {
      let hit = false
      for (const t of planned(p.id)) {
        const next = news.find(
          (a) =>
            a.company_id === t.company_id &&
            ms(a.timestamp) > ms(t.timestamp) &&
            ms(a.timestamp) - ms(t.timestamp) <= 10 * DAY,
        )
        if (!next) continue
        hit = true
        // A sale before bad news or a purchase before good news looks informed; a plan does either by chance.
        informed.add((t.side === 'sell') === Number(next.price_effect_pct) < 0)
      }
      if (hit) early++
    }
    // Most plans have a date just before news (six in ten are set so, the rest by the calendar's chance).
    expect(early).toBeGreaterThanOrEqual(0.5 * plans.length)
    expect([...informed].sort()).toEqual([false, true])
  })

  it('unusual-price importers have lines over 3× or under a third of the goods median', () => {
    const lines = g.tables.document_lines
    const byGood = new Map<string, number[]>()
    const background = new Set(g.tables.documents.filter((d) => d.pattern_id === '').map((d) => d.id))
    for (const l of lines) {
      if (!background.has(l.document_id)) continue
      const key = `${l.goods_code}|${l.currency}`
      byGood.set(key, [...(byGood.get(key) ?? []), Number(l.unit_price)])
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const list = of('unusualPriceImporter')
    let checked = 0
    for (const p of list) {
      const docs = new Set(rowsOf('documents', p.id).map((d: CsvRow) => d.id))
      // Against the background's usual price of the goods (where the small dataset has enough of them).
      const own = lines.filter(
        (l) => docs.has(l.document_id) && (byGood.get(`${l.goods_code}|${l.currency}`) ?? []).length >= 5,
      )
      if (own.length === 0) continue
      checked++
      const odd = own.filter((l) => {
        const m = median(byGood.get(`${l.goods_code}|${l.currency}`) ?? [])
        return Number(l.unit_price) > 3 * m || Number(l.unit_price) < m / 3
      })
      expect(odd.length, p.id).toBeGreaterThan(0)
    }
    expect(checked).toBeGreaterThan(0)
  })
})

/**
 * The look-alikes of the laundering shapes, the chain and single-account laundering: each draws the graph (or the
 * account history) its kind's rule looks for, in kinds, holder pairings and documents the background uses.
 */
describe('benign look-alikes of the laundering kinds', () => {
  let g: Generated
  const KINDS = ['businessShape', 'retailGroup', 'lifeEvent']
  const of = (kind: string) => g.tables.patterns.filter((p) => p.kind === kind)
  const own = (id: string) =>
    g.tables.transactions
      .filter((t) => t.pattern_id === id && t.pattern_role !== 'camouflage')
      .sort((a, b) => ms(a.timestamp) - ms(b.timestamp))
  beforeAll(async () => {
    const base = smallConfig('shape-lookalikes', 0)
    // Enough transactions that the background keeps every standing payment (rents to companies are the first to go).
    g = await generate({
      ...base,
      counts: { ...base.counts, transactions: 12_000 },
      difficulty: 'hard',
      patterns: { launderingShape: { count: 4 }, launderingChain: { count: 2 }, accountLaundering: { count: 3 } },
    })
  }, 180_000)

  it('are instances of their own, resembling the kind, never suspicious, with members and roles', () => {
    for (const [kind, resembles, n] of [
      ['businessShape', 'launderingShape', 12],
      ['retailGroup', 'launderingChain', 6],
      ['lifeEvent', 'accountLaundering', 9],
    ] as const) {
      const list = of(kind)
      expect(list.length, kind).toBeGreaterThan(n * 0.6)
      expect(list.length, kind).toBeLessThanOrEqual(n)
      for (const p of list) {
        expect(p).toMatchObject({ is_suspicious: 'false', resembles })
        const members = g.tables.pattern_members.filter((m) => m.pattern_id === p.id)
        expect(members.length, p.id).toBeGreaterThan(1)
        for (const m of members) expect(m.role, p.id).not.toBe('')
        for (const t of own(p.id)) expect(t.is_suspicious).toBe('false')
      }
    }
  })

  it('pay only in the kinds the background uses between persons and companies, and settle company invoices', () => {
    const owner = new Map(g.tables.accounts.map((a) => [a.id, a.owner_type]))
    const pair = (t: CsvRow) => `${t.kind}|${owner.get(t.from_account_id) ?? '-'}|${owner.get(t.to_account_id) ?? '-'}`
    const background = new Set(g.tables.transactions.filter((t) => t.pattern_id === '').map(pair))
    const docs = new Set(g.tables.documents.map((d) => d.id))
    let invoices = 0
    for (const kind of KINDS)
      for (const p of of(kind))
        for (const t of own(p.id)) {
          expect(background.has(pair(t)), `${p.subtype} ${t.id} ${pair(t)}`).toBe(true)
          if (t.kind === 'invoice_payment' && pair(t).endsWith('company|company') && t.document_id !== '') {
            expect(docs.has(t.document_id)).toBe(true)
            invoices++
          }
        }
    expect(invoices).toBeGreaterThan(0)
  })

  it('draw the shape: fans trip the fan rules, cycles close within a week, money never leaves before it arrives', () => {
    const list = of('businessShape')
    for (const p of list) {
      const tx = own(p.id)
      const shape = p.subtype.split(':')[0]
      const outOf = (a: string) => tx.filter((t) => t.from_account_id === a)
      const into = (a: string) => tx.filter((t) => t.to_account_id === a)
      if (shape === 'fan_out') {
        const [payer] = [...new Set(tx.map((t) => t.from_account_id))]
        const out = outOf(payer)
        const amounts = out.map((t) => Number(t.amount))
        expect(new Set(out.map((t) => t.to_account_id)).size, p.id).toBeGreaterThanOrEqual(5)
        expect(ms(out[out.length - 1].timestamp) - ms(out[0].timestamp)).toBeLessThanOrEqual(3 * DAY)
        expect(Math.max(...amounts)).toBeLessThanOrEqual(3 * Math.min(...amounts))
      }
      if (shape === 'fan_in') {
        const hub = tx[0].to_account_id
        const ins = into(hub)
        expect(new Set(ins.map((t) => t.from_account_id)).size, p.id).toBeGreaterThanOrEqual(5)
        const last = ms(ins[ins.length - 1].timestamp)
        expect(last - ms(ins[0].timestamp)).toBeLessThanOrEqual(7 * DAY)
        const paidOn = outOf(hub).filter((t) => ms(t.timestamp) > last && ms(t.timestamp) <= last + 3 * DAY)
        const sum = (xs: CsvRow[]) => xs.reduce((a, t) => a + Number(t.amount), 0)
        expect(sum(paidOn)).toBeGreaterThanOrEqual(0.8 * sum(ins))
      }
      if (shape === 'cycle') {
        expect(tx.length).toBeGreaterThanOrEqual(3)
        expect(tx.length).toBeLessThanOrEqual(4)
        tx.forEach((t, k) => expect(t.to_account_id).toBe(tx[(k + 1) % tx.length].from_account_id))
        expect(ms(tx[tx.length - 1].timestamp) - ms(tx[0].timestamp)).toBeLessThanOrEqual(7 * DAY)
      }
      if (shape === 'scatter_gather') {
        const source = tx[0].from_account_id
        const middles = new Set(outOf(source).map((t) => t.to_account_id))
        const sinks = new Set(tx.filter((t) => middles.has(t.from_account_id)).map((t) => t.to_account_id))
        expect(middles.size).toBeGreaterThanOrEqual(3)
        expect(sinks.size).toBe(1)
      }
      // Every account pays on only after the money it passes on has arrived, and never more than it received.
      for (const a of new Set(tx.map((t) => t.from_account_id))) {
        const ins = into(a)
        if (ins.length === 0 || shape === 'cycle') continue
        const arrived = Math.min(...ins.map((t) => ms(t.timestamp)))
        for (const t of outOf(a)) expect(ms(t.timestamp), t.id).toBeGreaterThan(arrived)
        const sum = (xs: CsvRow[]) => xs.reduce((s, t) => s + Number(t.amount), 0)
        expect(sum(outOf(a))).toBeLessThanOrEqual(sum(ins) + 0.01)
      }
    }
    expect(new Set(list.map((p) => p.subtype.split(':')[0])).size).toBeGreaterThanOrEqual(3)
  })

  it('life events have the account history of the typology they resemble', () => {
    const list = of('lifeEvent')
    for (const p of list) {
      const tx = own(p.id)
      const account = g.tables.pattern_members.find(
        (m) => m.pattern_id === p.id && m.role === 'account_holder' && m.entity_type === 'account',
      )?.entity_id as string
      const typology = p.subtype.split(':')[0]
      const ins = tx.filter((t) => t.to_account_id === account)
      const outs = tx.filter((t) => t.from_account_id === account)
      if (typology === 'deposit_send')
        for (const d of ins.filter((t) => t.kind === 'cash_deposit'))
          expect(
            outs.some((o) => ms(o.timestamp) > ms(d.timestamp) && ms(o.timestamp) - ms(d.timestamp) <= 3 * DAY),
            d.id,
          ).toBe(true)
      if (typology === 'cash_withdrawal') {
        const cash = outs.filter((t) => t.kind === 'cash_withdrawal').reduce((a, t) => a + Number(t.amount), 0)
        expect(cash, p.id).toBeGreaterThanOrEqual(0.7 * ins.reduce((a, t) => a + Number(t.amount), 0))
      }
      if (typology === 'behavioural_change')
        expect(ins.filter((t) => t.kind === 'salary').length).toBeGreaterThanOrEqual(4)
      if (typology === 'single_large') {
        expect(ins.length).toBe(1)
        expect(Number(ins[0].amount) % 1000, p.id).toBe(0)
      }
    }
    expect(new Set(list.map((p) => p.subtype.split(':')[0])).size).toBeGreaterThanOrEqual(3)
  })

  it('retail groups bank cash takings, move them between group companies and spend them', () => {
    const list = of('retailGroup')
    expect(list.length).toBeGreaterThan(0)
    for (const p of list) {
      const tx = own(p.id)
      const first = tx[0]
      expect(first.kind, p.id).toBe('cash_deposit')
      const group = tx.filter((t) => t.pattern_role === p.subtype.split(':')[1])
      expect(group.length, p.id).toBeGreaterThan(0)
      expect(ms(group[0].timestamp)).toBeGreaterThan(ms(first.timestamp))
      const spend = tx.filter((t) => ['payroll', 'invoice', 'property'].includes(t.pattern_role))
      expect(spend.length, p.id).toBeGreaterThan(0)
      expect(ms(spend[0].timestamp)).toBeGreaterThan(ms(group[group.length - 1].timestamp))
    }
  })
})
