import { currencyByCode } from '../reference/currencies.ts'
import { EngineError } from '../errors.ts'
import { minorAt } from '../export/csv-bytes.ts'
import type { LegColumns } from '../generators/events/transaction-legs.ts'
import type { TableDef } from '../model/field.ts'
import type { LedgerBook, RunningLedger } from './ledger.ts'

/** Each row's balances after it, booked by the merge for the reports (NaN: the row has no such side). */
export interface BalanceColumns {
  readonly from: Float64Array
  readonly to: Float64Array
}

/**
 * Balances for rows a lane encoded without them. The balance columns are the table's last two, so a lane's row
 * ends with the empty cells (`,,\n` in CSV, `…:null,…:null}\n` in JSON Lines): the merge books the row's legs and
 * swaps that tail for the real one.
 */
export class BalanceTails {
  private readonly emptyTail: Uint8Array
  private readonly digits: Uint8Array
  private readonly head: [string, string, string]

  constructor(format: 'csv' | 'jsonl', table: TableDef, book: LedgerBook) {
    const [from, to] = table.columns.slice(-2)
    if (from?.key !== 'fromBalanceAfter' || to?.key !== 'toBalanceAfter')
      throw new EngineError(`${table.name}: the balance columns must come last for lanes to append them`)
    this.head =
      format === 'csv' ? [',', ',', '\n'] : [`,${JSON.stringify(from.name)}:`, `,${JSON.stringify(to.name)}:`, '}\n']
    const empty = format === 'csv' ? '' : 'null'
    this.emptyTail = ascii(this.head[0] + empty + this.head[1] + empty + this.head[2])
    this.digits = Uint8Array.from(book.accounts, (a) => currencyByCode[a.currency]?.minorDigits ?? 2)
  }

  /**
   * Background rows [k0, k1) of an encoded range (bytes from `start`, row k ending at ends[k]) booked into `run`,
   * returned with their balance cells. `after`, when given, gets each row's two balances too (NaN for none).
   */
  patch(
    bytes: Uint8Array,
    ends: Float64Array,
    legs: LegColumns,
    after: BalanceColumns | undefined,
    k0: number,
    k1: number,
    run: RunningLedger,
  ): Uint8Array {
    if (k1 <= k0) return new Uint8Array(0)
    const start = k0 === 0 ? 0 : ends[k0 - 1]
    // A tail grows by at most two 20-digit numbers and the JSON keys' share over the empty one: 64 bytes a row.
    const out = new Uint8Array(ends[k1 - 1] - start + (k1 - k0) * 64 + 256)
    const empty = this.emptyTail
    const bal = run.balance
    let p = 0
    let rowStart = start
    for (let k = k0; k < k1; k++) {
      const body = ends[k] - empty.length
      if (!endsWith(bytes, ends[k], empty))
        throw new EngineError('a lane row does not end with empty balance cells: lanes must encode the same table')
      // A loop, not out.set(bytes.subarray(…)): a view object per row of ~150 bytes cost more than the copy.
      for (let i = rowStart; i < body; i++) out[p++] = bytes[i]
      rowStart = ends[k]
      const from = legs.from[k]
      const to = legs.to[k]
      const fromAfter = from < 0 ? null : (bal[from] -= legs.debit[k])
      const toAfter = to < 0 ? null : (bal[to] += legs.credit[k])
      if (after) {
        after.from[k] = fromAfter ?? NaN
        after.to[k] = toAfter ?? NaN
      }
      if (out.length - p < 128) throw new EngineError('balance tails overflowed their buffer')
      p = this.put(out, p, this.head[0])
      if (fromAfter !== null) p = minorAt(out, p, fromAfter, this.digits[from])
      else if (this.head[2] !== '\n') p = this.put(out, p, 'null')
      p = this.put(out, p, this.head[1])
      if (toAfter !== null) p = minorAt(out, p, toAfter, this.digits[to])
      else if (this.head[2] !== '\n') p = this.put(out, p, 'null')
      p = this.put(out, p, this.head[2])
    }
    return out.subarray(0, p)
  }

  private put(out: Uint8Array, p: number, s: string): number {
    for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i)
    return p
  }
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0))
}

function endsWith(bytes: Uint8Array, end: number, tail: Uint8Array): boolean {
  const at = end - tail.length
  for (let i = 0; i < tail.length; i++) if (bytes[at + i] !== tail[i]) return false
  return true
}
