import type { TableName } from './schema.ts'

/**
 * A report computed while the rows stream out: the orchestrator feeds it every emitted row of the tables it
 * names, in output order (the rows a run writes, background and injected merged), then writes the file it makes
 * next to manifest.json and lists it there. Rows are the typed row objects (ids as strings, money in minor units,
 * times in seconds, null for empty cells), read-only. Memory is the observer's own business: keep it bounded.
 */
export interface RowObserver {
  /** The tables whose rows it reads, every row in output order, whichever thread encoded it. */
  readonly tables: readonly TableName[]
  /**
   * The fields it reads of a table's rows, where it names them: rows encoded in other threads come back holding
   * only the fields some report reads (a table it names no fields for comes back whole). Rows from this thread
   * still hold every field, so reading one not named here makes the report depend on the thread count.
   */
  readonly fields?: Partial<Readonly<Record<TableName, readonly string[]>>>
  /**
   * True when it reads each row only while `observe` runs and keeps no reference to it: then it may be handed one
   * object reused for every row (a view over columns, see RowCursor.view) instead of a row object per row.
   */
  readonly readsInPlace?: boolean
  observe(table: TableName, row: Readonly<Record<string, unknown>>): void
  /** The file it makes once every table is written (name and UTF-8 text), or null for none. */
  finish(): { readonly name: string; readonly text: string } | null
}

/** Whether every observer of `table` reads its rows in place (true when none reads it). */
export function readInPlace(observers: readonly RowObserver[], table: TableName): boolean {
  return observers.every((o) => !o.tables.includes(table) || o.readsInPlace === true)
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

/**
 * The fields of `table` that `observers` read, in the order of `all` (every field of the table), which is what
 * comes back when one of them names none.
 */
export function observedFields(
  observers: readonly RowObserver[],
  table: TableName,
  all: readonly string[],
): readonly string[] {
  const wanted = new Set<string>()
  for (const o of observers) {
    if (!o.tables.includes(table)) continue
    const named = o.fields?.[table]
    if (!named) return all
    for (const f of named) wanted.add(f)
  }
  return all.filter((f) => wanted.has(f))
}
