/**
 * Measured by `npx tsx bench/estimate-constants.ts` (2-core Debian 12 machine, Node 20.20, 2026-12-01), which
 * prints these figures; re-run it and copy them here when the data model changes.
 * Memory: peak RSS of a run in a fresh process, for populations of 0 and 200,000 persons, 50,000 companies and
 * 400,000 accounts (no events), the difference divided by the count. Events stream, so they add only a bounded
 * amount (1M and 3M transactions added 23 and 25 MB); documents are kept for their lines (≈48 bytes each).
 * Output: bytes per row written by each format for a 20,000-person run (seed 7), rounded up.
 */
export const MEMORY = {
  /** A run with an empty population (the runtime, the code, the reference data). */
  baseBytes: 96_000_000,
  /** Event streams' buffers, whatever their length. */
  eventsBytes: 32_000_000,
  perPerson: 1_230,
  perCompany: 1_990,
  perAccount: 492,
  perDocument: 50,
  /** A generation thread before it builds its copy of the population. */
  perLaneBytes: 40_000_000,
} as const

export const BYTES_PER_ROW = {
  csv: {
    persons: 203,
    companies: 224,
    ownership: 90,
    accounts: 140,
    transactions: 140,
    communications: 163,
    trades: 126,
    travels: 94,
    documents: 135,
    document_lines: 105,
    access_events: 124,
  },
  jsonl: {
    persons: 531,
    companies: 543,
    ownership: 220,
    accounts: 369,
    transactions: 476,
    communications: 337,
    trades: 317,
    travels: 238,
    documents: 389,
    document_lines: 238,
    access_events: 274,
  },
} as const

/** Rows per entity for the tables whose size follows another's (averages of the same runs). */
export const OWNERSHIP_PER_COMPANY = 3
export const LINES_PER_DOCUMENT = 2.5
/** manifest.json and the pattern tables: small whatever the counts. */
export const FIXED_OUTPUT_BYTES = 1_000_000
