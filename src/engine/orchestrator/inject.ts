import { difficultyPresets, resolveKnobs, type DifficultyKnobs } from '../config/difficulty.ts'
import type { ResolvedConfig } from '../config/schema.ts'
import type { PatternRow } from '../model/tables/patterns.ts'
import type { World } from '../model/world.ts'
import type { Rng } from '../random/rng.ts'
import { LOOKALIKE_BASE, patternStream, STREAMS_PER_KIND } from '../patterns/registry.ts'
import { lookalikeRegistry } from '../patterns/lookalikes/registry.ts'
import { paramsAtDifficulty } from '../patterns/difficulty-params.ts'
import { CAMOUFLAGE_ROLE, withCamouflage, type BackgroundRates } from '../patterns/camouflage.ts'
import type {
  AnyLookalike,
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
/** The look-alikes a run can add, by the kind they resemble. */
export type LookalikeSet = Readonly<Record<string, AnyLookalike>>

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
 * (from the kind's fixed slot), so its rows depend only on (seed, kind, index, params, knobs). A look-alike's
 * instance i uses the resembled kind's slot at index LOOKALIKE_BASE + i and a fork of its own name.
 */
export function instanceContext(
  root: Rng,
  world: World,
  codecs: Codecs,
  def: Pick<AnyPatternSpec, 'kind' | 'slot'>,
  index: number,
  knobs: DifficultyKnobs = difficultyPresets.easy,
  forkName = `pattern:${def.kind}:${index}`,
): InjectContext {
  const stream = patternStream(def.slot, index)
  const counters = new Map<PatternTable, number>()
  return {
    rng: root.fork(forkName),
    world,
    clock: world.clock,
    patternId: codecs.patterns.id(0, stream),
    knobs,
    ids: {
      next(table) {
        const n = counters.get(table) ?? 0
        counters.set(table, n + 1)
        return codecs[table].id(stream, n)
      },
    },
  }
}

interface Instance {
  readonly kind: string
  readonly resembles: string | null
  readonly ctx: InjectContext
  readonly out: PatternOutput
  readonly params: unknown
}

/** The ground-truth row for one instance: its span and event count come from the rows it added. */
function patternRow(inst: Instance): PatternRow {
  const { ctx, out } = inst
  // The instance's own events: its camouflage (an ordinary life over the whole window) is not its span.
  const span = eventSpan(out.rows, (row) => row.patternRole === CAMOUFLAGE_ROLE)
  const start = ctx.clock.start
  return {
    id: ctx.patternId,
    kind: inst.kind,
    isSuspicious: inst.resembles === null,
    resembles: inst.resembles,
    subtype: out.subtype,
    start: span.events > 0 ? span.start : start,
    end: span.events > 0 ? span.end : start,
    currency: out.currency,
    totalAmount: out.totalMinor,
    memberCount: out.members.length,
    eventCount: span.events,
    params: JSON.stringify(inst.params),
    narrative: out.narrative,
  }
}

/** Sets each event row's target: a suspicious instance's own rows are suspicious, its camouflage and every look-alike row are not. */
function labelRows(out: PatternOutput, suspicious: boolean): void {
  for (const list of Object.values(out.rows) as { patternRole?: string | null; isSuspicious?: boolean }[][]) {
    for (const row of list ?? []) {
      if (!('isSuspicious' in row) || !('patternRole' in row)) continue
      row.isSuspicious = suspicious && row.patternRole !== CAMOUFLAGE_ROLE
    }
  }
}

function collect(into: Injected, inst: Instance): void {
  const { ctx, out } = inst
  for (const table of Object.keys(out.rows) as PatternTable[]) {
    const list = out.rows[table] as unknown[] | undefined
    if (list) (into.rows[table] as unknown[]).push(...list)
  }
  const suspicious = inst.resembles === null
  for (const m of out.members)
    into.members.push({
      patternId: ctx.patternId,
      entityType: m.entityType,
      entityId: m.entityId,
      role: m.role,
      isSuspicious: suspicious && m.unwitting !== true,
    })
  labelRows(out, suspicious)
  into.patterns.push(patternRow(inst))
}

/** Suspicious transactions an instance adds (what prevalence counts). */
function suspiciousTransactions(inst: Instance): number {
  if (inst.resembles !== null) return 0
  let n = 0
  for (const t of inst.out.rows.transactions ?? []) if (t.patternRole !== CAMOUFLAGE_ROLE) n++
  return n
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
  lookalikes: LookalikeSet = lookalikeRegistry,
): Injected {
  return runSteps(injectionSteps(root, world, config, codecs, patterns, signal, lookalikes))
}

/** What an ordinary account does per day in this run's background: the rates camouflage lives at. */
function backgroundRates(config: ResolvedConfig, world: World): BackgroundRates {
  const c = config.counts
  const days = Math.max(1, config.durationDays)
  const per = (events: number, accounts: number) => (accounts > 0 ? events / accounts / days : 0)
  return {
    transactions: per(c.transactions, c.accounts),
    accessEvents: per(c.accessEvents, world.personalAccounts.length),
    trades: per(c.trades, world.investmentAccounts.length),
  }
}

/** Most instances a kind can have (suspicious or look-alike): the id stream's indices below and above LOOKALIKE_BASE. */
const MAX_PER_KIND = LOOKALIKE_BASE

/**
 * The same injection, yielding the instances done so far after each one (a host may pause or abort there).
 * Each kind's suspicious instances come first, then round(count × lookalikeRatio) look-alikes of it. With a
 * prevalence target the counts are the mix: instances are added, kind by kind in proportion, until the suspicious
 * share of all transactions is as close to the target as one more instance can bring it.
 */
export function* injectionSteps(
  root: Rng,
  world: World,
  config: ResolvedConfig,
  codecs: Codecs,
  patterns: PatternSet,
  signal?: AbortSignal,
  lookalikes: LookalikeSet = lookalikeRegistry,
): Generator<number, Injected, void> {
  const knobs = resolveKnobs(config.difficulty, config.difficultyKnobs)
  const rates = backgroundRates(config, world)
  const defs = Object.values(patterns)
  const byKind = new Map<string, Instance[]>(defs.map((d) => [d.kind, []]))
  let done = 0
  // One kind's params at this difficulty, for its instances and its look-alikes alike (the same margin, the same window).
  const paramsOf = new Map(
    defs.map((d) => [
      d.kind,
      paramsAtDifficulty(d.kind, d.params, config.patterns[d.kind]?.params ?? {}, knobs, config.durationDays),
    ]),
  )
  const suspicious = (def: AnyPattern, i: number): Instance => {
    signal?.throwIfAborted()
    const params = paramsOf.get(def.kind)!
    const ctx = instanceContext(root, world, codecs, def, i, knobs)
    return { kind: def.kind, resembles: null, ctx, out: withCamouflage(ctx, def.inject(ctx, params), rates), params }
  }
  const counts =
    config.prevalence === null
      ? defs.map((d) => Math.min(MAX_PER_KIND, config.patterns[d.kind]?.count ?? 0))
      : yield* prevalenceCounts(config, defs, byKind, suspicious, knobs.lookalikeRatio)
  for (let k = 0; k < defs.length; k++) {
    const list = byKind.get(defs[k].kind) as Instance[]
    for (let i = list.length; i < counts[k]; i++) {
      list.push(suspicious(defs[k], i))
      yield ++done
    }
  }
  const injected: Injected = { rows: emptyRows(), patterns: [], members: [] }
  for (let k = 0; k < defs.length; k++) {
    const def = defs[k]
    for (const inst of byKind.get(def.kind) as Instance[]) collect(injected, inst)
    const look = Object.hasOwn(lookalikes, def.kind) ? lookalikes[def.kind] : undefined
    const n = look ? Math.min(STREAMS_PER_KIND - LOOKALIKE_BASE, Math.round(counts[k] * knobs.lookalikeRatio)) : 0
    const params = paramsOf.get(def.kind)!
    for (let i = 0; i < n && look; i++) {
      signal?.throwIfAborted()
      const ctx = instanceContext(root, world, codecs, def, LOOKALIKE_BASE + i, knobs, `lookalike:${look.kind}:${i}`)
      const made = look.inject(ctx, params)
      // A look-alike that found nobody to be in this population is no instance at all (an empty ring in the
      // ground truth and the gallery would be noise), unlike a crime instance, which validation guarantees.
      if (made.members.length > 0) {
        const out = withCamouflage(ctx, made, rates)
        collect(injected, { kind: look.kind, resembles: def.kind, ctx, out, params })
      }
      yield ++done
    }
  }
  return injected
}

/**
 * Instance counts that bring the suspicious share of transactions closest to `config.prevalence`: kinds take
 * turns in proportion to their configured counts; look-alikes (which add benign transactions) are estimated at
 * the ratio from the instances made so far. Made instances are kept in `byKind` so none is generated twice.
 */
function* prevalenceCounts(
  config: ResolvedConfig,
  defs: readonly AnyPattern[],
  byKind: Map<string, Instance[]>,
  make: (def: AnyPattern, i: number) => Instance,
  ratio: number,
): Generator<number, number[], void> {
  const target = config.prevalence as number
  const weights = defs.map((d) => config.patterns[d.kind]?.count ?? 0)
  const made = defs.map(() => 0)
  let bad = 0
  let all = 0
  let best = 0
  let sinceBest = 0
  // Look-alikes open no accounts (no camouflage): each is sized like its kind's crime rows, not its camouflage.
  const share = (b: number, a: number) => b / Math.max(1, config.counts.transactions + a + b * ratio)
  for (let steps = 0; weights.some((w) => w > 0); steps++) {
    let k = -1
    for (let j = 0; j < defs.length; j++)
      if (weights[j] > 0 && made[j] < MAX_PER_KIND && (k < 0 || made[j] / weights[j] < made[k] / weights[k])) k = j
    if (k < 0) break
    const inst = make(defs[k], made[k])
    const add = suspiciousTransactions(inst)
    const total = inst.out.rows.transactions?.length ?? 0
    // Below the target every instance goes in (one whose camouflage outweighs its crime lowers the share for a
    // while, the next ones raise it again); the last goes in only if it lands closer to the target than we are.
    const now = share(bad, all)
    const next = share(bad + add, all + total)
    if (made.some((m) => m > 0) && (now >= target || (next > target && next - target > target - now))) break
    ;(byKind.get(defs[k].kind) as Instance[]).push(inst)
    made[k]++
    bad += add
    all += total
    yield steps + 1
    // A mix that cannot reach the target (kinds that move no money, or whose camouflage outweighs them) stops
    // once a round of every kind has not raised the share.
    if (next > best) [best, sinceBest] = [next, 0]
    else if (++sinceBest > defs.length * 2) break
  }
  return made
}
