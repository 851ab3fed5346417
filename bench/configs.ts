import { patternKinds } from '../src/engine/config/schema.ts'
import type { InputConfig } from '../src/engine/index.ts'

const every = (count: number) => Object.fromEntries(patternKinds.map((k) => [k, { count }]))

const smallCounts = {
  persons: 1000,
  companies: 200,
  accounts: 2000,
  transactions: 10_000,
  communications: 2000,
  trades: 1000,
  travels: 500,
  documents: 1000,
  accessEvents: 0,
}
const mediumCounts = {
  persons: 10_000,
  companies: 2000,
  accounts: 20_000,
  transactions: 100_000,
  communications: 20_000,
  trades: 10_000,
  travels: 5000,
  documents: 10_000,
  accessEvents: 0,
}

/** The Python reference's small and medium sizes (no access events: it has none), plus a large streaming run. */
export const benchConfigs: Record<string, { config: InputConfig; format: 'csv' | 'json'; runs: number; note: string }> =
  {
    small: {
      config: { seed: 42, counts: smallCounts, patterns: every(2) },
      format: 'csv',
      runs: 5,
      note: 'reference small: Python 8.1 s (JSON)',
    },
    'small-json': {
      config: { seed: 42, counts: smallCounts, patterns: every(2) },
      format: 'json',
      runs: 5,
      note: 'same, dataset.json',
    },
    medium: {
      config: { seed: 42, counts: mediumCounts, patterns: every(2) },
      format: 'csv',
      runs: 3,
      note: 'reference medium: Python 76 s (JSON)',
    },
    'medium-no-patterns': {
      config: { seed: 42, counts: mediumCounts, patterns: every(0) },
      format: 'csv',
      runs: 3,
      note: 'medium without patterns',
    },
    'medium-50-each': {
      config: { seed: 42, counts: mediumCounts, patterns: every(50) },
      format: 'csv',
      runs: 3,
      note: 'medium with 50 instances of each pattern kind',
    },
    large: {
      config: {
        seed: 42,
        counts: {
          persons: 100_000,
          companies: 20_000,
          accounts: 200_000,
          transactions: 10_000_000,
          communications: 100_000,
          trades: 50_000,
          travels: 20_000,
          documents: 50_000,
          accessEvents: 200_000,
        },
        patterns: every(2),
      },
      format: 'csv',
      runs: 1,
      note: '10M transactions streamed to disk',
    },
  }
