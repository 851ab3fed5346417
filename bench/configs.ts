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
export interface BenchSpec {
  config: InputConfig
  format: 'csv' | 'json'
  runs: number
  note: string
  /** Lane threads for this case (default: the CLI's default, or LANES=n). */
  threads?: number
  /** Left out of a bare `npm run bench` (too big for every run); name it to run it. */
  onlyByName?: boolean
}

const noEvents = {
  transactions: 0,
  communications: 0,
  trades: 0,
  travels: 0,
  documents: 0,
  accessEvents: 0,
}
/** The peer's second size: 222k accounts, 2M transactions, little else. */
const txn2m = {
  persons: 100_000,
  companies: 11_000,
  accounts: 222_000,
  transactions: 2_000_000,
  communications: 0,
  trades: 0,
  travels: 0,
  documents: 0,
  accessEvents: 0,
}
/** Transactions alone over a small population: the row path's cost per row, with little else in the run. */
const txn1m = { ...noEvents, persons: 5000, companies: 1000, accounts: 10_000, transactions: 1_000_000 }
const rowPathCase = (threads?: number): BenchSpec => ({
  config: { seed: 42, counts: txn1m, patterns: every(0) },
  format: 'csv',
  runs: 3,
  threads,
  note: `1M transactions, 10k accounts, ${threads === undefined ? 'default' : threads} lane threads`,
})
const txnCase = (threads: number): BenchSpec => ({
  config: { seed: 42, counts: txn2m, patterns: every(2) },
  format: 'csv',
  runs: 3,
  threads,
  note: `222k accounts, 2M transactions, ${threads} lane thread${threads === 1 ? '' : 's'}`,
})

/** The Python reference's small and medium sizes (no access events: it has none), plus large and scale cases. */
export const benchConfigs: Record<string, BenchSpec> = {
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
  'txn-1m-t0': rowPathCase(0),
  'txn-1m': rowPathCase(),
  'txn-1m-t2': rowPathCase(2),
  'txn-2m-t0': txnCase(0),
  'txn-2m-t1': txnCase(1),
  'txn-2m-t2': txnCase(2),
  'population-1m': {
    config: {
      seed: 42,
      counts: { persons: 1_000_000, companies: 200_000, accounts: 2_000_000, ...noEvents },
      patterns: every(0),
    },
    format: 'csv',
    runs: 1,
    note: 'population only: 1M persons, 200k companies, 2M accounts',
  },
  'population-5m': {
    config: {
      seed: 42,
      counts: { persons: 5_000_000, companies: 1_000_000, accounts: 10_000_000, ...noEvents },
      patterns: every(0),
    },
    format: 'csv',
    runs: 1,
    onlyByName: true,
    note: 'population only: 5M persons, 1M companies, 10M accounts (issue target ≤ 60 s, ≤ 3 GB)',
  },
}
