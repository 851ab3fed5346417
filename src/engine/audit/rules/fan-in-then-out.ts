import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { moves, only, type Rule, type RuleContext } from './rule.ts'

const SENDERS = 5

/**
 * ≥ 5 distinct senders, all of the account's incoming payments within 7 days, then ≥ 80 % of the inflow paid out
 * within 3 days of the last one (separability.py's fan-in rule). Senders are counted exactly up to 5.
 */
export function fanInThenOut(ctx: RuleContext): Rule {
  const n = ctx.accountCount
  const senders = new Int32Array(n * SENDERS)
  const distinct = new Uint8Array(n)
  const first = new Float64Array(n).fill(NaN)
  const last = new Float64Array(n).fill(NaN)
  const inflow = new Float64Array(n)
  const outAfter = new Float64Array(n)
  const addSender = (a: number, h: number) => {
    for (let k = 0; k < distinct[a]; k++) if (senders[a * SENDERS + k] === h) return
    if (distinct[a] < SENDERS) senders[a * SENDERS + distinct[a]++] = h
  }
  return {
    name: 'fan_in_then_out',
    description:
      '>= 5 distinct senders, all incoming payments within 7 days, then >= 80 % of the inflow out within 3 days of the last',
    entity: 'account',
    targets: only('fraudRing'),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions') return
      const tx = row as Transaction
      if (!moves(tx)) return
      const amount = ctx.current.amount
      const from = ctx.current.from
      if (from >= 0 && tx.timestamp > last[from] && tx.timestamp <= last[from] + 3 * DAY) outAfter[from] += amount
      const to = ctx.current.to
      if (to < 0) return
      if (Number.isNaN(first[to])) first[to] = tx.timestamp
      if (!(tx.timestamp <= last[to])) outAfter[to] = 0
      last[to] = tx.timestamp
      inflow[to] += amount
      addSender(to, from)
    },
    alerted() {
      const out: string[] = []
      for (let a = 0; a < ctx.accounts.size; a++)
        if (distinct[a] >= SENDERS && last[a] - first[a] <= 7 * DAY && outAfter[a] >= 0.8 * inflow[a])
          out.push(ctx.accounts.ids[a])
      return out
    },
  }
}
