import { currencyByCode } from '../../reference/currencies.ts'
import { convertMinor, minorToMajor } from '../../model/money.ts'
import type { World } from '../../model/world.ts'
import { incomeUsd } from './context.ts'
import type { ScheduledRows } from './scheduled-rows.ts'
import type { ScheduleIndex } from './schedules.ts'

/** Shares of the flow's rows that debit a person's account, by kind (from the flow's kind weights, averaged). */
const CARD_SHARE = 0.62
const CASH_SHARE = 0.09
const TRANSFER_SHARE = 0.16
/** Mean amounts in USD of one card purchase (before the income factor), one withdrawal, one transfer. */
const CARD_USD = 40
const CASH_USD = 185
const TRANSFER_USD = 350
/** Share of what an account has over the window (opening balance plus scheduled net) its ad-hoc spending may use. */
const SPENDABLE = 0.8

/** What spends from each checking account: its activity weight in the card pool and in the payer pool. */
export interface FlowExposure {
  readonly flowRows: number
  /** Activity weight of account i (0 when it is in no pool). */
  weight(i: number): number
  /** Share of the flow's rows acting in account i's country, and the total weight of that country's pools. */
  countryShare(i: number): number
  spendingWeight(i: number): number
  payerWeight(i: number): number
}

/**
 * A closed-form spending budget for every person's checking account: what it has over the window in USD (its
 * opening balance plus the scheduled net; NaN for other accounts) and the factor (≤ 1) that scales its ad-hoc
 * debits (card purchases, withdrawals, transfers) so that what it is expected to spend over the window fits in its
 * opening balance plus what the schedules pay in and out. Stateless (no running balance), so rows stay
 * index-addressable; it keeps people without income from spending what they never had, though a single account
 * can still dip below zero between paydays (the ledger's pre-pass keeps it within its floor: see README).
 */
export function affordability(
  world: World,
  schedule: ScheduleIndex,
  scheduled: ScheduledRows,
  flow: FlowExposure,
): { factor: Float32Array; hasUsd: Float64Array } {
  const n = world.accounts.length
  const net = new Float64Array(n)
  for (let e = 0; e < schedule.total; e++) {
    const o = schedule.entryObligation[e]
    const payer = scheduled.payer[o]
    const payee = scheduled.payee[o]
    const amount = scheduled.amount(o, schedule.entryMonth[e])
    net[payer] -= amount
    if (payee < 0) continue
    const from = world.accounts[payer].currency
    const to = world.accounts[payee].currency
    net[payee] += from === to ? amount : convertMinor(amount, from, to).minor
  }
  const factor = new Float32Array(n).fill(1)
  const hasUsd = new Float64Array(n).fill(NaN)
  for (let i = 0; i < n; i++) {
    const a = world.accounts[i]
    if (a.ownerType !== 'person' || a.accountType !== 'checking') continue
    const w = flow.weight(i)
    const rows = flow.flowRows * flow.countryShare(i) * w
    const income = Math.sqrt(Math.max(0.15, incomeUsd(world.persons[world.accountOwner[i]]) / 55_000))
    const card = flow.spendingWeight(i) > 0 ? (rows * CARD_SHARE * CARD_USD * income) / flow.spendingWeight(i) : 0
    const other =
      flow.payerWeight(i) > 0
        ? (rows * (CASH_SHARE * CASH_USD + TRANSFER_SHARE * TRANSFER_USD)) / flow.payerWeight(i)
        : 0
    const spendUsd = card + other
    const perUsd = currencyByCode[a.currency].perUsd
    hasUsd[i] = minorToMajor(Math.max(0, a.openingBalance + net[i]), a.currency) / perUsd
    if (spendUsd > 0) factor[i] = Math.max(0.02, Math.min(1, (SPENDABLE * hasUsd[i]) / spendUsd))
  }
  return { factor, hasUsd }
}
