import { parseConfig } from '../../config/validate.ts'
import { timeReader } from '../../model/field.ts'
import { tableNames, tables, type TableName } from '../../model/schema.ts'
import { buildBackground } from '../../orchestrator/background.ts'
import { injectPatterns } from '../../orchestrator/inject.ts'
import { buildTableSources } from '../../orchestrator/table-sources.ts'
import { ledgerSteps, withLedger } from '../../orchestrator/ledger-step.ts'
import { runSteps } from '../../orchestrator/steps.ts'
import { patternRegistry } from '../../patterns/registry.ts'
import { jsonRowEncoder } from '../cells.ts'

type Row = Record<string, unknown>

/** One event of the live stream: its table, its time (UTC seconds) and its JSON line (with a `table` field, no newline). */
export interface StreamEvent {
  readonly table: TableName
  readonly time: number
  readonly line: string
}

/** The tables that declare a time field, in output order: the merge order (ties in time go to the earlier table). */
const timedTables = tableNames.filter((t) => tables[t].time !== null)

/** What the stream carries: every timed table, plus document lines, which follow their document. */
export const streamTables: readonly TableName[] = [...timedTables, 'document_lines']

interface Head {
  readonly table: TableName
  readonly rows: Iterator<unknown>
  readonly encode: (row: Row) => string
  readonly time: (row: unknown) => number
  row: Row | null
  at: number
}

/**
 * Every event table merged in event-time order, for replay into a streaming detector: each table's rows are
 * already time-ordered, so a k-way merge of the six keeps the whole stream ordered. A document's lines follow it
 * at its time. Lazy: rows are generated as the consumer pulls, so a consumer that stops early stops the work.
 * Same config, same lines in the same order.
 */
export function* streamEvents(input: unknown, signal?: AbortSignal): Generator<StreamEvent> {
  const config = parseConfig(input)
  const bg = buildBackground(config)
  const injected = injectPatterns(bg.root, bg.world, config, bg.codecs, patternRegistry, signal)
  // The same ledger as a run's: balances on every transaction, from the planned opening balances.
  const built = buildTableSources(bg, injected, config.counts)
  const sources = withLedger(built, runSteps(ledgerSteps(bg, injected, built, null, true)))
  const prefix = (t: TableName) => `{"table":${JSON.stringify(t)},`
  const encoder = (t: TableName) => {
    const encode = jsonRowEncoder(tables[t])
    const head = prefix(t)
    return (row: Row) => head + encode(row).slice(1)
  }
  const heads: Head[] = timedTables.map((table) => ({
    table,
    rows: sources[table].rows()[Symbol.iterator](),
    encode: encoder(table),
    time: timeReader(tables[table]),
    row: null,
    at: 0,
  }))
  const advance = (h: Head) => {
    const next = h.rows.next()
    h.row = next.done ? null : (next.value as Row)
    h.at = h.row ? h.time(h.row) : Infinity
  }
  heads.forEach(advance)
  const lines = sources.document_lines.rows()[Symbol.iterator]()
  const encodeLine = encoder('document_lines')
  let n = 0
  for (;;) {
    let best: Head | null = null
    for (const h of heads) if (h.row && (!best || h.at < best.at)) best = h
    if (!best) return
    const row = best.row as Row
    yield { table: best.table, time: best.at, line: best.encode(row) }
    if (best.table === 'documents')
      for (let i = 0; i < (row.lineCount as number); i++) {
        const line = lines.next()
        if (line.done) break
        yield { table: 'document_lines', time: best.at, line: encodeLine(line.value as Row) }
      }
    advance(best)
    if (++n % 4096 === 0) signal?.throwIfAborted()
  }
}
