import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { moves, type Rule, type RuleContext } from './rule.ts'

const WINDOW = 7 * DAY
const MAX_ACCOUNTS = 4
/** Open paths kept per account (the newest): bounds memory and time on busy hub accounts. */
const PATHS_PER_ACCOUNT = 8

interface Path {
  readonly start: number
  /** Account indices in hop order; the path ends where it is stored. */
  readonly accounts: readonly number[]
}

/**
 * Short directed cycles: payments A → B → … → A through 3 or 4 distinct accounts, each hop after the one before,
 * the whole loop within 7 days. Each account keeps its newest open paths that end there.
 */
export function cycles(ctx: RuleContext): Rule {
  const open = new Map<number, Path[]>()
  const alerted = new Set<string>()
  const extend = (at: number, path: Path) => {
    let list = open.get(at)
    if (!list) open.set(at, (list = []))
    list.push(path)
    if (list.length > PATHS_PER_ACCOUNT) list.shift()
  }
  return {
    name: 'cycles',
    description:
      'a loop of payments through 3 or 4 distinct accounts back to the first, hops in time order, within 7 days',
    entity: 'account',
    targets: (kinds) => kinds.filter((k) => /cycle/i.test(k)),
    skipped: null,
    observe(table, row) {
      if (table !== 'transactions') return
      const tx = row as Transaction
      if (!moves(tx)) return
      const u = ctx.accounts.of(tx.fromAccountId)
      const v = ctx.accounts.of(tx.toAccountId)
      if (u < 0 || v < 0 || u === v) return
      const here = (open.get(u) ?? []).filter((p) => tx.timestamp - p.start <= WINDOW)
      if (here.length > 0) open.set(u, here)
      else open.delete(u)
      for (const p of here) {
        if (p.accounts[0] === v && p.accounts.length >= 3) {
          for (const a of p.accounts) alerted.add(ctx.accounts.ids[a])
        } else if (!p.accounts.includes(v) && p.accounts.length < MAX_ACCOUNTS) {
          extend(v, { start: p.start, accounts: [...p.accounts, v] })
        }
      }
      extend(v, { start: tx.timestamp, accounts: [u, v] })
    },
    alerted: () => alerted,
  }
}
