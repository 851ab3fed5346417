import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { moves, type Rule, type RuleContext } from './rule.ts'

const WINDOW = 7 * DAY
const MAX_ACCOUNTS = 4
/** Open paths kept per account (a ring: the newest overwrite the oldest), so hubs cost no more than others. */
const SLOTS = 8

/**
 * Short directed cycles: payments A → B → … → A through 3 or 4 distinct accounts, each hop after the one before,
 * the whole loop within 7 days. Each account keeps, in typed arrays, the newest open paths that end at it.
 */
export function cycles(ctx: RuleContext): Rule {
  const n = ctx.accountCount
  const start = new Float64Array(n * SLOTS)
  const size = new Uint8Array(n * SLOTS)
  const path = new Int32Array(n * SLOTS * MAX_ACCOUNTS)
  const next = new Uint8Array(n)
  const alerted = new Set<string>()
  /** A new open path ending at v: `from`'s path (slot −1: none) extended by v, or the single hop u → v. */
  const open = (v: number, t0: number, from: number, u: number) => {
    const slot = v * SLOTS + next[v]
    next[v] = (next[v] + 1) % SLOTS
    start[slot] = t0
    const len = from >= 0 ? size[from] : 1
    if (from >= 0) path.copyWithin(slot * MAX_ACCOUNTS, from * MAX_ACCOUNTS, from * MAX_ACCOUNTS + len)
    else path[slot * MAX_ACCOUNTS] = u
    path[slot * MAX_ACCOUNTS + len] = v
    size[slot] = len + 1
  }
  const contains = (slot: number, v: number) => {
    for (let k = 0; k < size[slot]; k++) if (path[slot * MAX_ACCOUNTS + k] === v) return true
    return false
  }
  return {
    name: 'cycles',
    description:
      'a loop of payments through 3 or 4 distinct accounts back to the first, hops in time order, within 7 days',
    entity: 'account',
    targets: (kinds) => kinds.filter((k) => /cycle/i.test(k)),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions' || !moves(row as Transaction)) return
      const t = (row as Transaction).timestamp
      const u = ctx.current.from
      const v = ctx.current.to
      if (u < 0 || v < 0 || u === v) return
      for (let slot = u * SLOTS; slot < (u + 1) * SLOTS; slot++) {
        if (size[slot] === 0) continue
        if (t - start[slot] > WINDOW) {
          size[slot] = 0
          continue
        }
        if (path[slot * MAX_ACCOUNTS] === v && size[slot] >= 3) {
          for (let k = 0; k < size[slot]; k++) alerted.add(ctx.accounts.ids[path[slot * MAX_ACCOUNTS + k]])
        } else if (size[slot] < MAX_ACCOUNTS && !contains(slot, v)) open(v, start[slot], slot, u)
      }
      open(v, t, -1, u)
    },
    alerted: () => alerted,
  }
}
