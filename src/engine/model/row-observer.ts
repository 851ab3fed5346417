import type { TableName } from './schema.ts'

/**
 * A report computed while the rows stream out: the orchestrator feeds it every emitted row of the tables it
 * names, in output order (the rows a run writes, background and injected merged), then writes the file it makes
 * next to manifest.json and lists it there. Rows are the typed row objects (ids as strings, money in minor units,
 * times in seconds, null for empty cells), read-only. Memory is the observer's own business: keep it bounded.
 */
export interface RowObserver {
  /** The tables whose rows it reads; the run writes these on this thread (not through lanes) so it sees every row. */
  readonly tables: readonly TableName[]
  observe(table: TableName, row: Readonly<Record<string, unknown>>): void
  /** The file it makes once every table is written (name and UTF-8 text), or null for none. */
  finish(): { readonly name: string; readonly text: string } | null
}

/** One observer that feeds each row to those of `observers` that read its table (undefined when none does). */
export function observerOf(observers: readonly RowObserver[], table: TableName): ((row: unknown) => void) | undefined {
  const reading = observers.filter((o) => o.tables.includes(table))
  if (reading.length === 0) return undefined
  if (reading.length === 1) {
    const only = reading[0]
    return (row) => only.observe(table, row as Readonly<Record<string, unknown>>)
  }
  return (row) => {
    for (const o of reading) o.observe(table, row as Readonly<Record<string, unknown>>)
  }
}
