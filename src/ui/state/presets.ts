import { datasetConfig, defaultConfig } from '../../engine/config/defaults.ts'
import type { Counts, ResolvedConfig } from '../../engine/index.ts'

export interface Preset {
  readonly id: string
  readonly label: string
  readonly description: string
  /** Builds the preset's config; the seed is kept from the current draft so a preset never silently changes it. */
  readonly build: (seed: number | string) => ResolvedConfig
}

const smallPopulation: Counts = {
  persons: 200,
  companies: 40,
  accounts: 400,
  transactions: 2_000,
  communications: 400,
  trades: 200,
  travels: 100,
  documents: 200,
  accessEvents: 1_000,
}

const bulkPopulation: Counts = {
  persons: 10_000,
  companies: 2_000,
  accounts: 20_000,
  transactions: 100_000,
  communications: 20_000,
  trades: 10_000,
  travels: 5_000,
  documents: 10_000,
  accessEvents: 50_000,
}

function withCounts(
  seed: number | string,
  counts: Counts | null,
  patternCount: (kind: string) => number,
): ResolvedConfig {
  const config = defaultConfig()
  config.seed = seed
  if (counts) config.counts = { ...counts }
  for (const [kind, pattern] of Object.entries(config.patterns)) pattern.count = patternCount(kind)
  return config
}

/** The preset the page opens with (and Reset returns to). */
export const DENSE_DEMO = 'dense-demo'

export const presets: readonly Preset[] = [
  {
    id: 'demo',
    label: 'Demo: one of each pattern',
    description: 'A small population with one instance of every pattern kind.',
    build: (seed) => withCounts(seed, smallPopulation, () => 1),
  },
  {
    id: 'structuring',
    label: 'Structuring workshop',
    description: 'Three structuring rings and nothing else, against the default population.',
    build: (seed) => withCounts(seed, null, (kind) => (kind === 'structuring' ? 3 : 0)),
  },
  {
    id: 'bulk',
    label: 'Bulk sample 100k transactions',
    description: 'A larger population, 100,000 background transactions and the default patterns.',
    build: (seed) =>
      withCounts(
        seed,
        bulkPopulation,
        (kind) => defaultConfig().patterns[kind as keyof ResolvedConfig['patterns']].count,
      ),
  },
  {
    id: DENSE_DEMO,
    label: 'Dense demo',
    description:
      'What the page opens with: 1,000 persons, 10,000 transactions and two instances of every kind (about 1 in 20 transactions suspicious).',
    build: (seed) =>
      withCounts(seed, null, (kind) => defaultConfig().patterns[kind as keyof ResolvedConfig['patterns']].count),
  },
  {
    id: 'dataset',
    label: 'CLI default dataset (0.1 %)',
    description:
      "What the CLI writes without a config file: 10,000 persons, 200,000 transactions, 0.1 % of them suspicious (as rare as in a bank's own data).",
    build: (seed) => ({ ...datasetConfig(), seed }),
  },
]

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id)
}
