import { describe, expect, it } from 'vitest'
import { banks } from './banks.ts'
import { companyTypes, companyWords, legalSuffixes } from './company-names.ts'
import { countries, countryByCode } from './countries.ts'
import { currencies, currencyByCode } from './currencies.ts'
import { exchanges } from './exchanges.ts'
import { goods, goodByCode } from './goods.ts'
import { industries } from './industries.ts'
import { localeKeys, locales } from './locales.ts'
import { merchantCategories } from './merchant-categories.ts'
import { occupations } from './occupations.ts'
import { utcOffsetMinutes } from './time-zones.ts'
import {
  financeSentences,
  messageSentences,
  messageSubjects,
  pepPositions,
  sanctionsLists,
  transactionDescriptions,
  travelPurposes,
} from './texts.ts'

function expectUnique(list: readonly string[], what: string): void {
  const seen = new Set<string>()
  const dups = list.filter((x) => (seen.has(x) ? true : (seen.add(x), false)))
  expect(dups, `duplicate ${what}`).toEqual([])
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}

describe('currencies', () => {
  it('are unique, sane and carry the documented thresholds', () => {
    expect(currencies.length).toBeGreaterThanOrEqual(25)
    expectUnique(
      currencies.map((c) => c.code),
      'currency code',
    )
    for (const c of currencies) {
      expect(c.code).toMatch(/^[A-Z]{3}$/)
      expect(c.perUsd).toBeGreaterThan(0)
      expect(Number(c.perUsd.toPrecision(4))).toBe(c.perUsd)
      expect([0, 2]).toContain(c.minorDigits)
    }
    expect(currencyByCode.USD.perUsd).toBe(1)
    expect(currencyByCode.JPY.minorDigits).toBe(0)
    expect(currencyByCode.KRW.minorDigits).toBe(0)
    const thresholds: Record<string, number> = {
      USD: 10000,
      GBP: 10000,
      EUR: 10000,
      CAD: 10000,
      AUD: 10000,
      CHF: 15000,
      SGD: 20000,
      HKD: 120000,
      JPY: 1000000,
    }
    for (const c of currencies) expect(c.reportingThreshold, c.code).toBe(thresholds[c.code] ?? null)
  })

  it('are all used by some country', () => {
    const used = new Set(countries.map((c) => c.currency))
    expect(currencies.filter((c) => !used.has(c.code)).map((c) => c.code)).toEqual([])
  })
})

