import { tables } from '../model/schema.ts'
import type { PatternRows, PatternTable } from '../patterns/types.ts'

/** Tables whose rows are a pattern's events: those with a time field (entities, ownership and document lines have none). */
export const eventTables = (Object.keys(tables) as PatternTable[]).filter((t) => tables[t].time !== null)

/** First and last instant of a pattern's event rows, and how many there are; `skip` leaves rows out (camouflage). */
export function eventSpan(
  rows: Partial<PatternRows>,
  skip: (row: Record<string, unknown>) => boolean = () => false,
): { start: number; end: number; events: number } {
  let start = Infinity
  let end = -Infinity
  let events = 0
  for (const name of eventTables) {
    const { time, until } = tables[name]
    for (const row of (rows[name] ?? []) as readonly Record<string, unknown>[]) {
      if (skip(row)) continue
      events++
      for (const field of until ? [time, until] : [time]) {
        const t = row[field as string] as number
        if (t < start) start = t
        if (t > end) end = t
      }
    }
  }
  return { start, end, events }
}
