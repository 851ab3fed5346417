import { describe, expect, it } from 'vitest'
import { tableNames, type TableName } from '../model/schema.ts'
import { DAY, HOUR, daysFromCivil } from '../model/time.ts'
import { aucAgainst } from './auc.ts'
import { createAudit, splitGroup } from './audit.ts'
import { readTruth } from './target.ts'
import { evaluateLevel, type LevelInput } from './level.ts'

const T0 = daysFromCivil(2025, 1, 1) * DAY

/** A hand-built dataset: entity and event rows by table, and the instances with their members. */
class Crafted {
  readonly rows = new Map<TableName, Record<string, unknown>[]>(tableNames.map((t) => [t, []]))
  readonly patterns: { id: string; kind: string; isSuspicious: boolean }[] = []
  readonly members: { patternId: string; entityType: string; entityId: string; role: string; isSuspicious: boolean }[] =
    []
  private n = 0

  account(id: string): string {
    this.rows.get('accounts')?.push({
      id,
      ownerId: `PER-${id}`,
      ownerType: 'person',
      jointOwnerId: null,
      accountType: 'checking',
      currency: 'USD',
      country: 'US',
      bankName: 'Bank',
      openedAt: T0 / DAY - 400,
      openingBalance: 100_000,
    })
    return id
  }

  instance(kind: string, accounts: string[], type = 'account', isSuspicious = true): string {
    const id = `PAT-${this.patterns.length}`
    this.patterns.push({ id, kind, isSuspicious })
    for (const a of accounts)
      this.members.push({ patternId: id, entityType: type, entityId: a, role: 'member', isSuspicious })
    return id
  }

  /** Accounts an instance used without their knowledge (a victim who paid): members, not targets. */
  unwitting(patternId: string, accounts: string[]): void {
    for (const a of accounts)
      this.members.push({ patternId, entityType: 'account', entityId: a, role: 'victim', isSuspicious: false })
  }

  tx(
    from: string | null,
    to: string | null,
    usd: number,
    at: number,
    kind = 'transfer',
    patternId: string | null = null,
    isSuspicious = patternId !== null && this.patterns.some((p) => p.id === patternId && p.isSuspicious),
  ) {
    this.rows.get('transactions')?.push({
      id: `TXN-${this.n++}`,
      timestamp: T0 + at,
      kind,
      channel: 'online',
      fromAccountId: from,
      toAccountId: to,
      amount: Math.round(usd * 100),
      currency: 'USD',
      merchantCategory: null,
      originCountry: 'US',
      destinationCountry: 'US',
      documentId: null,
      conductorId: null,
      patternId,
      isSuspicious,
    })
  }

  /** A row as the engine labels it: suspicious when it belongs to a suspicious instance, unless it says otherwise. */
  add(table: TableName, row: Record<string, unknown>) {
    const p = row.patternId
    const suspicious = p !== undefined && p !== null && this.patterns.some((x) => x.id === p && x.isSuspicious)
    this.rows.get(table)?.push({ isSuspicious: suspicious, ...row })
  }

  run() {
    for (const t of ['transactions', 'access_events', 'trades', 'documents'] as TableName[])
      this.rows.get(t)?.sort((a, b) => Number(a.timestamp ?? a.issuedAt) - Number(b.timestamp ?? b.issuedAt))
    const counts = Object.fromEntries(tableNames.map((t) => [t, this.rows.get(t)?.length ?? 0])) as Record<
      TableName,
      number
    >
    const injected = Object.fromEntries(tableNames.map((t) => [t, 0])) as Record<TableName, number>
    const audit = createAudit({
      truth: { patterns: this.patterns as never, members: this.members as never },
      startDate: '2025-01-01',
      durationDays: 365,
      counts,
      injected,
    })
    for (const t of tableNames) for (const row of this.rows.get(t) ?? []) audit.observe(t, row)
    return audit.finish()
  }
}

function level(values: number[], positive: boolean[], extra: Partial<LevelInput> = {}): LevelInput {
  return {
    columns: [{ name: 'f', categorical: false, values: Float64Array.from(values) }],
    kind: Int32Array.from(positive, (p) => (p ? 0 : -1)),
    kinds: ['k'],
    test: Uint8Array.from(values, (_, i) => (i >> 1) % 2),
    weight: new Float64Array(values.length).fill(1),
    ...extra,
  }
}

