import type { FileWriter } from '../export/file-writer.ts'
import type { TransactionStream } from '../generators/events/transaction-legs.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { RunningLedger, type LedgerBook } from './ledger.ts'
import { CHUNK_ROWS } from './phases.ts'

/**
 * Background transaction rows [from, to) merged with `extra` as bookedRows merges them, booked in that order from
 * `start` (copied) and written as CSV: background rows by the stream's cursor straight into `file` (no row object,
 * no string per cell), injected rows by `writeRow`. The same bytes as writing bookedRows' rows. `observe` reads every
 * row after it is written, background rows as the cursor's view (readers that read in place). Returns the rows.
 */
export async function writeBookedCsv(
  stream: TransactionStream,
  from: number,
  to: number,
  extra: readonly Transaction[],
  book: LedgerBook,
  start: Float64Array,
  file: FileWriter,
  writeRow: (row: Record<string, unknown>) => Promise<void> | void,
  report: (rows: number) => void,
  observe?: (row: unknown) => void,
): Promise<number> {
  const run = new RunningLedger(book, start.slice())
  const balance = run.balance
  let n = 0
  let j = 0
  const writeExtra = async () => {
    const row = extra[j++]
    run.stamp(row)
    await writeRow(row as unknown as Record<string, unknown>)
    observe?.(row)
    if (++n % CHUNK_ROWS === 0) report(n)
  }
  const cursor = to > from ? stream.cursor() : null
  for (let i = from; i < to && cursor; i++) {
    const t = cursor.load(i)
    while (j < extra.length && extra[j].timestamp < t) await writeExtra()
    cursor.csv(file, balance)
    observe?.(cursor.view)
    const pending = file.drain()
    if (pending) await pending
    if (++n % CHUNK_ROWS === 0) report(n)
  }
  while (j < extra.length) await writeExtra()
  return n
}
