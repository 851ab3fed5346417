import type { Counts } from '../config/schema.ts'

/**
 * Lanes pay for building the population once more each: by default a run gets them only from this many rows in its
 * biggest event table. Below it, one lane was measured slower than none on two cores, in Node and in Chromium (the
 * merging thread is the bottleneck there; at 1M they break even).
 */
export const LANE_MIN_ROWS = 1_000_000

/** The rows of the biggest event table: the one lanes split. */
export function biggestEventTable(c: Counts): number {
  return Math.max(c.transactions, c.communications, c.trades, c.travels, c.accessEvents)
}