describe('the entity split', () => {
  it('keeps every member of an instance (look-alikes too) in one half, and splits other entities by id', () => {
    const c = new Crafted()
    const ring = c.instance('fraudRing', ['ACC-1', 'ACC-2', 'ACC-3'])
    const shop = c.instance('structuring', ['ACC-4', 'ACC-5'], 'account', false)
    const truth = readTruth({ patterns: c.patterns as never, members: c.members as never })
    expect(['ACC-1', 'ACC-2', 'ACC-3'].map((id) => splitGroup(id, truth))).toEqual([ring, ring, ring])
    expect(['ACC-4', 'ACC-5'].map((id) => splitGroup(id, truth))).toEqual([shop, shop])
    expect(splitGroup('ACC-9', truth)).toBe('ACC-9')
  })
})

describe('AUC', () => {
  it('is 1 for a perfectly separating score, 0.5 for a constant, and counts ties half', () => {
    expect(aucAgainst(Float64Array.from([1, 2, 3]), [4, 5])).toBe(1)
    expect(aucAgainst(Float64Array.from([0, 0, 0]), [0, 0])).toBe(0.5)
    // positives 2 and 3 against negatives 1, 2, 4: 2 beats 1 and ties 2 (1.5), 3 beats 1 and 2 (2) → 3.5 / 6
    expect(aucAgainst(Float64Array.from([1, 2, 4]), [2, 3])).toBeCloseTo(3.5 / 6, 12)
  })

  it('scores features direction-free and trains a baseline that finds a separating one', () => {
    const n = 200
    const positive = Array.from({ length: n }, (_, i) => i % 10 === 0)
    const separating = positive.map((p, i) => (p ? -100 - i : i))
    const report = evaluateLevel({
      ...level(separating, positive),
      columns: [
        { name: 'constant', categorical: false, values: new Float64Array(n).fill(7) },
        { name: 'low_when_positive', categorical: false, values: Float64Array.from(separating) },
      ],
    })
    expect(report.best_single_features).toEqual([
      { feature: 'low_when_positive', auc: 1 },
      { feature: 'constant', auc: 0.5 },
    ])
    expect(report.baseline.roc_auc).toBe(1)
    expect(report.per_kind.k).toMatchObject({ positives: 20, baseline_auc: 1 })
  })

  it('cross-fitted, trains on each half in turn and reports the mean of the two held-out AUCs', () => {
    const n = 400
    const positive = Array.from({ length: n }, (_, i) => i % 5 === 0)
    // Separating in rows below 200, noise above: the two halves (rows 2, 3 mod 4 are the test half) disagree.
    const values = positive.map((p, i) => (i < 200 ? (p ? 50 + (i % 7) : i % 40) : (i * 7919) % 97))
    const input = {
      ...level(values, positive),
      columns: [{ name: 'x', categorical: false, values: Float64Array.from(values) }],
    }
    const once = evaluateLevel(input).baseline
    const both = evaluateLevel({ ...input, crossFit: true }).baseline
    expect(once.fold_roc_auc).toBeUndefined()
    expect(both.fold_roc_auc).toHaveLength(2)
    const [a, b] = both.fold_roc_auc as number[]
    expect(a).toBe(once.roc_auc)
    expect(b).not.toBe(a)
    expect(both.roc_auc).toBeCloseTo((a + b) / 2, 4)
  })

  it('rates a categorical feature on the training half and scores the test half with those rates', () => {
    // Rows 2, 3, 6, 7 are the test half. Training: category 0 has one positive of two, category 1 none of two
    // (prior 1/4, smoothed rates 3.5/12 and 2.5/12). Test: the positive (category 0) beats both category-1
    // negatives and ties the category-0 one → 2.5 / 3.
    const positive = [true, false, true, false, false, false, false, false]
    const report = evaluateLevel({
      ...level([0, 0, 0, 0, 1, 1, 1, 1], positive),
      columns: [{ name: 'cat', categorical: true, values: Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]) }],
    })
    expect(report.best_single_features[0]).toEqual({ feature: 'cat', auc: 0.8333 })
  })

  it('gives a column of one-off categories chance, where rating on the scored rows would call it perfect', () => {
    const positive = Array.from({ length: 40 }, (_, i) => i % 5 === 0)
    const ids = Float64Array.from({ length: 40 }, (_, i) => i)
    const report = evaluateLevel({
      ...level([...ids], positive),
      columns: [{ name: 'id', categorical: true, values: ids }],
    })
    expect(report.best_single_features[0]).toEqual({ feature: 'id', auc: 0.5 })
  })
})

