import { patternSpecs } from '../patterns/specs.ts'
import type { PatternSpecSet } from '../patterns/types.ts'
import { countKeys, countParams, DEFAULT_SEED, DEFAULT_START_DATE, generalParams } from './general.ts'
import { DEFAULT_DIFFICULTY } from './difficulty.ts'
import { defaultsOf } from './params.ts'
import { CONFIG_VERSION, type Counts, type CustomPatternConfig, type ResolvedConfig } from './schema.ts'

/** Instances per kind in the default config (the page's dense first view). A config file never inherits it. */
export const DEFAULT_PATTERN_COUNT = 2

/**
 * Suspicious share of transactions in the dataset `fincrime-synth generate` writes without a config file: about
 * 1 in 1,000, like SAML-D (0.10 %) and AMLworld HI-Small (1 in 981), so a model sees labels as rare as a bank's.
 */
export const DATASET_PREVALENCE = 0.001

/**
 * Counts of that dataset (the medium config of bench/quality): the smallest round size at which 0.1 % of the
 * transactions (about 200) still holds an instance of every kind, each kind adding 10–40 suspicious transactions.
 */
export const DATASET_COUNTS: Counts = {
  persons: 10_000,
  companies: 2_000,
  accounts: 20_000,
  transactions: 200_000,
  communications: 20_000,
  trades: 10_000,
  travels: 5_000,
  documents: 10_000,
  accessEvents: 50_000,
}

export function defaultCounts(): Counts {
  return Object.fromEntries(countKeys.map((k) => [k, countParams[k].default])) as Counts
}

function patternsWith(count: number, specs: PatternSpecSet): ResolvedConfig['patterns'] {
  const patterns: Record<string, CustomPatternConfig> = {}
  for (const [kind, spec] of Object.entries(specs)) patterns[kind] = { count, params: defaultsOf(spec.params) }
  // Built from the specs themselves, so each built-in kind's params are its own descriptors' defaults.
  return patterns as ResolvedConfig['patterns']
}

/**
 * The page's first view (the "Dense demo" preset): a small population with DEFAULT_PATTERN_COUNT instances of every
 * kind written out, about 1 in 20 transactions suspicious, quick to generate and to explore.
 */
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

/**
 * What `fincrime-synth generate` writes without a config file: DATASET_COUNTS with every kind in an equal mix and
 * the prevalence target DATASET_PREVALENCE choosing how many instances (about two of each at this size).
 */
export function datasetConfig(specs: PatternSpecSet = patternSpecs): ResolvedConfig {
  return { ...defaultConfig(specs), counts: { ...DATASET_COUNTS }, prevalence: DATASET_PREVALENCE }
}
