import { lookalikeRegistry } from '../src/engine/patterns/lookalikes/registry.ts'
import { describe, expect, it } from 'vitest'
import { defaultConfig, DEFAULT_PATTERN_COUNT } from '../src/engine/config/defaults.ts'
import { countKeys, countTable } from '../src/engine/config/general.ts'
import { patternKinds } from '../src/engine/config/schema.ts'
import { currencyByCode } from '../src/engine/reference/currencies.ts'
import { tables, type TableName } from '../src/engine/model/schema.ts'
import { parseDate } from '../src/engine/model/time.ts'
import { isValidIban } from '../src/engine/generators/core/iban.ts'
import { generate, smallConfig, type CsvRow, type Generated } from './helpers/dataset.ts'

const DAY_MS = 86_400_000
const ms = (iso: string) => Date.parse(iso)
const dayStart = (date: string) => (parseDate(date) as number) * DAY_MS

/** Whole-dataset checks a data consumer relies on: ids, references, amounts, dates and counts. */
function checkIntegrity(g: Generated, counts: Record<string, number>, window: { start: string; days: number }) {
  const t = g.tables
  const ids = {} as Record<TableName, Set<string>>
  for (const name of Object.keys(tables) as TableName[]) {
    if (name === 'pattern_members') continue
    ids[name] = new Set(t[name].map((r) => r.id))
    expect(ids[name].size, `${name} ids unique`).toBe(t[name].length)
  }
  // Every reference resolves (polymorphic ones in the table their type column names).
  const typeTable: Record<string, TableName> = { person: 'persons', company: 'companies', account: 'accounts' }
  for (const [name, table] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
    for (const col of table.columns) {
      if (col.spec.kind !== 'ref') continue
      const typeCol = col.spec.typeField ? table.columns.find((c) => c.key === col.spec.typeField)?.name : undefined
      for (const row of t[name]) {
        const v = row[col.name]
        if (v === '') {
          expect(col.spec.nullable, `${name}.${col.name} empty but not nullable`).toBe(true)
          continue
        }
        const target = typeCol ? typeTable[row[typeCol]] : (col.spec.ref?.[0] as TableName)
        expect(ids[target].has(v), `${name}.${col.name}=${v} resolves in ${target}`).toBe(true)
      }
    }
  }
  // Background counts are exactly what was asked; injected rows come on top.
  const asked = Object.fromEntries(countKeys.map((k) => [countTable(k), counts[k]]))
  for (const [name, n] of Object.entries(asked)) {
    const labelled = tables[name as TableName].labelled
      ? t[name as TableName].filter((r) => r.pattern_id !== '').length
      : g.result.injected[name as TableName]
    expect(t[name as TableName].length - labelled, `${name} background count`).toBe(n)
  }

  const start = dayStart(window.start)
  const end = start + window.days * DAY_MS
  const inWindow = (iso: string, what: string) => {
    expect(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(iso), `${what} ISO UTC`).toBe(true)
    expect(ms(iso) >= start && ms(iso) < end, `${what} ${iso} inside window`).toBe(true)
  }
  const accounts = new Map(t.accounts.map((a) => [a.id, a]))
  const persons = new Map(t.persons.map((p) => [p.id, p]))
  const companies = new Map(t.companies.map((c) => [c.id, c]))
  const usable = (id: string, at: string) => {
    const a = accounts.get(id) as CsvRow
    expect(ms(at) >= dayStart(a.opened_at), `account ${id} used at ${at} before it opened ${a.opened_at}`).toBe(true)
    if (a.closed_at !== '')
      expect(ms(at) < dayStart(a.closed_at) + DAY_MS, `account ${id} used after it closed`).toBe(true)
  }
  for (const a of t.accounts) {
    if (a.iban !== '') expect(isValidIban(a.iban), `IBAN ${a.iban} check digits`).toBe(true)
    const owner = a.owner_type === 'person' ? persons.get(a.owner_id) : companies.get(a.owner_id)
    const born = a.owner_type === 'person' ? owner?.date_of_birth : owner?.incorporated_on
    expect(dayStart(a.opened_at) >= dayStart(born as string), `account ${a.id} opened before its owner existed`).toBe(
      true,
    )
    if (a.joint_owner_id !== '') {
      const joint = persons.get(a.joint_owner_id) as CsvRow
      expect(
        Number(a.opened_at.slice(0, 4)) - Number(joint.date_of_birth.slice(0, 4)) >= 18,
        `joint owner of ${a.id} adult at opening`,
      ).toBe(true)
      expect(a.joint_owner_id).not.toBe(a.owner_id)
    }
  }
  const endYear = new Date(end).getUTCFullYear()
  for (const p of t.persons) {
    const age = endYear - Number(p.date_of_birth.slice(0, 4))
    expect(age >= 18 && age <= 101, `person ${p.id} aged ${age}`).toBe(true)
  }
  for (const x of t.transactions) {
    inWindow(x.timestamp, `transaction ${x.id}`)
    expect(x.from_account_id !== '' || x.to_account_id !== '', 'a transaction touches an account').toBe(true)
    expect(x.from_account_id, `self-transfer ${x.id}`).not.toBe(x.to_account_id)
    const digits = currencyByCode[x.currency].minorDigits
    expect(
      new RegExp(digits === 0 ? '^\\d+$' : `^\\d+\\.\\d{${digits}}$`).test(x.amount),
      `amount ${x.amount} ${x.currency} has ${digits} minor digits`,
    ).toBe(true)
    expect(Number(x.amount) > 0, `amount ${x.amount} positive`).toBe(true)
    if (x.from_account_id) usable(x.from_account_id, x.timestamp)
    if (x.to_account_id) usable(x.to_account_id, x.timestamp)
  }
  for (const c of t.communications) {
    inWindow(c.timestamp, `communication ${c.id}`)
    expect(c.sender_id).not.toBe(c.recipient_id)
  }
  for (const tr of t.trades) {
    inWindow(tr.timestamp, `trade ${tr.id}`)
    usable(tr.account_id, tr.timestamp)
    expect(accounts.get(tr.account_id)?.owner_id, "trades go through the trader's own account").toBe(tr.person_id)
    expect(companies.get(tr.company_id)?.is_listed).toBe('true')
  }
  for (const v of t.travels) {
    inWindow(v.departure_at, `travel ${v.id}`)
    expect(ms(v.arrival_at) > ms(v.departure_at)).toBe(true)
  }
  for (const d of t.documents) {
    inWindow(d.issued_at, `document ${d.id}`)
    for (const party of [d.issuer_id, d.recipient_id])
      expect(ms(d.issued_at) >= dayStart(companies.get(party)?.incorporated_on as string)).toBe(true)
  }
  for (const e of t.access_events) {
    inWindow(e.timestamp, `access event ${e.id}`)
  }
}

