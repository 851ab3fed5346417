import { banks, type Bank } from '../../reference/banks.ts'
import { countryByCode } from '../../reference/countries.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { Person } from '../../model/tables/persons.ts'
import { minorToMajor, usdToMinor } from '../../model/money.ts'
import { lognormal } from '../../random/distributions.ts'
import type { Rng } from '../../random/rng.ts'
import type { CoreContext } from './context.ts'
import { ibanFromBban } from './iban.ts'
import { adultOn } from './persons.ts'
import { flat } from '../../model/flat-text.ts'
import { digits } from './text.ts'

const banksByCountry = new Map<string, Bank[]>()
for (const b of banks) banksByCountry.set(b.country, [...(banksByCountry.get(b.country) ?? []), b])

export type AccountType = Account['accountType']
export type Owner = { type: 'person'; row: Person } | { type: 'company'; row: Company }

const BALANCE_MEDIAN_USD: Record<AccountType, number> = {
  checking: 2_500,
  savings: 12_000,
  credit_card: 0,
  investment: 40_000,
  business: 60_000,
  loan: 0,
}

/**
 * How the background dates its accounts: a share opens inside the window (in its first 80 %), the rest up to
 * OPENING_HISTORY_DAYS before it; a holder's main account rarely opens in the window.
 */
export const OPENED_IN_WINDOW = { main: 0.02, other: 0.12 } as const
export const OPENING_HISTORY_DAYS = 20 * 365
export const IN_WINDOW_OPENING_SHARE = 0.8

export interface AccountOverrides {
  /** Earliest and latest opening day. */
  openedFrom?: number
  openedTo?: number
  /** Forbid closing inside the window (pattern accounts must stay usable). */
  neverClosed?: boolean
  jointOwner?: Person | null
  /**
   * The holder's main account (a person's first checking account, a company's first business account): salaries
   * and standing orders run through it, so it is rarely new in the window or closed in it (most customers of a
   * bank were customers before the window; the newly opened accounts are mostly second products).
   */
  main?: boolean
}

/** One account: the bank, numbers and currency follow the owner's country; dates follow the owner's existence. */
export function generateAccount(
  rng: Rng,
  ctx: CoreContext,
  id: Account['id'],
  owner: Owner,
  type: AccountType,
  o: AccountOverrides = {},
): Account {
  const countryCode = owner.type === 'person' ? owner.row.residenceCountry : owner.row.registrationCountry
  const country = countryByCode[countryCode]
  const bank = rng.pick(banksByCountry.get(countryCode) ?? banks)
  const bban = country.ibanLength > 0 ? fillBban(rng, country.bbanPattern, bank.bankCode) : null
  const iban = bban === null ? null : ibanFromBban(country.code, bban.bban)
  const accountNumber = bban === null ? digits(10, () => rng.next()) : bban.accountNumber
  const { startDay, days } = ctx.clock
  const exists = owner.type === 'person' ? adultOn(owner.row.dateOfBirth) : owner.row.incorporatedOn
  // An employer's main account predates the window (its payroll runs through it); other main accounts rarely start in it.
  const employer = o.main === true && owner.type === 'company' && owner.row.employees > 0
  const inWindow = rng.chance(o.main ? OPENED_IN_WINDOW.main : OPENED_IN_WINDOW.other) && !employer
  let from = o.openedFrom ?? (inWindow ? startDay : startDay - OPENING_HISTORY_DAYS)
  let to = o.openedTo ?? (inWindow ? startDay + Math.max(0, Math.floor(days * IN_WINDOW_OPENING_SHARE)) : startDay - 1)
  from = Math.max(from, exists)
  to = Math.max(from, to)
  const openedAt = rng.int(from, to)
  const endDay = startDay + days
  const closes = !o.neverClosed && type !== 'business' && rng.chance(o.main ? 0.005 : 0.025) && endDay - openedAt > 60
  const closedAt = closes ? rng.int(Math.max(openedAt + 30, startDay + 1), endDay - 1) : null
  const dormant = !closes && rng.chance(0.04)
  const median = BALANCE_MEDIAN_USD[type]
  const income =
    owner.type === 'person'
      ? minorToMajor(owner.row.annualIncome, owner.row.currency) / currencyByCode[owner.row.currency].perUsd
      : 0
  const balanceUsd =
    median === 0
      ? 0
      : lognormal(rng, median * (owner.type === 'person' ? Math.sqrt(Math.max(0.2, income / 60_000)) : 1), 1.1)
  const limitUsd = type === 'credit_card' ? 1_000 * rng.int(1, 25) : type === 'loan' ? 5_000 * rng.int(2, 60) : null
  // Drawn after every other field, so adding them left the other columns as they were.
  const overdraftUsd = overdraftUsdOf(rng, type, income)
  const outstanding = type === 'loan' ? 0.3 + 0.7 * rng.next() : 0
  return {
    id,
    ownerId: owner.row.id,
    ownerType: owner.type,
    jointOwnerId: o.jointOwner?.id ?? null,
    accountType: type,
    currency: country.currency,
    country: country.code,
    bankName: bank.name,
    bic: bank.bic,
    iban: iban === null ? null : flat(iban),
    accountNumber: flat(accountNumber),
    openedAt,
    closedAt,
    status: closes ? 'closed' : dormant ? 'dormant' : 'active',
    openingBalance:
      type === 'loan' && limitUsd !== null
        ? -usdToMinor(Math.round(limitUsd * outstanding), country.currency)
        : usdToMinor(Math.round(balanceUsd * 100) / 100, country.currency),
    creditLimit: limitUsd === null ? null : usdToMinor(limitUsd, country.currency),
    overdraftLimit: overdraftUsd === null ? null : roundLimit(usdToMinor(overdraftUsd, country.currency)),
    isSuspicious: false,
  }
}

