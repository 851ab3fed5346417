import { beforeAll, describe, expect, it } from 'vitest'
import { banks } from '../src/engine/reference/banks.ts'
import { countryByCode } from '../src/engine/reference/countries.ts'
import { locales } from '../src/engine/reference/locales.ts'
import { UNASSIGNED_PREFIX } from '../src/engine/reference/phone-ranges.ts'
import { phoneBlocks } from '../src/engine/generators/core/contact.ts'
import { tableNames } from '../src/engine/index.ts'
import { isValidIban } from '../src/engine/generators/core/iban.ts'
import { generate, type CsvRow, type Generated } from './helpers/dataset.ts'

/**
 * No real PII (README "Generated data is not real"): every contact detail in a generated dataset is reserved
 * for documentation or fiction, so a QA system that mails, calls or connects to this data reaches no one.
 */
const config = {
  seed: 'pii-policy',
  counts: {
    persons: 2500,
    companies: 500,
    accounts: 5000,
    transactions: 6000,
    communications: 1500,
    trades: 300,
    travels: 200,
    documents: 300,
    accessEvents: 8000,
  },
  patterns: {
    structuring: { count: 2 },
    fraudRing: { count: 10, params: { sharedAttributes: 'all' } },
    muleChain: { count: 2 },
    accountTakeover: { count: 6 },
    insiderTrading: { count: 1 },
    tbml: { count: 1 },
  },
}

const FREE_MAIL = new Set(Object.values(locales).flatMap((l) => l.emailDomains))
/** RFC 2606 / 6761 reserved names. */
const reservedName = (host: string) =>
  /\.(example|test|invalid|localhost)$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host)

function ipv4Allowed(ip: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return false
  const [a, b, c] = m.slice(1, 4).map(Number)
  if (m.slice(1).some((x) => Number(x) > 255 || (x.length > 1 && x.startsWith('0')))) return false
  const documentation =
    (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)
  const privateRange = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  return documentation || privateRange
}

function ipv6Allowed(ip: string): boolean {
  // Full eight-group form inside 2001:db8::/32 (the engine never compresses; it never writes a zero group).
  return /^2001:db8(:[0-9a-f]{1,4}){6}$/.test(ip) && !/:0(:|$)/.test(ip)
}

const blockRegex = new Map(
  Object.entries(phoneBlocks).map(([cc, blocks]) => [
    cc,
    new RegExp(`^(${blocks.map((b) => b.replace(/x/g, '\\d')).join('|')})$`),
  ]),
)

/** Why a phone of `country` breaks the policy, or null. */
function phoneProblem(phone: string, country: string): string | null {
  const c = countryByCode[country]
  if (!c) return `unknown country ${country}`
  if (!phone.startsWith(c.phoneCode)) return `${phone} does not start with ${c.phoneCode}`
  const national = phone.slice(c.phoneCode.length)
  const blocks = blockRegex.get(country)
  if (blocks) return blocks.test(national) ? null : `${phone} is outside ${country}'s fiction ranges`
  const marked = new RegExp(`^${UNASSIGNED_PREFIX}\\d{${c.phoneDigits - UNASSIGNED_PREFIX.length}}$`)
  return marked.test(national) ? null : `${phone} is not marked unassigned (${UNASSIGNED_PREFIX}…)`
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1)

