import type { ResolvedConfig } from '../config/schema.ts'
import type { PatternRow } from '../model/tables/patterns.ts'
import type { World } from '../model/world.ts'
import type { Rng } from '../random/rng.ts'
import { patternStream } from '../patterns/registry.ts'
import type {
  AnyPattern,
  AnyPatternSpec,
  Injected,
  InjectContext,
  PatternOutput,
  PatternRows,
  PatternTable,
} from '../patterns/types.ts'
import { eventSpan } from './event-span.ts'
import type { Codecs } from './codecs.ts'
import { runSteps } from './steps.ts'

/** The patterns a run injects, by kind, in injection order. */
export type PatternSet = Readonly<Record<string, AnyPattern>>

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

/**
 * The context instance `index` of a pattern runs in: its own fork of the root stream and its own id stream
 * (from the kind's fixed slot), so its rows depend only on (seed, kind, index, params).
 */
export function instanceContext(
  root: Rng,
  world: World,
  codecs: Codecs,
  def: Pick<AnyPatternSpec, 'kind' | 'slot'>,
  index: number,
): InjectContext {
  const stream = patternStream(def.slot, index)
  const counters = new Map<PatternTable, number>()
  return {
    rng: root.fork(`pattern:${def.kind}:${index}`),
    world,
    clock: world.clock,
    patternId: codecs.patterns.id(0, stream),
    ids: {
      next(table) {
        const n = counters.get(table) ?? 0
        counters.set(table, n + 1)
        return codecs[table].id(stream, n)
      },
    },
  }
}

/** The ground-truth row for one instance: its span and event count come from the rows it added. */
function patternRow(kind: string, ctx: InjectContext, out: PatternOutput, params: unknown): PatternRow {
  const span = eventSpan(out.rows)
  const start = ctx.clock.start
  return {
    id: ctx.patternId,
    kind,
    subtype: out.subtype,
    start: span.events > 0 ? span.start : start,
    end: span.events > 0 ? span.end : start,
    currency: out.currency,
    totalAmount: out.totalMinor,
    memberCount: out.members.length,
    eventCount: span.events,
    params: JSON.stringify(params),
    narrative: out.narrative,
  }
}

function collect(into: Injected, kind: string, ctx: InjectContext, out: PatternOutput, params: unknown): void {
  for (const table of Object.keys(out.rows) as PatternTable[]) {
    const list = out.rows[table] as unknown[] | undefined
    if (list) (into.rows[table] as unknown[]).push(...list)
  }
  for (const m of out.members) into.members.push({ patternId: ctx.patternId, ...m })
  into.patterns.push(patternRow(kind, ctx, out, params))
}

/**
 * Runs every configured pattern instance. Instance i of a kind draws from its own fork and allocates ids in its
 * own stream, so changing one kind's count or parameters leaves every other instance's rows identical. A kind
 * the config does not mention has no instances.
 */
export function injectPatterns(
  root: Rng,
  world: World,
  config: ResolvedConfig,
  codecs: Codecs,
  patterns: PatternSet,
  signal?: AbortSignal,
): Injected {
  return runSteps(injectionSteps(root, world, config, codecs, patterns, signal))
}

/** The same injection, yielding the instances done so far after each one (a host may pause or abort there). */
export function* injectionSteps(
  root: Rng,
  world: World,
  config: ResolvedConfig,
  codecs: Codecs,
  patterns: PatternSet,
  signal?: AbortSignal,
): Generator<number, Injected, void> {
  const injected: Injected = { rows: emptyRows(), patterns: [], members: [] }
  for (const def of Object.values(patterns)) {
    const { count, params } = config.patterns[def.kind] ?? { count: 0, params: {} }
    for (let i = 0; i < count; i++) {
      signal?.throwIfAborted()
      const ctx = instanceContext(root, world, codecs, def, i)
      collect(injected, def.kind, ctx, def.inject(ctx, params), params)
      yield injected.patterns.length
    }
  }
  return injected
}