describe('whole-dataset integrity', () => {
  for (const seed of [1, 42, 'demo-seed']) {
    it(`small config, seed ${seed}`, async () => {
      const config = smallConfig(seed)
      const g = await generate(config)
      checkIntegrity(g, config.counts as Record<string, number>, { start: '2025-01-01', days: 365 })
    })
  }
  it('default (mid) config with every pattern kind twice', async () => {
    const g = await generate({ ...defaultConfig(), seed: 7 })
    const d = g.result.config
    checkIntegrity(g, d.counts, { start: d.startDate, days: d.durationDays })
    const suspicious = g.result.patterns.filter((p) => p.isSuspicious)
    expect(suspicious.length).toBe(patternKinds.length * DEFAULT_PATTERN_COUNT)
    // medium (the default difficulty) adds one benign look-alike per suspicious instance of a kind that has one
    const resembled = new Set(Object.keys(lookalikeRegistry))
    expect(g.result.patterns.length - suspicious.length).toBe(suspicious.filter((p) => resembled.has(p.kind)).length)
  }, 120_000) // ~6 s on a quiet 2-core machine: the default config, checked row by row
  it('a short window starting on another date keeps every event inside it', async () => {
    const config = { ...smallConfig(3), startDate: '2023-06-15', durationDays: 30 }
    const g = await generate(config)
    checkIntegrity(g, config.counts as Record<string, number>, { start: '2023-06-15', days: 30 })
  })
})
