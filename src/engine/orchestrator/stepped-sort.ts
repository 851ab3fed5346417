import { idOrderSteps } from './id-radix-sort.ts'

/** Rows sorted or merged between the points where a stepped sort yields. */
export const SORT_STEP_ROWS = 32_768

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * A copy of `rows` sorted by id, built in steps (runs sorted one at a time, then merged pairwise) that yield the
 * rows done so far, so sorting a million entities never blocks the host for long. Ids are unique, so the order
 * is exactly that of one `Array.prototype.sort` by id.
 */
export function* sortByIdSteps<T extends { id: string }>(rows: readonly T[]): Generator<number, T[], void> {
  // Our own ids (one prefix, fixed digits) sort as numbers, several times faster than comparing strings.
  const order = yield* idOrderSteps(rows)
  if (order) {
    const out: T[] = new Array(rows.length)
    for (let i = 0; i < order.length; i++) out[i] = rows[order[i]]
    return out
  }
  return yield* mergeSortSteps(rows)
}

/** The general case: runs sorted one at a time by comparing id strings, then merged pairwise. */
function* mergeSortSteps<T extends { id: string }>(rows: readonly T[]): Generator<number, T[], void> {
  let runs: T[][] = []
  for (let at = 0; at < rows.length; at += SORT_STEP_ROWS) {
    runs.push(rows.slice(at, at + SORT_STEP_ROWS).sort(byId))
    yield Math.min(at + SORT_STEP_ROWS, rows.length)
  }
  while (runs.length > 1) {
    const next: T[][] = []
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]
      const b = runs[r + 1]
      if (!b) {
        next.push(a)
        continue
      }
      const out: T[] = new Array(a.length + b.length)
      let i = 0
      let j = 0
      let k = 0
      while (i < a.length && j < b.length) {
        out[k++] = byId(a[i], b[j]) <= 0 ? a[i++] : b[j++]
        if (k % SORT_STEP_ROWS === 0) yield k
      }
      while (i < a.length) out[k++] = a[i++]
      while (j < b.length) out[k++] = b[j++]
      next.push(out)
      yield k
    }
    runs = next
  }
  return runs[0] ?? []
}