describe('rule pack on a crafted dataset', () => {
  it('near-threshold cash: 2 of 4 instances caught, 1 false alert → precision 2/3, recall 1/2', () => {
    const d = new Crafted()
    const acc = ['A', 'B', 'C', 'D', 'X'].map((id) => d.account(`ACC-${id}`))
    const pats = acc.slice(0, 4).map((a) => d.instance('structuring', [a]))
    const deposits = (a: string, gapDays: number, usd: number, p: string | null) => {
      for (let k = 0; k < 3; k++) d.tx(null, a, usd, DAY + k * gapDays * DAY, 'cash_deposit', p)
    }
    deposits(acc[0], 3, 9_500, pats[0]) // caught
    deposits(acc[1], 4, 9_999, pats[1]) // caught: 8 days for three
    deposits(acc[2], 6, 9_500, pats[2]) // 12 days: missed
    deposits(acc[3], 1, 8_900, pats[3]) // under 90 %: missed
    deposits(acc[4], 2, 9_100, null) // background look-alike: the false alert
    const r = d.run().rules.near_threshold_cash
    expect(r).toMatchObject({ alerts: 3, true_positives: 2, false_positives: 1, background_alerts: 1 })
    expect(r.precision).toBe(0.6667)
    expect(r.recall).toBe(0.5)
    expect(r).toMatchObject({ instances: 4, instances_hit: 2 })
  })

  it('fan-in then outflow, rapid pass-through and cycles find what they were built to find', () => {
    const d = new Crafted()
    const hub = d.account('ACC-HUB')
    const senders = ['S1', 'S2', 'S3', 'S4', 'S5'].map((s) => d.account(`ACC-${s}`))
    const out = d.account('ACC-OUT')
    const ring = d.instance('fraudRing', [hub, ...senders])
    senders.forEach((s, k) => d.tx(s, hub, 1_000, DAY + k * HOUR, 'transfer', ring))
    d.tx(hub, out, 4_500, 2 * DAY, 'transfer', ring) // 90 % out within 3 days
    const mule = d.account('ACC-MULE')
    const chain = d.instance('muleChain', [mule])
    d.tx(out, mule, 2_000, 10 * DAY, 'transfer', chain)
    d.tx(mule, out, 1_900, 10 * DAY + 30 * 60, 'transfer', chain) // 95 % out within the hour
    const [c1, c2, c3] = ['C1', 'C2', 'C3'].map((s) => d.account(`ACC-${s}`))
    const loop = d.instance('cycle', [c1, c2, c3])
    d.tx(c1, c2, 500, 20 * DAY, 'transfer', loop)
    d.tx(c2, c3, 490, 21 * DAY, 'transfer', loop)
    d.tx(c3, c1, 480, 22 * DAY, 'transfer', loop)
    const r = d.run().rules
    expect(r.fan_in_then_out).toMatchObject({ alerts: 1, true_positives: 1, precision: 1, recall: 1 })
    expect(r.rapid_pass_through).toMatchObject({ alerts: 1, precision: 1, recall: 1 })
    expect(r.cycles).toMatchObject({ alerts: 3, true_positives: 3, precision: 1, recall: 1, target_kinds: ['cycle'] })
    expect(r.cycles.recall_by_kind).toMatchObject({ cycle: 1, fraudRing: 0, muleChain: 0 })
  })

  it('fan-out: five new payees in three days with similar amounts, after the 30 days that teach who pays whom', () => {
    const d = new Crafted()
    const payees = (p: string, n = 5) => Array.from({ length: n }, (_, k) => d.account(`ACC-${p}${k}`))
    const [src, odd, known, bg, look] = ['P', 'Q', 'R', 'S', 'L'].map((s) => d.account(`ACC-${s}`))
    const shape = d.instance('launderingShape', [src])
    const lookalike = d.instance('businessShape', [look], 'account', false)
    d.tx(bg, src, 1, 0) // the data's first day: the warm-up starts here
    const fan = (from: string, to: string[], at: number, usd: (k: number) => number, p: string | null = null) =>
      to.forEach((a, k) => d.tx(from, a, usd(k), at + k * 10 * HOUR, 'transfer', p))
    fan(src, payees('P'), 40 * DAY, (k) => 1_000 + 200 * k, shape) // caught: 2 days, amounts within 2×
    fan(odd, payees('Q'), 40 * DAY, (k) => (k === 0 ? 100 : 5_000)) // amounts 50× apart: no alert
    const old = payees('R')
    fan(known, old, DAY, () => 500) // learnt in the warm-up …
    fan(known, old, 40 * DAY, () => 500) // … so these payees are not new: no alert
    fan(bg, payees('S'), 50 * DAY, () => 700) // a background fan-out: the false alert
    fan(look, payees('L'), 60 * DAY, () => 900, lookalike) // a look-alike's: the other false alert
    fan(bg, payees('T', 4), 80 * DAY, () => 700) // four new payees only (S's five are days before): no new alert
    const r = d.run().rules.fan_out
    expect(r).toMatchObject({ alerts: 3, true_positives: 1, background_alerts: 1, lookalike_alerts: 1 })
    expect(r).toMatchObject({ precision: 0.3333, recall: 1, target_kinds: ['launderingShape'] })
  })

  it('scatter-gather: three middles paid by one account and paying one other within three days each', () => {
    const d = new Crafted()
    const [u, w, u2, w2, u3, w3] = ['U', 'W', 'U2', 'W2', 'U3', 'W3'].map((s) => d.account(`ACC-${s}`))
    const mids = (p: string, n: number) => Array.from({ length: n }, (_, k) => d.account(`ACC-${p}${k}`))
    const m = mids('M', 3)
    const shape = d.instance('launderingShape', [u, w, ...m])
    const sg = (from: string, middle: string[], to: string, at: number, gap: number, p: string | null = null) => {
      middle.forEach((x, k) => d.tx(from, x, 1_000, at + k * HOUR, 'transfer', p))
      middle.forEach((x, k) => d.tx(x, to, 950, at + gap + k * HOUR, 'transfer', p))
    }
    sg(u, m, w, 10 * DAY, DAY, shape) // caught: all five accounts
    sg(u2, mids('N', 2), w2, 20 * DAY, DAY) // two middles only: no alert
    sg(u3, mids('O', 3), w3, 30 * DAY, 4 * DAY) // the middles wait four days: no alert
    const r = d.run().rules.scatter_gather
    expect(r).toMatchObject({ alerts: 5, true_positives: 5, false_positives: 0, precision: 1, recall: 1 })
  })

  it('new-device payout, officer trades and unit-price outliers', () => {
    const d = new Crafted()
    const victim = d.account('ACC-V')
    const other = d.account('ACC-O')
    const ato = d.instance('accountTakeover', [victim])
    const login = (a: string, device: string, at: number, p: string | null = null) =>
      d.add('access_events', {
        id: `LOG-${at}`,
        timestamp: T0 + at,
        accountId: a,
        kind: 'login_success',
        deviceId: device,
        ipAddress: '10.0.0.1',
        country: 'US',
        patternId: p,
      })
    login(victim, 'dev-1', DAY)
    login(victim, 'dev-2', 5 * DAY, ato)
    d.tx(victim, other, 3_000, 5 * DAY + 2 * HOUR, 'transfer', ato)
    login(other, 'dev-9', DAY)
    login(other, 'dev-8', 9 * DAY) // new device, but the next payment comes two days later: no alert
    d.tx(other, victim, 10, 11 * DAY)
    d.add('ownership', { id: 'OWN-1', ownerId: 'PER-I', ownerType: 'person', companyId: 'COM-L', role: 'officer' })
    d.add('ownership', { id: 'OWN-2', ownerId: 'PER-J', ownerType: 'person', companyId: 'COM-L', role: 'director' })
    const insider = d.instance('insiderTrading', ['PER-I'], 'person')
    const trade = (person: string, at: number, p: string | null) =>
      d.add('trades', {
        id: `TRD-${person}`,
        timestamp: T0 + at,
        personId: person,
        accountId: 'ACC-X',
        companyId: 'COM-L',
        patternId: p,
      })
    trade('PER-I', DAY, insider)
    trade('PER-J', 2 * DAY, null) // an officer's ordinary trade: the false alert
    d.add('announcements', { id: 'ANN-1', timestamp: T0 + 8 * DAY, companyId: 'COM-L' })
    d.add('announcements', { id: 'ANN-2', timestamp: T0 + 30 * DAY, companyId: 'COM-M' })
    d.instance('tbml', ['COM-T'], 'company')
    const doc = (id: string, issuer: string, at: number) =>
      d.add('documents', {
        id,
        issuerId: issuer,
        recipientId: 'COM-R',
        issuedAt: T0 + at,
        lineCount: 1,
        originCountry: 'US',
        destinationCountry: 'US',
      })
    const line = (docId: string, usd: number) =>
      d.add('document_lines', {
        id: `DLN-${docId}`,
        documentId: docId,
        goodsCode: 'G1',
        currency: 'USD',
        unitPrice: usd * 100,
      })
    for (let k = 0; k < 5; k++) {
      doc(`DOC-${k}`, 'COM-N', DAY * (k + 1))
      line(`DOC-${k}`, 100 + k)
    }
    doc('DOC-T', 'COM-T', 9 * DAY)
    line('DOC-T', 450) // 4.4× the median of 102 (the six prices' median is 102.5)
    const r = d.run().rules
    expect(r.new_device_payout).toMatchObject({ alerts: 1, true_positives: 1, precision: 1, recall: 1 })
    expect(r.officer_trades).toMatchObject({ alerts: 2, true_positives: 1, precision: 0.5, recall: 1 })
    expect(r.unit_price_outliers).toMatchObject({ alerts: 1, true_positives: 1, precision: 1, recall: 1 })
    // PER-I's trade (day 1, true) and PER-J's (day 2, false) both come within 10 days before COM-L's announcement.
    expect(r.insider_pre_announcement).toMatchObject({ alerts: 2, true_positives: 1, precision: 0.5, recall: 1 })
  })
})