describe('no real PII in generated data', () => {
  let g: Generated
  let persons: CsvRow[], companies: CsvRow[], accounts: CsvRow[], access: CsvRow[]
  beforeAll(async () => {
    g = await generate(config)
    ;({ persons, companies, accounts, access_events: access } = g.tables)
  }, 120_000)

  it('persons: free-mail look-alikes under .example, fictional phones', () => {
    expect(persons.length).toBeGreaterThan(2000)
    const bad: string[] = []
    for (const p of persons) {
      const domain = domainOf(p.email)
      if (!reservedName(domain) || !FREE_MAIL.has(domain)) bad.push(`${p.id} e-mail ${p.email}`)
      const problem = phoneProblem(p.phone, p.residence_country)
      if (problem) bad.push(`${p.id} phone ${problem}`)
    }
    expect(bad).toEqual([])
    // The two largest populations, against the published ranges written out here rather than the engine's table.
    const nanp = persons.filter((p) => ['US', 'CA', 'KY', 'VG', 'BM', 'BS'].includes(p.residence_country))
    const uk = persons.filter((p) => p.residence_country === 'GB')
    expect(nanp.length).toBeGreaterThan(500)
    expect(uk.length).toBeGreaterThan(150)
    expect(nanp.filter((p) => !/^\+1[2-9]\d{2}55501\d{2}$/.test(p.phone)).map((p) => p.phone)).toEqual([])
    const ofcom = /^\+44(20 ?7946 ?0|1[1-6]1 ?496 ?0|11[3-8] ?496 ?0|191 ?498 ?0|1632 ?960|7700 ?900)\d{3}$/
    expect(uk.filter((p) => !ofcom.test(p.phone)).map((p) => p.phone)).toEqual([])
    // Free-mail providers still differ by country (a signal models use): more than a handful of domains.
    expect(new Set(persons.map((p) => domainOf(p.email))).size).toBeGreaterThan(10)
  })

  it('companies: own domains and websites under .example, never a free-mail domain; fictional phones', () => {
    const bad: string[] = []
    for (const c of companies) {
      const domain = domainOf(c.email)
      if (!reservedName(domain) || FREE_MAIL.has(domain)) bad.push(`${c.id} e-mail ${c.email}`)
      const site = /^https:\/\/([^/]+)\/?$/.exec(c.website)
      if (!site || !reservedName(site[1]) || !site[1].endsWith(domain)) bad.push(`${c.id} website ${c.website}`)
      const problem = phoneProblem(c.phone, c.registration_country)
      if (problem) bad.push(`${c.id} phone ${problem}`)
    }
    expect(bad).toEqual([])
  })

  it('access events: IPv4 from private or documentation ranges, IPv6 from 2001:db8::/32', () => {
    const bad = access.filter((e) => !ipv4Allowed(e.ip_address) && !ipv6Allowed(e.ip_address))
    expect(bad.map((e) => `${e.id} ${e.ip_address}`)).toEqual([])
    const v6 = access.filter((e) => e.ip_address.includes(':')).length / access.length
    expect(v6).toBeGreaterThan(0.2)
    expect(v6).toBeLessThan(0.5)
  })

  it('labelled rows use the same value domains as background rows (no leakage through the policy)', () => {
    // Counted per network: a ring's members all log in from the ring's one network, so per session the labelled
    // share would rest on a handful of draws (one per ring).
    const networks = (rows: CsvRow[]) => [...new Set(rows.map((e) => e.ip_address))]
    const labelled = networks(access.filter((e) => e.is_suspicious === 'true'))
    const background = networks(access.filter((e) => e.pattern_id === ''))
    expect(labelled.length).toBeGreaterThan(40)
    const share = (ips: string[]) => ips.filter((ip) => ip.includes(':')).length / ips.length
    expect(Math.abs(share(labelled) - share(background))).toBeLessThan(0.15)
    const tenNet = (ips: string[]) => ips.filter((ip) => ip.startsWith('10.')).length / ips.length
    expect(Math.abs(tenNet(labelled) - tenNet(background))).toBeLessThan(0.15)
  })

  it('accounts: valid IBANs at test BICs; US routing numbers in the ABA’s unassigned 5x prefix', () => {
    const usCodes = new Set(banks.filter((b) => b.country === 'US').map((b) => b.bankCode))
    expect([...usCodes].every((code) => code.startsWith('5'))).toBe(true)
    const bad: string[] = []
    for (const a of accounts) {
      if (!/^[A-Z]{6}[A-Z2-9]0$/.test(a.bic)) bad.push(`${a.id} BIC ${a.bic}`)
      if (a.iban !== '' && !isValidIban(a.iban)) bad.push(`${a.id} IBAN ${a.iban}`)
    }
    expect(bad).toEqual([])
  })

  it('no cell of any table holds an e-mail address or URL outside the reserved names', () => {
    const bad: string[] = []
    for (const table of tableNames) {
      for (const row of g.tables[table]) {
        for (const [column, value] of Object.entries(row)) {
          for (const m of value.matchAll(/[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g))
            if (!reservedName(m[1].toLowerCase())) bad.push(`${table}.${column}: ${m[0]}`)
          for (const m of value.matchAll(/\b(?:https?:\/\/|www\.)([A-Za-z0-9.-]+)/g))
            if (!reservedName(m[1].toLowerCase().replace(/^www\./, ''))) bad.push(`${table}.${column}: ${m[0]}`)
        }
      }
    }
    expect(bad.slice(0, 20)).toEqual([])
  })
})