/** Share of checking accounts with an arranged overdraft, and of business accounts with a facility. */
const OVERDRAFT_SHARE = 0.32
const FACILITY_SHARE = 0.8

/**
 * An arranged overdraft of about half to one and a half months' gross pay (at least 250 USD) on a third of
 * checking accounts; a facility of 5,000 to 150,000 USD on most business accounts; none elsewhere.
 */
function overdraftUsdOf(rng: Rng, type: AccountType, incomeUsd: number): number | null {
  if (type === 'checking') {
    if (!rng.chance(OVERDRAFT_SHARE)) return null
    return Math.max(250, (incomeUsd / 12) * (0.5 + rng.next()))
  }
  if (type === 'business') return rng.chance(FACILITY_SHARE) ? 5_000 * rng.int(1, 30) : null
  return null
}

/** A limit as a bank sets it: two significant digits of the local currency. */
function roundLimit(minor: number): number {
  if (minor <= 0) return 0
  const step = 10 ** Math.max(0, Math.floor(Math.log10(minor)) - 1)
  return Math.round(minor / step) * step
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * Fills a country's BBAN layout: `b` the bank code, `#` a digit, `A` a letter, `X` a letter or digit. Also returns
 * the domestic account number, the BBAN after the bank code's length, built as its own string: a slice of the
 * BBAN would keep the whole BBAN alive beside it (about 40 bytes more per account).
 */
function fillBban(rng: Rng, pattern: string, bankCode: string): { bban: string; accountNumber: string } {
  let out = ''
  let tail = ''
  let b = 0
  for (const ch of pattern) {
    let c: string
    if (ch === 'b') c = bankCode[b++] ?? '0'
    else if (ch === '#') c = String(rng.below(10))
    else if (ch === 'A') c = ALNUM[10 + rng.below(26)]
    else if (ch === 'X') c = ALNUM[rng.below(36)]
    else c = ch
    if (out.length >= bankCode.length) tail += c
    out += c
  }
  return { bban: out, accountNumber: flat(tail) }
}

/**
 * A person's further products. Investment accounts are two in eight: at one in seven they were about 5 % of all
 * accounts, so any account that trades (an insider's) was already one of a few hundred.
 */
const PERSON_EXTRA: readonly AccountType[] = [
  'savings',
  'savings',
  'credit_card',
  'credit_card',
  'investment',
  'investment',
  'loan',
  'checking',
]
const COMPANY_EXTRA: readonly AccountType[] = ['business', 'business', 'savings', 'loan']

/**
 * Who holds account `index`: every company gets a business account first, then every person a checking
 * account, then the rest go to random holders (the first of those is always a person's investment account,
 * so a population with trades has somewhere to trade from).
 */
export function accountSlot(
  rng: Rng,
  index: number,
  persons: number,
  companies: number,
): { owner: 'person' | 'company'; ownerIndex: number; type: AccountType } {
  if (index < companies) return { owner: 'company', ownerIndex: index, type: 'business' }
  if (index < companies + persons) return { owner: 'person', ownerIndex: index - companies, type: 'checking' }
  const rest = index - companies - persons
  if (persons > 0 && (rest === 0 || companies === 0 || rng.chance(0.85))) {
    return { owner: 'person', ownerIndex: rng.below(persons), type: rest === 0 ? 'investment' : rng.pick(PERSON_EXTRA) }
  }
  return { owner: 'company', ownerIndex: rng.below(companies), type: rng.pick(COMPANY_EXTRA) }
}
