/**
 * A row of a columnar table read as its row type: fields are getters on the prototype, so a spread or a structured
 * clone would copy none of them. Copy one with `plainRow` first.
 */
export abstract class RowView<T> {
  /** The row as a plain object. */
  abstract plain(): T
}

/** One view per row of a table of `length` rows, made once, so a row read twice is the same object. */
export function viewsOf<V>(length: number, View: new (index: number) => V): V[] {
  const out = new Array<V>(length)
  for (let i = 0; i < length; i++) out[i] = new View(i)
  return out
}

/** A row as a plain object a spread copies whole (a view made plain, any other row as it is). */
export function plainRow<T>(row: T): T {
  return row instanceof RowView ? (row.plain() as T) : row
}
