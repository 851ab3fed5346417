import type { TransactionKind } from '../../model/tables/transactions.ts'
import type { Rng } from '../../random/rng.ts'
import type { Shape } from '../specs/laundering-shape.ts'
import type { Party, PartyType } from './parties.ts'

/**
 * The ordinary business behind each laundering shape: who sits in each layer, what the payments are, how fast the
 * money moves and how large the payments are (in the background's own domains: salaries, freelance fees, rents,
 * invoices between companies, transfers).
 */
export interface Story {
  /** The instance's subtype: the business and the shape it resembles. */
  readonly name: string
  /** Party type of layer `l` of `last + 1` layers. */
  party(l: number, last: number): PartyType
  /** Role of the nodes of layer `l`. */
  role(l: number, last: number): string
  kind(from: Party, to: Party): TransactionKind
  /** The background's text for a kind where it has its own (payroll funding between companies). */
  description?(from: Party, to: Party): string | undefined
  readonly delayHours: number
  readonly spreadHours: number
  /** Typical payment at the shape's widest layer, in USD (lognormal, sigma 0.4). */
  readonly unitUsd: number
  /** Share each pass-through keeps: a fee, a margin, what a co-owner keeps. */
  readonly cut: number
  /** Company-to-company invoice payments settle an invoice of the payee (as background invoice payments do). */
  readonly invoices: boolean
  /** The collecting hub pays what it collected on to its owner within days (a letting agent, a charity's branch). */
  readonly remit: boolean
  /** A person a company pays is one of its staff where it has enough (a salary goes to an employee). */
  readonly staff?: boolean
  /** The wide layer's size, from the kind's. */
  size(size: number): number
  /** Short phrase for the narrative. */
  readonly what: string
}

const firstLast = (first: string, middle: string, last: string) => (l: number, n: number) =>
  l === 0 ? first : l === n ? last : middle
const companiesThen = (end: PartyType) => (l: number, n: number) => (l === n ? end : 'company')
const fans = (size: number) => Math.max(5, size)
const same = (size: number) => size

const base = { invoices: false, remit: false, cut: 0, size: same } as const

const contractorPayout: Story = {
  ...base,
  name: 'contractor_payout',
  what: 'paid its freelance contractors for the month',
  party: (l) => (l === 0 ? 'company' : 'person'),
  role: firstLast('payer', 'payer', 'contractor'),
  kind: () => 'invoice_payment',
  delayHours: 2,
  spreadHours: 6,
  unitUsd: 1_800,
  size: fans,
}

const groupPayroll: Story = {
  ...base,
  name: 'group_payroll',
  what: 'funded its subsidiaries, which paid their staff',
  party: companiesThen('person'),
  role: firstLast('group_treasury', 'subsidiary', 'employee'),
  kind: (_f, to) => (to.type === 'person' ? 'salary' : 'transfer'),
  description: (from, to) => (from.type === 'company' && to.type === 'company' ? 'Payroll funding' : undefined),
  staff: true,
  delayHours: 20,
  spreadHours: 3,
  unitUsd: 2_800,
  cut: 0.01,
}

const rentCollection: Story = {
  ...base,
  name: 'rent_collection',
  what: 'collected the month’s rents and paid them on to the landlord',
  party: (l) => (l === 0 ? 'person' : 'company'),
  role: firstLast('tenant', 'letting_agent', 'letting_agent'),
  kind: () => 'rent',
  delayHours: 6,
  spreadHours: 72,
  unitUsd: 1_200,
  remit: true,
  size: fans,
}

const franchiseFees: Story = {
  ...base,
  name: 'franchise_fees',
  what: 'paid their master franchisees’ fee invoices, which paid the franchisor’s',
  party: () => 'company',
  role: firstLast('franchisee', 'master_franchisee', 'franchisor'),
  kind: () => 'invoice_payment',
  delayHours: 18,
  spreadHours: 6,
  unitUsd: 6_000,
  cut: 0.2,
  invoices: true,
}

