import type { Transaction } from '../../model/tables/transactions.ts'
import { HOUR } from '../../model/time.ts'
import { moves, only, type Rule, type RuleContext } from './rule.ts'

/** Incoming payments remembered per account until its next outgoing one (older ones cannot match within the hour). */
const PENDING = 4

/** Money in, then the account's next payment out within an hour is 90–100 % of it (separability.py's merge_asof). */
export function rapidPassThrough(ctx: RuleContext): Rule {
  const times = new Float64Array(ctx.accountCount * PENDING)
  const amounts = new Float64Array(ctx.accountCount * PENDING)
  const count = new Uint8Array(ctx.accountCount)
  const alerted = new Set<string>()
  return {
    name: 'rapid_pass_through',
    description: 'money in, then the next payment out of the account within 1 hour is 90-100 % of the amount in',
    entity: 'account',
    targets: only('muleChain'),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions') return
      const tx = row as Transaction
      if (!moves(tx)) return
      const amount = ctx.current.amount
      const from = ctx.current.from
      if (from >= 0 && count[from] > 0) {
        // This is the first payment out after each pending incoming one: each gets its one chance here.
        for (let k = 0; k < count[from]; k++) {
          const j = from * PENDING + k
          if (tx.timestamp - times[j] <= HOUR && amount >= 0.9 * amounts[j] && amount <= amounts[j])
            alerted.add(tx.fromAccountId as string)
        }
        count[from] = 0
      }
      const to = ctx.current.to
      if (to < 0) return
      const base = to * PENDING
      if (count[to] === PENDING) {
        // Full: drop the oldest, which is the least likely to match within the hour.
        times.copyWithin(base, base + 1, base + PENDING)
        amounts.copyWithin(base, base + 1, base + PENDING)
        count[to]--
      }
      const k = count[to]++
      times[to * PENDING + k] = tx.timestamp
      amounts[to * PENDING + k] = amount
    },
    alerted: () => alerted,
  }
}