describe('audit report', () => {
  it('is the same bytes for the same rows, and every level is there', () => {
    const build = () => {
      const d = new Crafted()
      const accounts = Array.from({ length: 40 }, (_, i) => d.account(`ACC-${i}`))
      const p = d.instance('structuring', accounts.slice(0, 4))
      accounts.forEach((a, i) =>
        d.tx(accounts[(i + 1) % 40], a, i < 4 ? 9_500 : 100 + i, i * HOUR, 'transfer', i < 4 ? p : null),
      )
      return JSON.stringify(d.run())
    }
    const a = build()
    expect(build()).toBe(a)
    const report = JSON.parse(a)
    expect(Object.keys(report.levels)).toEqual(['transaction', 'account', 'person', 'company'])
    expect(report.levels.account).toMatchObject({ rows: 40, positives: 4 })
    expect(report.levels.transaction).toMatchObject({ rows: 40, positives: 4 })
    expect(report.levels.transaction.best_single_features[0]).toEqual({ feature: 'log_amount', auc: 1 })
  })

  it('counts look-alike instances and camouflage rows as negatives: the target is is_suspicious', () => {
    const d = new Crafted()
    const accounts = Array.from({ length: 12 }, (_, i) => d.account(`ACC-${i}`))
    const crime = d.instance('structuring', accounts.slice(0, 2))
    const lookalike = d.instance('structuring', accounts.slice(2, 4), 'account', false)
    d.tx(null, accounts[0], 9_500, HOUR, 'cash_deposit', crime)
    d.tx(accounts[0], accounts[5], 40, 2 * HOUR, 'card_purchase', crime, false) // the crime's camouflage
    d.tx(null, accounts[2], 9_400, 3 * HOUR, 'cash_deposit', lookalike)
    for (let i = 4; i < 12; i++) d.tx(accounts[i], accounts[(i + 1) % 12], 50 + i, (4 + i) * HOUR)
    const report = d.run()
    expect(report.levels.transaction).toMatchObject({ rows: 11, positives: 1 })
    expect(report.levels.account).toMatchObject({ rows: 12, positives: 2 })
  })

  it("counts a crime's unwitting members as negatives, and their alerts as false ones of their own kind", () => {
    const d = new Crafted()
    const accounts = Array.from({ length: 12 }, (_, i) => d.account(`ACC-${i}`))
    const crime = d.instance('structuring', accounts.slice(0, 1))
    d.unwitting(crime, accounts.slice(1, 2))
    // The bystander gets near-threshold cash too (the scheme paid it), so the rule alerts both.
    for (const a of accounts.slice(0, 2))
      for (let k = 0; k < 3; k++) d.tx(null, a, 9_300 + 100 * k, (1 + k) * DAY, 'cash_deposit', crime)
    for (let i = 2; i < 12; i++) d.tx(accounts[i], accounts[(i + 1) % 12], 50 + i, (4 + i) * HOUR)
    const report = d.run()
    expect(report.levels.account).toMatchObject({ rows: 12, positives: 1 })
    expect(report.rules.near_threshold_cash).toMatchObject({
      alerts: 2,
      true_positives: 1,
      unwitting_alerts: 1,
      lookalike_alerts: 0,
      background_alerts: 0,
      precision: 0.5,
      recall: 1,
    })
  })
})