const groupNetting: Story = {
  ...base,
  name: 'group_netting',
  what: 'settled the group’s intercompany invoices round the loop',
  party: () => 'company',
  role: (l) => (l === 0 ? 'netting_centre' : 'group_company'),
  kind: () => 'invoice_payment',
  delayHours: 24,
  spreadHours: 2,
  unitUsd: 25_000,
  cut: 0.03,
  invoices: true,
  // The loop a netting run closes within a week: three or four group companies.
  size: (size) => Math.min(4, Math.max(3, size)),
}

const staffHousing: Story = {
  ...base,
  name: 'staff_housing',
  what: 'paid its seasonal staff, who each paid the rent of their staff housing to the same landlord',
  party: (l, n) => (l === 0 || l === n ? 'company' : 'person'),
  role: firstLast('employer', 'employee', 'housing_landlord'),
  kind: (_f, to) => (to.type === 'person' ? 'salary' : 'rent'),
  delayHours: 48,
  spreadHours: 4,
  unitUsd: 2_800,
  // What the rent leaves of the pay.
  cut: 0.7,
  staff: true,
}

const rentDistribution: Story = {
  ...base,
  name: 'rent_distribution',
  what: 'collected tenants’ rents and paid each private landlord their share less the agent’s fee',
  party: (l, n) => (l === 0 || l === n ? 'person' : 'company'),
  role: firstLast('tenant', 'letting_agent', 'landlord'),
  kind: (from) => (from.type === 'person' ? 'rent' : 'invoice_payment'),
  delayHours: 48,
  spreadHours: 6,
  unitUsd: 1_200,
  cut: 0.08,
}

const sharedSuppliers: Story = {
  ...base,
  name: 'shared_suppliers',
  what: 'paid the co-operative’s common suppliers their invoices',
  party: () => 'company',
  role: firstLast('member_shop', 'member_shop', 'supplier'),
  kind: () => 'invoice_payment',
  delayHours: 24,
  spreadHours: 72,
  unitUsd: 4_000,
  invoices: true,
}

const lettingNetwork: Story = {
  ...rentDistribution,
  name: 'letting_network',
  what: 'moved tenants’ rents through local and managing letting agents to the landlords',
  role: firstLast('tenant', 'letting_agent', 'landlord'),
  cut: 0.05,
  invoices: true,
}

/** The benign stories of each shape (one is picked per instance). */
export const STORIES: Record<Shape, readonly Story[]> = {
  fan_out: [contractorPayout],
  layered_fan_out: [groupPayroll],
  fan_in: [rentCollection],
  layered_fan_in: [franchiseFees],
  cycle: [groupNetting],
  scatter_gather: [staffHousing],
  gather_scatter: [rentDistribution],
  bipartite: [sharedSuppliers],
  stacked_bipartite: [lettingNetwork],
}

/** Kinds the background uses between each pair of holder types (a transfer from a company is payroll funding). */
const DOMAIN: Record<string, readonly TransactionKind[]> = {
  'person>person': ['transfer', 'rent', 'bill_payment'],
  'person>company': ['rent', 'bill_payment', 'wire'],
  'company>person': ['salary', 'invoice_payment'],
  'company>company': ['invoice_payment', 'transfer', 'wire'],
}

/** The story's kind for a payment, or the nearest the background uses between those holders (a safety net). */
export function kindBetween(story: Story, from: Party, to: Party): TransactionKind {
  const kind = story.kind(from, to)
  const allowed = DOMAIN[`${from.type}>${to.type}`]
  if (allowed.includes(kind)) return kind
  return from.type === 'person' ? (to.type === 'person' ? 'transfer' : 'rent') : 'invoice_payment'
}

export function pickStory(rng: Rng, shape: Shape): Story {
  return rng.pick(STORIES[shape])
}
