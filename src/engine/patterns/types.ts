import type { ConfigIssue } from '../config/issues.ts'
import type { ParamDescriptors, ParamValues } from '../config/params.ts'
import type { Counts } from '../config/general.ts'
import type { DifficultyKnobs } from '../config/difficulty.ts'
import type { Id } from '../model/ids.ts'
import type { SimClock } from '../model/time.ts'
import type { Rng } from '../random/rng.ts'
import type { World } from '../model/world.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { AccessEvent } from '../model/tables/access-events.ts'
import type { Communication } from '../model/tables/communications.ts'
import type { Company } from '../model/tables/companies.ts'
import type { DocumentLine, DocumentRow } from '../model/tables/documents.ts'
import type { Ownership } from '../model/tables/ownership.ts'
import type { PatternMember, PatternRow } from '../model/tables/patterns.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Trade } from '../model/tables/trades.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import type { Travel } from '../model/tables/travels.ts'

/** Tables a pattern may add rows to. Entity rows become members through `members`; event rows carry the label. */
export interface PatternRows {
  persons: Person[]
  companies: Company[]
  accounts: Account[]
  ownership: Ownership[]
  transactions: Transaction[]
  communications: Communication[]
  trades: Trade[]
  travels: Travel[]
  documents: DocumentRow[]
  document_lines: DocumentLine[]
  access_events: AccessEvent[]
}

export type PatternTable = keyof PatternRows

/** Allocates ids inside this instance's own stream, so they never shift when another pattern changes. */
export interface InstanceIds {
  next<T extends PatternTable>(table: T): Id<T>
}

export interface InjectContext {
  /** This instance's own stream: draw only from it. */
  readonly rng: Rng
  /** The background population, read-only. */
  readonly world: World
  readonly clock: SimClock
  /** This instance's `PAT-` id; put it in `patternId` of every event row. */
  readonly patternId: string
  readonly ids: InstanceIds
  /** The run's difficulty knobs (config/difficulty.ts): how far to blend amounts, spread timing, shrink rings. */
  readonly knobs: DifficultyKnobs
}

/**
 * A member as a pattern names it; injection adds the instance and the member's target (`isSuspicious`). `unwitting`:
 * a party the scheme used without its knowledge (a victim who paid, a bystander business that was paid, staff
 * paid from laundered funds): ground truth, not a detection target.
 */
export type Member = Omit<PatternMember, 'patternId' | 'isSuspicious'> & { readonly unwitting?: boolean }

export interface PatternOutput {
  readonly subtype: string
  readonly members: readonly Member[]
  readonly rows: Partial<PatternRows>
  /** Currency and amount the narrative talks about (null for patterns that move no money). */
  readonly currency: string | null
  readonly totalMinor: number | null
  readonly narrative: string
}

/** What a pattern's validator may see of the config: the population's counts and the window's length. */
export interface RunShape {
  readonly counts: Readonly<Counts>
  readonly durationDays: number
}

/**
 * What configuration needs of a pattern: plain data plus a validator. Kept apart from `inject` so the page's
 * validator (config/*) bundles no generator code.
 */
export interface PatternSpec<TKind extends string = string, TParams extends ParamDescriptors = ParamDescriptors> {
  readonly kind: TKind
  /**
   * Id stream slot, fixed forever (never renumber): instance i uses stream 1 + slot × 4096 + i, so its rows' ids
   * depend only on its own kind and index. Built-in kinds hold 0–8; 9–15 are free for custom kinds.
   */
  readonly slot: number
  readonly label: string
  /** One sentence for the data dictionary, the UI and the CLI help. */
  readonly description: string
  readonly params: TParams
  /** Cross-field checks against the population (e.g. more smurfs than persons). Per-field bounds are checked from `params`. */
  validate?(params: ParamValues<TParams>, shape: RunShape): ConfigIssue[]
}

export interface PatternDefinition<
  TKind extends string = string,
  TParams extends ParamDescriptors = ParamDescriptors,
> extends PatternSpec<TKind, TParams> {
  /** Pure: draws only from ctx.rng, reads ctx.world, returns new rows and the ground truth. */
  inject(ctx: InjectContext, params: ParamValues<TParams>): PatternOutput
}

/** Identity helpers so TypeScript infers the parameter types from the descriptors. */
export function definePatternSpec<const TKind extends string, const TParams extends ParamDescriptors>(
  spec: PatternSpec<TKind, TParams>,
): PatternSpec<TKind, TParams> {
  return spec
}

export function definePattern<const TKind extends string, const TParams extends ParamDescriptors>(
  def: PatternDefinition<TKind, TParams>,
): PatternDefinition<TKind, TParams> {
  return def
}

/**
 * A benign look-alike of a pattern kind: ordinary activity that trips the classic rule of the kind it `resembles`
 * (cash-heavy shops near the threshold, households sharing a phone, …). Its instances are ground-truth rows with
 * `is_suspicious = false`, so a detector's false positives can be counted. It gets the resembled kind's params
 * (the same threshold, the same window) and runs in its own stream: the resembled kind's slot, indices from
 * LOOKALIKE_BASE up. One look-alike per resembled kind (its subtypes cover the variants).
 */
export interface LookalikeDefinition<TParams extends ParamDescriptors = ParamDescriptors> {
  readonly kind: string
  readonly resembles: string
  readonly label: string
  readonly description: string
  inject(ctx: InjectContext, params: ParamValues<TParams>): PatternOutput
}

export function defineLookalike<const TParams extends ParamDescriptors>(
  _resembled: PatternSpec<string, TParams>,
  def: LookalikeDefinition<TParams>,
): LookalikeDefinition<TParams> {
  return def
}

export type AnyLookalike = LookalikeDefinition<ParamDescriptors>

/** Any pattern's spec or definition, whatever its parameters: what registries and the engine's loops hold. */
export type AnyPatternSpec = PatternSpec<string, ParamDescriptors>
export type AnyPattern = PatternDefinition<string, ParamDescriptors>

/** The pattern kinds a config may name, by kind: the built-in specs, plus any a library user registers. */
export type PatternSpecSet = Readonly<Record<string, AnyPatternSpec>>

/** Every instance's rows, ground-truth rows and members, merged: what injection hands to the table sources. */
export interface Injected {
  readonly rows: PatternRows
  readonly patterns: PatternRow[]
  readonly members: PatternMember[]
}
