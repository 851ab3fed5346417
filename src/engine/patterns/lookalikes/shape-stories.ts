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
  description: (_f, to) => (to.type === 'company' ? 'Payroll funding' : undefined),
  staff: true,
  delayHours: 20,
  spreadHours: 3,
  unitUsd: 2_800,
  cut: 0.01,
}

const rentCollection: Story = {
  ...base,
  name: 'rent_collection',
  what: 'collected the month’s rents and paid them on to the owner',
  party: (l) => (l === 0 ? 'person' : 'company'),
  role: firstLast('tenant', 'letting_agent', 'letting_agent'),
  kind: () => 'rent',
  delayHours: 6,
  spreadHours: 72,
  unitUsd: 1_200,
  remit: true,
  size: fans,
}

const charityAppeal: Story = {
  ...rentCollection,
  name: 'charity_appeal',
  what: 'collected an appeal’s donations and paid them on to the national charity',
  role: firstLast('donor', 'charity_branch', 'charity_branch'),
  kind: () => 'transfer',
  unitUsd: 150,
}

const franchiseSweep: Story = {
  ...base,
  name: 'franchise_sweep',
  what: 'swept its branches’ balances up through regional accounts to head office',
  party: () => 'company',
  role: firstLast('branch', 'regional_office', 'head_office'),
  kind: () => 'transfer',
  delayHours: 18,
  spreadHours: 6,
  unitUsd: 6_000,
  cut: 0.02,
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

const escrowRelease: Story = {
  ...base,
  name: 'escrow_release',
  what: 'released a sale’s proceeds to the co-owners, who each repaid their share of the joint loan',
  party: (l, n) => (l === 0 || l === n ? 'company' : 'person'),
  role: firstLast('escrow_agent', 'co_owner', 'lender'),
  kind: () => 'transfer',
  delayHours: 24,
  spreadHours: 4,
  unitUsd: 12_000,
  cut: 0.1,
}

const conveyancing: Story = {
  ...base,
  name: 'conveyancing',
  what: 'collected the buyers’ funds in its client account and paid the sellers on completion',
  party: (l, n) => (l === 0 || l === n ? 'person' : 'company'),
  role: firstLast('buyer', 'conveyancer', 'seller'),
  kind: () => 'transfer',
  delayHours: 48,
  spreadHours: 6,
  unitUsd: 15_000,
  cut: 0.01,
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

const propertyChain: Story = {
  ...conveyancing,
  name: 'property_chain',
  what: 'moved a chain of house purchases through the conveyancers’ client accounts',
  role: firstLast('buyer', 'conveyancer', 'seller'),
}

/** The benign stories of each shape (one is picked per instance). */
export const STORIES: Record<Shape, readonly Story[]> = {
  fan_out: [contractorPayout],
  layered_fan_out: [groupPayroll],
  fan_in: [rentCollection, charityAppeal],
  layered_fan_in: [franchiseSweep],
  cycle: [groupNetting],
  scatter_gather: [escrowRelease],
  gather_scatter: [conveyancing],
  bipartite: [sharedSuppliers],
  stacked_bipartite: [propertyChain],
}

export function pickStory(rng: Rng, shape: Shape): Story {
  return rng.pick(STORIES[shape])
}