describe('countries', () => {
  it('reference valid currencies and locales', () => {
    expect(countries.length).toBeGreaterThanOrEqual(38)
    expectUnique(
      countries.map((c) => c.code),
      'country code',
    )
    for (const c of countries) {
      expect(currencyByCode[c.currency], `${c.code} currency`).toBeDefined()
      expect(locales[c.locale], `${c.code} locale`).toBeDefined()
    }
  })

  it('have plausible phone, IBAN and postal shapes', () => {
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/)
      expect(c.phoneCode).toMatch(/^\+[1-9]\d{0,2}$/)
      expect(c.phoneDigits).toBeGreaterThanOrEqual(7)
      expect(c.phoneDigits).toBeLessThanOrEqual(12)
      expect(c.populationWeight).toBeGreaterThan(0)
      expect(c.incomeLevel).toBeGreaterThan(0)
      if (c.ibanLength === 0) {
        expect(c.bbanPattern, c.code).toBe('')
      } else {
        expect(c.ibanLength).toBeGreaterThanOrEqual(15)
        expect(c.ibanLength).toBeLessThanOrEqual(34)
        expect(c.bbanPattern.length, `${c.code} BBAN length`).toBe(c.ibanLength - 4)
        expect(c.bbanPattern).toMatch(/^[bA#X0-9A-Z]+$/)
        expect(c.bbanPattern).toContain('b')
      }
      expect(c.postalPattern).toMatch(/^[A-Z0-9# -]*$/)
    }
    expect(countryByCode.GB.ibanLength).toBe(22)
    expect(countryByCode.DE.ibanLength).toBe(22)
    expect(countryByCode.FR.ibanLength).toBe(27)
    expect(countryByCode.CH.ibanLength).toBe(21)
    expect(countryByCode.US.ibanLength).toBe(0)
  })

  it('have 8–15 distinct cities each', () => {
    for (const c of countries) {
      expect(c.cities.length, c.code).toBeGreaterThanOrEqual(8)
      expect(c.cities.length, c.code).toBeLessThanOrEqual(15)
      expectUnique(c.cities, `${c.code} city`)
    }
  })

  it('include enough risky jurisdictions', () => {
    expect(countries.filter((c) => c.riskTier === 'high').length).toBeGreaterThanOrEqual(4)
    expect(countries.filter((c) => c.taxHaven).length).toBeGreaterThanOrEqual(8)
    expect(countries.filter((c) => c.financialCentre).length).toBeGreaterThanOrEqual(8)
  })
})

describe('locales', () => {
  it('has every key, with clean capped lists', () => {
    expect(Object.keys(locales)).toEqual([...localeKeys])
    for (const [key, l] of Object.entries(locales)) {
      const lists: Record<string, readonly string[]> = {
        firstMale: l.firstMale,
        firstFemale: l.firstFemale,
        last: l.last,
        streets: l.streets,
        streetSuffixes: l.streetSuffixes,
        emailDomains: l.emailDomains,
        ...(l.lastFemale ? { lastFemale: l.lastFemale } : {}),
      }
      for (const [name, list] of Object.entries(lists)) {
        expect(list.length, `${key}.${name}`).toBeLessThanOrEqual(150)
        expectUnique(list, `${key}.${name}`)
        for (const s of list) {
          expect(s, `${key}.${name}`).not.toMatch(/\{\{|\}\}/)
          expect(s.trim(), `${key}.${name}`).toBe(s)
          expect(s.length).toBeGreaterThan(0)
        }
      }
      expect(l.firstMale.length, key).toBeGreaterThanOrEqual(10)
      expect(l.firstFemale.length, key).toBeGreaterThanOrEqual(10)
      expect(l.last.length, key).toBeGreaterThanOrEqual(20)
      expect(l.streets.length, key).toBeGreaterThanOrEqual(20)
      expect(l.emailDomains.length, key).toBeGreaterThan(0)
      for (const d of l.emailDomains) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
      if (l.lastFemale) expect(l.lastFemale.length).toBe(l.last.length)
    }
  })
})

describe('banks', () => {
  it('belong to known countries, 2–4 each, with well-formed BICs', () => {
    expectUnique(
      banks.map((b) => b.bic),
      'BIC',
    )
    expectUnique(
      banks.map((b) => b.name),
      'bank name',
    )
    for (const b of banks) {
      expect(countryByCode[b.country], b.name).toBeDefined()
      expect(b.bic, b.name).toMatch(/^[A-Z]{4}[A-Z]{2}[A-Z2-9][A-Z0-9]$/)
      expect(b.bic.slice(4, 6), b.name).toBe(b.country)
    }
    for (const c of countries) {
      const n = banks.filter((b) => b.country === c.code).length
      expect(n, c.code).toBeGreaterThanOrEqual(2)
      expect(n, c.code).toBeLessThanOrEqual(4)
    }
  })

  it('have bank codes that fit the country BBAN', () => {
    for (const b of banks) {
      const c = countryByCode[b.country]
      expect(b.bankCode, b.name).toMatch(/^[A-Z0-9]+$/)
      expectUnique(
        banks.filter((x) => x.country === b.country).map((x) => x.bankCode),
        `${b.country} bank code`,
      )
      if (c.ibanLength > 0) {
        expect(b.bankCode.length, b.name).toBe(c.bbanPattern.split('').filter((ch) => ch === 'b').length)
      }
      if (/^[A-Z]{4}/.test(b.bankCode)) expect(b.bankCode.slice(0, 4), b.name).toBe(b.bic.slice(0, 4))
    }
  })

  it('use valid ABA check digits in the US', () => {
    for (const b of banks.filter((x) => x.country === 'US')) {
      const d = b.bankCode.split('').map(Number)
      expect(d.length).toBe(9)
      const s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])
      expect(s % 10, b.name).toBe(0)
    }
  })
})

describe('industries and goods', () => {
  it('goods are unique with HS codes and prices', () => {
    expect(goods.length).toBeGreaterThanOrEqual(40)
    expectUnique(
      goods.map((g) => g.code),
      'good code',
    )
    expectUnique(
      goods.map((g) => g.hsCode),
      'HS code',
    )
    for (const g of goods) {
      expect(g.hsCode).toMatch(/^\d{6}$/)
      expect(g.typicalUnitPriceUsd).toBeGreaterThan(0)
      expect(g.priceSpread).toBeGreaterThan(0)
      expect(g.priceSpread).toBeLessThan(1)
    }
  })

  it('industries reference existing goods and weights sum to 1', () => {
    expect(industries.length).toBeGreaterThanOrEqual(16)
    expectUnique(
      industries.map((i) => i.code),
      'industry code',
    )
    for (const i of industries) {
      expectUnique(i.goods, `${i.code} goods`)
      for (const g of i.goods) expect(goodByCode[g], `${i.code} → ${g}`).toBeDefined()
      expect(i.revenuePerEmployeeUsd).toBeGreaterThan(0)
    }
    expect(sum(industries.map((i) => i.weight))).toBeCloseTo(1, 6)
    const used = new Set(industries.flatMap((i) => i.goods))
    expect(goods.filter((g) => !used.has(g.code)).map((g) => g.code)).toEqual([])
  })
})

