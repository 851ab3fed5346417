import type { InputConfig } from '../src/engine/index.ts'

/** The medium config for comparing formats: 10k persons, 20k accounts, 200k transactions. */
export const formatBenchConfig: InputConfig = {
  seed: 42,
  counts: {
    persons: 10_000,
    companies: 2000,
    accounts: 20_000,
    transactions: 200_000,
    communications: 20_000,
    trades: 10_000,
    travels: 5000,
    documents: 10_000,
    accessEvents: 20_000,
  },
  patterns: Object.fromEntries(
    ['structuring', 'fraudRing', 'muleChain', 'accountTakeover', 'insiderTrading', 'tbml'].map((k) => [
      k,
      { count: 2 },
    ]),
  ),
}
