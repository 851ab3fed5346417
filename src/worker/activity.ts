/** Event tables and the column that dates each row, as the CSV files name them. */
const DATED: readonly (readonly [string, string])[] = [
  ['transactions.csv', 'timestamp'],
  ['communications.csv', 'timestamp'],
  ['trades.csv', 'timestamp'],
  ['access_events.csv', 'timestamp'],
  ['documents.csv', 'issued_at'],
  ['travels.csv', 'departure_at'],
]

const DAY_MS = 86_400_000
const QUOTE = 0x22
const COMMA = 0x2c
const NEWLINE = 0x0a

/** Events per time bin across the window: labelled (a pattern's rows) apart from background. */
export interface Activity {
  readonly startMs: number
  readonly binDays: number
  readonly labelled: readonly number[]
  readonly background: readonly number[]
}

/**
 * Counts every dated event row of a run by day, straight from the CSV bytes the worker already holds (so nothing is
 * regenerated and no rows cross to the page). A small RFC 4180 state machine: quoted cells may hold commas and line
 * breaks, so splitting lines on commas would miscount.
 */
export function activityHistogram(
  files: ReadonlyMap<string, readonly Uint8Array[]>,
  startMs: number,
  days: number,
): Activity {
  const binDays = days <= 120 ? 1 : 7
  const bins = Math.max(1, Math.ceil(days / binDays))
  const labelled = new Array<number>(bins).fill(0)
  const background = new Array<number>(bins).fill(0)
  const dayOf = new Map<string, number>()
  const bin = (date: string) => {
    let d = dayOf.get(date)
    if (d === undefined) {
      const ms = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))
      d = Math.floor((ms - startMs) / DAY_MS)
      dayOf.set(date, d)
    }
    return Math.floor(d / binDays)
  }
  for (const [name, column] of DATED) {
    const chunks = files.get(name)
    if (!chunks) continue
    scanCsv(chunks, column, (date, isLabelled) => {
      const b = bin(date)
      if (b < 0 || b >= bins) return
      if (isLabelled) labelled[b]++
      else background[b]++
    })
  }
  return { startMs, binDays, labelled, background }
}

/** Calls `row` with the first ten characters (the date) of `column` and whether `pattern_id` is set, per data row. */
function scanCsv(chunks: readonly Uint8Array[], column: string, row: (date: string, labelled: boolean) => void): void {
  let header: string[] | null = null
  let headerText = ''
  let dateAt = -1
  let patternAt = -1
  let field = 0
  let quoted = false
  let date = ''
  let patternSet = false
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]
      if (header === null) {
        if (c === NEWLINE) {
          header = headerText.split(',')
          dateAt = header.indexOf(column)
          patternAt = header.indexOf('pattern_id')
          if (dateAt < 0 || patternAt < 0) return
        } else headerText += String.fromCharCode(c)
        continue
      }
      if (quoted) {
        if (c === QUOTE) quoted = false // a doubled quote reopens at once, which reads the same for counting
        continue
      }
      if (c === QUOTE) quoted = true
      else if (c === COMMA) field++
      else if (c === NEWLINE) {
        if (date) row(date, patternSet)
        field = 0
        date = ''
        patternSet = false
      } else if (field === dateAt && date.length < 10) date += String.fromCharCode(c)
      else if (field === patternAt) patternSet = true
    }
  }
}
