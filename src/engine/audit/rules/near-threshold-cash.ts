import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { currencyByCode } from '../../reference/currencies.ts'
import { only, type Rule, type RuleContext } from './rule.ts'

const WINDOW = 10 * DAY

/** ≥ 3 cash deposits in [90 %, 100 %) of the currency's reporting threshold into one account within 10 days. */
export function nearThresholdCash(ctx: RuleContext): Rule {
  // The two latest near-threshold deposits of each account (rows arrive in time order).
  const last = new Float64Array(ctx.accountCount).fill(NaN)
  const before = new Float64Array(ctx.accountCount).fill(NaN)
  const alerted = new Set<string>()
  return {
    name: 'near_threshold_cash',
    description:
      ">= 3 cash deposits in [90 %, 100 %) of the currency's reporting threshold into one account within 10 days",
    entity: 'account',
    targets: only('structuring'),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions') return
      const tx = row as Transaction
      if (tx.kind !== 'cash_deposit' || !tx.toAccountId) return
      const limit = currencyByCode[tx.currency]?.reportingThreshold
      if (!limit) return
      const amount = ctx.current.amount
      if (amount < 0.9 * limit || amount >= limit) return
      const a = ctx.current.to
      if (a < 0) return
      if (tx.timestamp - before[a] <= WINDOW) alerted.add(tx.toAccountId)
      before[a] = last[a]
      last[a] = tx.timestamp
    },
    alerted: () => alerted,
  }
}
