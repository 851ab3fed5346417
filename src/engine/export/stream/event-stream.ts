import { validateConfig } from '../../config/validate.ts'
import { ConfigError } from '../../errors.ts'
import { tables, type TableName } from '../../model/schema.ts'
import { buildBackground } from '../../orchestrator/background.ts'
import { injectPatterns } from '../../orchestrator/inject.ts'
import { buildTableSources } from '../../orchestrator/table-sources.ts'
import { patternRegistry } from '../../patterns/registry.ts'
import { jsonRowEncoder } from '../cells.ts'

type Row = Record<string, unknown>

/** One event of the live stream: its table, its time (UTC seconds) and its JSON line (with a `table` field, no newline). */
export interface StreamEvent {
  readonly table: TableName
  readonly time: number
  readonly line: string
}

/** The event tables in merge order (ties in time go to the earlier table) and the field that dates each row. */
const EVENT_TIME = {
  transactions: 'timestamp',
  communications: 'timestamp',
  trades: 'timestamp',
  travels: 'departureAt',
  documents: 'issuedAt',
  access_events: 'timestamp',
} as const satisfies Partial<Record<TableName, string>>

export const streamTables = [...(Object.keys(EVENT_TIME) as (keyof typeof EVENT_TIME)[]), 'document_lines'] as const

interface Head {
  readonly table: keyof typeof EVENT_TIME
  readonly rows: Iterator<unknown>
  readonly encode: (row: Row) => string
  row: Row | null
  time: number
}

/**
 * Every event table merged in event-time order, for replay into a streaming detector: each table's rows are
 * already time-ordered, so a k-way merge of the six keeps the whole stream ordered. A document's lines follow it
 * at its time. Lazy: rows are generated as the consumer pulls, so a consumer that stops early stops the work.
 * Same config, same lines in the same order.
 */
export function* streamEvents(input: unknown, signal?: AbortSignal): Generator<StreamEvent> {
  const checked = validateConfig(input)
  if (!checked.ok) throw new ConfigError(checked.issues)
  const config = checked.config
  const bg = buildBackground(config)
  const injected = injectPatterns(bg.root, bg.world, config, bg.codecs, patternRegistry, signal)
  const sources = buildTableSources(bg, injected, config.counts)
  const prefix = (t: TableName) => `{"table":${JSON.stringify(t)},`
  const encoder = (t: TableName) => {
    const encode = jsonRowEncoder(tables[t])
    const head = prefix(t)
    return (row: Row) => head + encode(row).slice(1)
  }
  const heads: Head[] = (Object.keys(EVENT_TIME) as (keyof typeof EVENT_TIME)[]).map((table) => ({
    table,
    rows: sources[table].rows()[Symbol.iterator](),
    encode: encoder(table),
    row: null,
    time: 0,
  }))
  const advance = (h: Head) => {
    const next = h.rows.next()
    h.row = next.done ? null : (next.value as Row)
    h.time = h.row ? (h.row[EVENT_TIME[h.table]] as number) : Infinity
  }
  heads.forEach(advance)
  const lines = sources.document_lines.rows()[Symbol.iterator]()
  const encodeLine = encoder('document_lines')
  let n = 0
  for (;;) {
    let best: Head | null = null
    for (const h of heads) if (h.row && (!best || h.time < best.time)) best = h
    if (!best) return
    const row = best.row as Row
    yield { table: best.table, time: best.time, line: best.encode(row) }
    if (best.table === 'documents')
      for (let i = 0; i < (row.lineCount as number); i++) {
        const line = lines.next()
        if (line.done) break
        yield { table: 'document_lines', time: best.time, line: encodeLine(line.value as Row) }
      }
    advance(best)
    if (++n % 4096 === 0) signal?.throwIfAborted()
  }
}
