import type { ParamValues } from './params.ts'
import { patternSpecs, type PatternKind } from '../patterns/specs.ts'
import type { Counts } from './general.ts'
import type { Difficulty, DifficultyKnobs } from './difficulty.ts'

export type { Counts }

/**
 * The config format's version. A file says which version it was written for; the meaning of a version never
 * changes (a kind missing from a file is 0 instances, so registering a new kind leaves old files' bytes alone).
 */
export const CONFIG_VERSION = 1

/** Each kind's parameter values, typed from its descriptors. */
export type PatternParams = { -readonly [K in PatternKind]: ParamValues<(typeof patternSpecs)[K]['params']> }

export interface PatternConfig<K extends PatternKind = PatternKind> {
  count: number
  params: PatternParams[K]
}

/** A kind registered from outside the engine (see `createEngine`): its params checked against its own descriptors. */
export interface CustomPatternConfig {
  count: number
  params: Record<string, string | number>
}

export type PatternConfigs = { [K in PatternKind]: PatternConfig<K> } & Record<string, CustomPatternConfig>

/** A config with every default filled in: what the engine runs and what the manifest records. */
export interface ResolvedConfig {
  version: typeof CONFIG_VERSION
  seed: number | string
  startDate: string
  durationDays: number
  counts: Counts
  patterns: PatternConfigs
  /** Sets the knobs together (config/difficulty.ts). */
  difficulty: Difficulty
  /** Knobs set on their own, over the difficulty's preset: only those the user gave. */
  difficultyKnobs: Partial<DifficultyKnobs>
  /** Target share of suspicious transactions; null uses the pattern counts as given. */
  prevalence: number | null
}

declare const validated: unique symbol

/**
 * A config `validateConfig` accepted. Only validation makes one, once at each boundary (page, worker entry, CLI);
 * everything behind it trusts it and checks nothing again.
 */
export type ValidConfig = ResolvedConfig & { readonly [validated]: true }

/** What users write: any key may be left out. A pattern kind or count left out means no instances. */
export interface InputConfig {
  version?: number
  seed?: number | string
  startDate?: string
  durationDays?: number
  counts?: Partial<Counts>
  patterns?: Record<string, { count?: number; params?: Record<string, string | number> }>
  difficulty?: string
  difficultyKnobs?: Record<string, number>
  prevalence?: number | null
}

export const patternKinds = Object.keys(patternSpecs) as PatternKind[]

/**
 * The config as a manifest records it: kinds with no instances are left out (that is what leaving a kind out
 * means), so registering a new kind does not change the manifest of a config written before it.
 */
export function recordedConfig(config: ResolvedConfig): ResolvedConfig {
  const patterns = Object.fromEntries(Object.entries(config.patterns).filter(([, p]) => p.count > 0))
  return { ...config, patterns: patterns as ResolvedConfig['patterns'] }
}
