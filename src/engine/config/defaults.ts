import { patternSpecs } from '../patterns/specs.ts'
import type { PatternSpecSet } from '../patterns/types.ts'
import { countKeys, countParams, DEFAULT_SEED, DEFAULT_START_DATE, generalParams } from './general.ts'
import { DEFAULT_DIFFICULTY } from './difficulty.ts'
import { defaultsOf } from './params.ts'
import { CONFIG_VERSION, type Counts, type CustomPatternConfig, type ResolvedConfig } from './schema.ts'

/** Instances per kind in the default config (what the UI and the CLI start from). A config file never inherits it. */
export const DEFAULT_PATTERN_COUNT = 2

export function defaultCounts(): Counts {
  return Object.fromEntries(countKeys.map((k) => [k, countParams[k].default])) as Counts
}

function patternsWith(count: number, specs: PatternSpecSet): ResolvedConfig['patterns'] {
  const patterns: Record<string, CustomPatternConfig> = {}
  for (const [kind, spec] of Object.entries(specs)) patterns[kind] = { count, params: defaultsOf(spec.params) }
  // Built from the specs themselves, so each built-in kind's params are its own descriptors' defaults.
  return patterns as ResolvedConfig['patterns']
}

/** The starting point people edit: every kind written out, with DEFAULT_PATTERN_COUNT instances each. */
export function defaultConfig(specs: PatternSpecSet = patternSpecs): ResolvedConfig {
  return { ...emptyConfig(specs), patterns: patternsWith(DEFAULT_PATTERN_COUNT, specs) }
}

/** What an empty config file means: default settings and counts, and no pattern instances. */
export function emptyConfig(specs: PatternSpecSet = patternSpecs): ResolvedConfig {
  return {
    version: CONFIG_VERSION,
    seed: DEFAULT_SEED,
    startDate: DEFAULT_START_DATE,
    durationDays: generalParams.durationDays.default,
    counts: defaultCounts(),
    patterns: patternsWith(0, specs),
    difficulty: DEFAULT_DIFFICULTY,
    difficultyKnobs: {},
    prevalence: null,
  }
}