describe('merchant categories', () => {
  it('are well-formed with fictional merchants', () => {
    expect(merchantCategories.length).toBeGreaterThanOrEqual(20)
    expectUnique(
      merchantCategories.map((m) => m.mcc),
      'MCC',
    )
    expectUnique(
      merchantCategories.flatMap((m) => m.merchants),
      'merchant',
    )
    for (const m of merchantCategories) {
      expect(m.mcc).toMatch(/^\d{4}$/)
      expect(m.merchants.length, m.mcc).toBeGreaterThanOrEqual(8)
      expect(m.merchants.length, m.mcc).toBeLessThanOrEqual(15)
      expect(m.medianUsd).toBeGreaterThan(0)
      expect(m.sigma).toBeGreaterThan(0)
    }
    expect(sum(merchantCategories.map((m) => m.weight))).toBeCloseTo(1, 6)
  })
})

describe('occupations and companies', () => {
  it('occupations cover the non-employed states', () => {
    expect(occupations.length).toBeGreaterThanOrEqual(50)
    expectUnique(
      occupations.map((o) => o.title),
      'occupation',
    )
    for (const t of ['Retired', 'Student', 'Unemployed', 'Self-employed']) {
      expect(occupations.find((o) => o.title === t)?.employed, t).toBe(false)
    }
    for (const o of occupations) expect(o.medianIncomeUsd).toBeGreaterThan(0)
    expect(sum(occupations.map((o) => o.weight))).toBeCloseTo(1, 6)
  })

  it('company words and suffixes cover every country', () => {
    expect(companyWords.adjectives.length).toBeGreaterThanOrEqual(60)
    expect(companyWords.nouns.length).toBeGreaterThanOrEqual(60)
    expectUnique(companyWords.adjectives, 'adjective')
    expectUnique(companyWords.nouns, 'noun')
    for (const c of countries) expect(legalSuffixes[c.code]?.length, c.code).toBeGreaterThan(0)
    for (const code of Object.keys(legalSuffixes)) expect(countryByCode[code], code).toBeDefined()
    expectUnique(
      companyTypes.map((t) => t.code),
      'company type',
    )
    for (const t of ['corporation', 'llc', 'partnership', 'sole_proprietorship', 'non_profit', 'trust', 'holding']) {
      expect(
        companyTypes.some((x) => x.code === t),
        t,
      ).toBe(true)
    }
    expect(sum(companyTypes.map((t) => t.weight))).toBeCloseTo(1, 6)
  })
})

describe('exchanges', () => {
  it('trade in their country currency within a day', () => {
    expectUnique(
      exchanges.map((e) => e.code),
      'exchange',
    )
    for (const e of exchanges) {
      const c = countryByCode[e.country]
      expect(c, e.code).toBeDefined()
      expect(e.currency, e.code).toBe(c.currency)
      for (const m of [e.openUtcMinute, e.closeUtcMinute]) {
        expect(Number.isInteger(m)).toBe(true)
        expect(m).toBeGreaterThanOrEqual(0)
        expect(m).toBeLessThan(1440)
      }
      expect(e.openUtcMinute).not.toBe(e.closeUtcMinute)
    }
    expect(exchanges.find((e) => e.code === 'NYSE')).toMatchObject({ openUtcMinute: 870, closeUtcMinute: 1260 })
  })
})

describe('texts', () => {
  it('pools are large and duplicate-free', () => {
    expect(messageSubjects.length).toBeGreaterThanOrEqual(80)
    expect(messageSentences.length).toBeGreaterThanOrEqual(150)
    expect(financeSentences.length).toBeGreaterThanOrEqual(60)
    expectUnique(messageSubjects, 'subject')
    expectUnique([...messageSentences, ...financeSentences], 'sentence')
    expect(pepPositions.length).toBe(15)
    expectUnique(pepPositions, 'PEP position')
    expectUnique(sanctionsLists, 'sanctions list')
    expect(sum(travelPurposes.map((p) => p.weight))).toBeCloseTo(1, 6)
  })

  it('transaction descriptions cover every kind and use only {ref}', () => {
    const kinds = [
      'salary',
      'rent',
      'card_purchase',
      'transfer',
      'bill_payment',
      'cash_deposit',
      'cash_withdrawal',
      'invoice_payment',
      'wire',
    ]
    expect(Object.keys(transactionDescriptions).sort()).toEqual([...kinds].sort())
    for (const k of kinds) {
      const list = transactionDescriptions[k]
      expect(list.length, k).toBeGreaterThanOrEqual(5)
      expect(list.length, k).toBeLessThanOrEqual(15)
      expectUnique(list, `${k} description`)
      for (const d of list) expect(d.replace(/\{ref\}/g, ''), d).not.toMatch(/[{}]/)
    }
  })
})

describe('time zones', () => {
  it('give every country a whole-quarter-hour offset within UTC−12…+14', () => {
    for (const c of countries) {
      const offset = utcOffsetMinutes[c.code]
      expect(offset, `${c.code} has no UTC offset`).toBeTypeOf('number')
      expect(Math.abs(offset % 15)).toBe(0)
      expect(Math.abs(offset)).toBeLessThanOrEqual(14 * 60)
    }
  })
})
