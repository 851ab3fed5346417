import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { moves, only, type Rule, type RuleContext } from './rule.ts'

/** Distinct new payees, their window, and how far apart their amounts may be. */
const PAYEES = 5
const WINDOW = 3 * DAY
const SPREAD = 3
/** Payments in the data's first 30 days only teach the rule who already pays whom: every pair is new then. */
const WARM_UP = 30 * DAY

/**
 * Payer → payee pairs seen so far, as a two-probe bit filter sized from the account count: bounded memory at any
 * size, at the price of rarely taking a new pair for a known one (the rule then misses, never invents, an alert).
 */
function pairFilter(accounts: number) {
  const bits = 2 ** Math.min(28, Math.max(20, Math.ceil(Math.log2(Math.max(1, accounts) * 64))))
  const words = new Uint32Array(bits / 32)
  const mask = bits - 1
  const probe = (h: number) => {
    const i = (h >>> 0) & mask
    return { word: i >>> 5, bit: 1 << (i & 31) }
  }
  /** Marks the pair seen; true when it was not before. */
  return (u: number, v: number): boolean => {
    const a = probe(Math.imul(u, 0x9e3779b1) ^ Math.imul(v, 0x85ebca77))
    const b = probe(Math.imul(v ^ 0x5bd1e995, 0xc2b2ae3d) ^ Math.imul(u, 0x27d4eb2f))
    const fresh = (words[a.word] & a.bit) === 0 || (words[b.word] & b.bit) === 0
    words[a.word] |= a.bit
    words[b.word] |= b.bit
    return fresh
  }
}

/**
 * One account pays >= 5 distinct counterparties it never paid before within 3 days, the amounts within a factor
 * of 3 of each other (a fan-out: one source spraying similar sums). Each account keeps its last 5 payments to new
 * payees in a ring.
 */
export function fanOut(ctx: RuleContext): Rule {
  const n = ctx.accountCount
  const times = new Float64Array(n * PAYEES)
  const amounts = new Float64Array(n * PAYEES)
  const count = new Uint8Array(n)
  const next = new Uint8Array(n)
  const fresh = pairFilter(n)
  const alerted = new Set<string>()
  let start = NaN
  const fans = (u: number) => {
    let lo = Infinity
    let hi = -Infinity
    let first = Infinity
    let last = -Infinity
    for (let k = u * PAYEES; k < (u + 1) * PAYEES; k++) {
      lo = Math.min(lo, amounts[k])
      hi = Math.max(hi, amounts[k])
      first = Math.min(first, times[k])
      last = Math.max(last, times[k])
    }
    return last - first <= WINDOW && hi <= SPREAD * lo
  }
  return {
    name: 'fan_out',
    description: `one account pays >= ${PAYEES} distinct counterparties it never paid before within 3 days, amounts within a factor of ${SPREAD} (pairs learnt over the first 30 days)`,
    entity: 'account',
    targets: only('launderingShape', 'launderingChain'),
    skipped: null,
    tables: ['transactions'],
    observe(table, row) {
      if (table !== 'transactions' || !moves(row as Transaction)) return
      const t = (row as Transaction).timestamp
      if (Number.isNaN(start)) start = t
      const u = ctx.current.from
      const v = ctx.current.to
      if (u < 0 || v < 0 || u === v || !fresh(u, v) || t - start < WARM_UP) return
      const k = u * PAYEES + next[u]
      times[k] = t
      amounts[k] = ctx.current.amount
      next[u] = (next[u] + 1) % PAYEES
      if (count[u] < PAYEES) count[u]++
      if (count[u] === PAYEES && fans(u)) alerted.add(ctx.accounts.ids[u])
    },
    alerted: () => alerted,
  }
}
