import { patternSpecs, type PatternKind } from '../patterns/specs.ts'
import { countKeys, countParams, DEFAULT_SEED, DEFAULT_START_DATE, generalParams } from './general.ts'
import { defaultsOf } from './params.ts'
import { patternKinds, type Counts, type PatternConfig, type ResolvedConfig } from './schema.ts'

export const DEFAULT_PATTERN_COUNT = 2

export function defaultCounts(): Counts {
  return Object.fromEntries(countKeys.map((k) => [k, countParams[k].default])) as Counts
}

export function defaultConfig(): ResolvedConfig {
  const patterns = {} as Record<PatternKind, PatternConfig>
  for (const kind of patternKinds) {
    patterns[kind] = {
      count: DEFAULT_PATTERN_COUNT,
      params: defaultsOf(patternSpecs[kind].params) as Record<string, string | number>,
    }
  }
  return {
    seed: DEFAULT_SEED,
    startDate: DEFAULT_START_DATE,
    durationDays: generalParams.durationDays.default,
    counts: defaultCounts(),
    patterns,
  }
}
