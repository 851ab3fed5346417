import type { PatternParams, ResolvedConfig } from '../config/schema.ts'
import type { PatternMember, PatternRow } from '../model/tables/patterns.ts'
import type { Rng } from '../random/rng.ts'
import { patternRegistry, patternStream, type PatternKind } from '../patterns/registry.ts'
import type { InjectContext, PatternOutput, PatternRows, PatternTable } from '../patterns/types.ts'
import type { Codecs } from './codecs.ts'
import type { World } from '../model/world.ts'

export interface Injected {
  readonly rows: PatternRows
  readonly patterns: PatternRow[]
  readonly members: PatternMember[]
}

export function emptyRows(): PatternRows {
  return {
    persons: [],
    companies: [],
    accounts: [],
    ownership: [],
    transactions: [],
    communications: [],
    trades: [],
    travels: [],
    documents: [],
    document_lines: [],
    access_events: [],
  }
}

/** Tables whose rows count as a pattern's events (entities, ownership and document lines do not). */
const EVENT_TABLES = ['transactions', 'communications', 'trades', 'travels', 'documents', 'access_events'] as const

function eventSpan(rows: Partial<PatternRows>): { start: number; end: number; events: number } {
  let start = Infinity
  let end = -Infinity
  let events = 0
  const see = (t: number) => {
    if (t < start) start = t
    if (t > end) end = t
  }
  for (const t of rows.transactions ?? []) see(t.timestamp)
  for (const t of rows.communications ?? []) see(t.timestamp)
  for (const t of rows.trades ?? []) see(t.timestamp)
  for (const t of rows.access_events ?? []) see(t.timestamp)
  for (const t of rows.documents ?? []) see(t.issuedAt)
  for (const t of rows.travels ?? []) {
    see(t.departureAt)
    see(t.arrivalAt)
  }
  for (const table of EVENT_TABLES) events += rows[table]?.length ?? 0
  return { start, end, events }
}

/** Each kind's injector with its own parameter type, so a kind's params reach it without a cast. */
type Injectors = { [K in PatternKind]: { inject(ctx: InjectContext, params: PatternParams[K]): PatternOutput } }
const injectors: Injectors = patternRegistry

function injectOne<K extends PatternKind>(kind: K, ctx: InjectContext, params: PatternParams[K]): PatternOutput {
  const def: Injectors[K] = injectors[kind]
  return def.inject(ctx, params)
}

/**
 * Runs every configured pattern instance. Instance i of a kind draws from its own fork and allocates ids in its
 * own stream, so changing one kind's count or parameters leaves every other instance's rows identical.
 */
export function injectPatterns(
  root: Rng,
  world: World,
  config: ResolvedConfig,
  codecs: Codecs,
  signal?: AbortSignal,
): Injected {
  const steps = injectionSteps(root, world, config, codecs, signal)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** The same injection, yielding the instances done so far after each one (a host may pause or abort there). */
export function* injectionSteps(
  root: Rng,
  world: World,
  config: ResolvedConfig,
  codecs: Codecs,
  signal?: AbortSignal,
): Generator<number, Injected, void> {
  const rows = emptyRows()
  const patterns: PatternRow[] = []
  const members: PatternMember[] = []
  for (const kind of Object.keys(patternRegistry) as PatternKind[]) {
    const { count, params } = config.patterns[kind]
    for (let i = 0; i < count; i++) {
      signal?.throwIfAborted()
      const stream = patternStream(kind, i)
      const patternId = codecs.patterns.id(0, stream)
      const counters = new Map<PatternTable, number>()
      const ids = {
        next(table: PatternTable) {
          const n = counters.get(table) ?? 0
          counters.set(table, n + 1)
          return codecs[table].id(stream, n)
        },
      }
      const out = injectOne(
        kind,
        { rng: root.fork(`pattern:${kind}:${i}`), world, clock: world.clock, patternId, ids },
        params,
      )
      const span = eventSpan(out.rows)
      for (const table of Object.keys(out.rows) as PatternTable[]) {
        const list = out.rows[table] as unknown[] | undefined
        if (list) (rows[table] as unknown[]).push(...list)
      }
      for (const m of out.members) members.push({ patternId, ...m })
      patterns.push({
        id: patternId,
        kind,
        subtype: out.subtype,
        start: Number.isFinite(span.start) ? span.start : world.clock.start,
        end: Number.isFinite(span.end) ? span.end : world.clock.start,
        currency: out.currency,
        totalAmount: out.totalMinor,
        memberCount: out.members.length,
        eventCount: span.events,
        params: JSON.stringify(params),
        narrative: out.narrative,
      })
      yield patterns.length
    }
  }
  return { rows, patterns, members }
}
