import type { AccessEvent } from '../../model/tables/access-events.ts'
import type { Transaction } from '../../model/tables/transactions.ts'
import { DAY } from '../../model/time.ts'
import { hashString } from '../../random/hash.ts'
import { GrowableFloats } from '../growable.ts'
import { moves, only, type Rule, type RuleContext } from './rule.ts'

/**
 * An access event from a device the account had not used before (not its first event), then a payment out of
 * the account within 24 hours. Transactions are written before access events, so the payments' times are kept
 * (4 bytes of account and 8 of time per payment) and matched at the end.
 */
export function newDevicePayout(ctx: RuleContext): Rule {
  const payAccount = new GrowableFloats()
  const payTime = new GrowableFloats()
  const firstSeen = new Float64Array(ctx.accountCount).fill(NaN)
  const devices = new Set<number>()
  const newAccount = new GrowableFloats()
  const newTime = new GrowableFloats()
  return {
    name: 'new_device_payout',
    description: 'an access event from a device new to the account, then a payment out of the account within 24 hours',
    entity: 'account',
    targets: only('accountTakeover'),
    skipped: null,
    tables: ['transactions', 'access_events'],
    observe(table, row) {
      if (table === 'transactions') {
        const tx = row as Transaction
        const a = moves(tx) ? ctx.current.from : -1
        if (a >= 0) {
          payAccount.push(a)
          payTime.push(tx.timestamp)
        }
      } else if (table === 'access_events') {
        const e = row as AccessEvent
        const a = ctx.current.from
        if (a < 0) return
        const key = a * 4_294_967_296 + hashString(e.deviceId)
        if (Number.isNaN(firstSeen[a])) firstSeen[a] = e.timestamp
        if (devices.has(key)) return
        devices.add(key)
        if (e.timestamp > firstSeen[a]) {
          newAccount.push(a)
          newTime.push(e.timestamp)
        }
      }
    },
    alerted() {
      const times = paymentsByAccount(ctx.accountCount, payAccount.view(), payTime.view())
      const out = new Set<string>()
      for (let k = 0; k < newAccount.length; k++) {
        const a = newAccount.get(k)
        const t = newTime.get(k)
        const next = firstAtOrAfter(times.time, times.start[a], times.start[a + 1], t)
        if (next < times.start[a + 1] && times.time[next] <= t + DAY) out.add(ctx.accounts.ids[a])
      }
      return out
    },
  }
}

/** Payments grouped by account (counting sort; each group stays in time order, as the rows came). */
function paymentsByAccount(n: number, account: Float64Array, time: Float64Array) {
  const start = new Int32Array(n + 1)
  for (const a of account) start[a + 1]++
  for (let a = 0; a < n; a++) start[a + 1] += start[a]
  const fill = start.slice(0, n)
  const sorted = new Float64Array(time.length)
  for (let k = 0; k < time.length; k++) sorted[fill[account[k]]++] = time[k]
  return { start, time: sorted }
}

function firstAtOrAfter(times: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}
