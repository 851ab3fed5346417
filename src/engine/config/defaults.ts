import { patternSpecs, type PatternKind } from '../patterns/specs.ts'
import { countKeys, countParams, DEFAULT_SEED, DEFAULT_START_DATE, generalParams } from './general.ts'
import { defaultsOf } from './params.ts'
import { CONFIG_VERSION, patternKinds, type Counts, type PatternConfig, type ResolvedConfig } from './schema.ts'

/** Instances per kind in the default config (what the UI and the CLI start from). A config file never inherits it. */
export const DEFAULT_PATTERN_COUNT = 2

export function defaultCounts(): Counts {
  return Object.fromEntries(countKeys.map((k) => [k, countParams[k].default])) as Counts
}

function patternsWith(count: number): ResolvedConfig['patterns'] {
  const patterns = {} as Record<PatternKind, PatternConfig>
  for (const kind of patternKinds) patterns[kind] = { count, params: defaultsOf(patternSpecs[kind].params) }
  return patterns as ResolvedConfig['patterns']
}

/** The starting point people edit: every kind written out, with DEFAULT_PATTERN_COUNT instances each. */
export function defaultConfig(): ResolvedConfig {
  return { ...emptyConfig(), patterns: patternsWith(DEFAULT_PATTERN_COUNT) }
}

/** What an empty config file means: default settings and counts, and no pattern instances. */
export function emptyConfig(): ResolvedConfig {
  return {
    version: CONFIG_VERSION,
    seed: DEFAULT_SEED,
    startDate: DEFAULT_START_DATE,
    durationDays: generalParams.durationDays.default,
    counts: defaultCounts(),
    patterns: patternsWith(0),
  }
}
