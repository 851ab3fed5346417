import { p } from './params.ts'
import { snakeCase } from '../model/field.ts'

/** The top-level settings and background counts, as descriptors (the UI and CLI render them from here). */
export const generalParams = {
  durationDays: p.int({
    label: 'Days simulated',
    help: 'Length of the simulated window in days.',
    min: 1,
    max: 3650,
    default: 365,
    unit: 'days',
  }),
} as const

export const countParams = {
  persons: p.int({
    label: 'Persons',
    help: 'Natural persons (customers, traders, travellers).',
    min: 0,
    max: 5_000_000,
    default: 1000,
  }),
  companies: p.int({
    label: 'Companies',
    help: 'Companies (employers, trading partners, listed issuers).',
    min: 0,
    max: 1_000_000,
    default: 200,
  }),
  accounts: p.int({
    label: 'Accounts',
    help: 'Bank accounts. Each company gets a business account and each person a current account first; the rest are savings, cards and investment accounts.',
    min: 0,
    max: 10_000_000,
    default: 2000,
  }),
  transactions: p.int({
    label: 'Transactions',
    help: 'Background money movements (card, cash, transfers, salaries, invoices).',
    min: 0,
    max: 1_000_000_000,
    default: 10_000,
  }),
  communications: p.int({
    label: 'Communications',
    help: 'Background e-mails, messages and calls between persons.',
    min: 0,
    max: 1_000_000_000,
    default: 2000,
  }),
  trades: p.int({
    label: 'Trades',
    help: 'Background equity trades by persons in listed companies.',
    min: 0,
    max: 1_000_000_000,
    default: 1000,
  }),
  travels: p.int({
    label: 'Travels',
    help: 'Background trips of persons between countries.',
    min: 0,
    max: 1_000_000_000,
    default: 500,
  }),
  documents: p.int({
    label: 'Documents',
    help: 'Background invoices, bills of lading, contracts and purchase orders between companies.',
    min: 0,
    max: 1_000_000_000,
    default: 1000,
  }),
  accessEvents: p.int({
    label: 'Access events',
    help: 'Background online-banking logins and account changes.',
    min: 0,
    max: 1_000_000_000,
    default: 5000,
  }),
} as const

export type CountKey = keyof typeof countParams
export const countKeys = Object.keys(countParams) as CountKey[]

export type Counts = Record<CountKey, number>

/** The table a count sizes (its background rows): the key in snake_case, accessEvents → access_events. The one mapping. */
export function countTable(key: CountKey): CountTable {
  return snakeCase(key) as CountTable
}

type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S
export type CountTable = Snake<CountKey>

export const DEFAULT_SEED = 42
export const DEFAULT_START_DATE = '2025-01-01'
export const MAX_PATTERN_COUNT = 1000
