import { countries, type Country } from '../../reference/countries.ts'
import { companyTypes, companyWords, legalSuffixes } from '../../reference/company-names.ts'
import { exchanges } from '../../reference/exchanges.ts'
import { industries } from '../../reference/industries.ts'
import { locales } from '../../reference/locales.ts'
import type { Company } from '../../model/tables/companies.ts'
import { usdToMinor } from '../../model/money.ts'
import { lognormal, pareto } from '../../random/distributions.ts'
import type { Rng } from '../../random/rng.ts'
import { weightedBy } from '../../random/sampling.ts'
import { companyDomain, phoneNumber } from './contact.ts'
import { pickHeavyHead, type CoreContext } from './context.ts'
import { flat } from '../../model/flat-text.ts'
import { asciiSlug, digits, fillPattern } from './text.ts'

const industryTable = weightedBy(industries)
const typeTable = weightedBy(companyTypes)
const havens = countries.filter((c) => c.taxHaven)

/** Share of companies that are listed: the first rows, so even a tiny population has an issuer to trade. */
export function listedCount(companies: number): number {
  return companies === 0 ? 0 : Math.max(1, Math.round(companies * 0.06))
}

export interface CompanyOverrides {
  country?: Country
  isShell?: boolean
  listed?: boolean
  /** Latest allowed incorporation day (shells opened by a pattern are young). */
  incorporatedBefore?: number
  incorporatedAfter?: number
}

function companyName(rng: Rng, country: Country): string {
  const suffixes = legalSuffixes[country.code] ?? legalSuffixes.US
  const names = locales[country.locale]
  const style = rng.next()
  const adjective = rng.pick(companyWords.adjectives)
  const noun = rng.pick(companyWords.nouns)
  const core =
    style < 0.45
      ? `${adjective} ${noun}`
      : style < 0.75
        ? `${rng.pick(names.last)} ${noun}`
        : `${rng.pick(names.last)} & ${rng.pick(names.last)}`
  return `${core} ${rng.pick(suffixes)}`
}

function exchangeFor(country: Country): (typeof exchanges)[number] {
  return exchanges.find((e) => e.country === country.code) ?? exchanges[0]
}

/** One company row; `index` names its row stream. Listed companies get a ticker unique within `tickers`. */
export function generateCompany(
  rng: Rng,
  ctx: CoreContext,
  id: Company['id'],
  o: CompanyOverrides,
  tickers: Set<string>,
): Company {
  const isShell = o.isShell ?? rng.chance(0.02)
  const country = o.country ?? (isShell ? rng.pick(havens) : ctx.residence.sample(rng))
  const industry = isShell
    ? (industries.find((i) => i.code === 'consulting') ?? industryTable.sample(rng))
    : industryTable.sample(rng)
  const listed = o.listed ?? false
  const legalName = companyName(rng, country)
  const employees = isShell
    ? rng.int(0, 2)
    : listed
      ? Math.round(pareto(rng, 800, 0.9))
      : Math.max(1, Math.round(pareto(rng, 4, 1.1)))
  const revenueUsd = isShell
    ? lognormal(rng, 300_000, 1.2)
    : Math.max(20_000, employees * industry.revenuePerEmployeeUsd * lognormal(rng, 1, 0.35))
  const latest = o.incorporatedBefore ?? ctx.clock.startDay - 60
  const earliest = o.incorporatedAfter ?? latest - (listed ? 80 : 35) * 365
  const incorporatedOn = rng.int(Math.min(earliest, latest), latest)
  let ticker: string | null = null
  let exchange: string | null = null
  if (listed) {
    const letters = asciiSlug(legalName)
      .toUpperCase()
      .replace(/[^A-Z]/g, '')
    let candidate = (letters.slice(0, 3) || 'XYZ').padEnd(3, 'X')
    for (let n = 0; tickers.has(candidate); n++)
      candidate =
        candidate.slice(0, 3) + String.fromCharCode(65 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26)) : '')
    tickers.add(candidate)
    ticker = candidate
    exchange = exchangeFor(country).code
  }
  const slug = asciiSlug(legalName.split(' ').slice(0, 2).join('')) || 'company'
  const domain = companyDomain(slug, country)
  const havenLinks = isShell ? [country.code] : rng.chance(0.06) ? [rng.pick(havens).code] : []
  const risk =
    isShell || country.riskTier === 'high'
      ? 'high'
      : havenLinks.length > 0 || country.riskTier === 'medium'
        ? 'medium'
        : 'low'
  return {
    id,
    legalName: flat(legalName),
    companyType: isShell ? 'llc' : listed ? 'corporation' : typeTable.sample(rng).code,
    industry: industry.code,
    registrationCountry: country.code,
    registrationNumber: flat(country.code + digits(8, () => rng.next())),
    incorporatedOn,
    currency: country.currency,
    annualRevenue: usdToMinor(Math.round(revenueUsd / 1000) * 1000, country.currency),
    employees,
    isListed: listed,
    ticker,
    exchange,
    isShell,
    taxHavenLinks: havenLinks,
    website: flat(`https://www.${domain}`),
    email: flat(`${rng.pick(['info', 'contact', 'office', 'hello'])}@${domain}`),
    phone: flat(phoneNumber(rng, country)),
    street: flat(streetLine(rng, country)),
    city: pickHeavyHead(rng, country.cities),
    postalCode: flat(fillPattern(country.postalPattern, () => rng.next())),
    riskRating: risk,
    isSuspicious: false,
  }
}

export function streetLine(rng: Rng, country: Country): string {
  const names = locales[country.locale]
  const root = rng.pick(names.streets)
  const suffix = names.streetSuffixes.length > 0 ? ' ' + rng.pick(names.streetSuffixes) : ''
  const number = String(rng.int(1, rng.chance(0.8) ? 200 : 2000))
  return names.streetFormat === 'number-first' ? `${number} ${root}${suffix}` : `${root}${suffix} ${number}`
}
