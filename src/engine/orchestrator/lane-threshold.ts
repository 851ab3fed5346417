import type { Counts } from '../config/schema.ts'

/**
 * Lanes pay for building the population once more each: by default a run gets them only from this many rows in its
 * biggest event table. Below it, one lane was measured slower than none on two cores, in Node and in Chromium (the
 * merging thread is the bottleneck there; at 1M they break even).
 */
export const LANE_MIN_ROWS = 1_000_000

/**
 * The fewest lanes a run gets by default; with fewer spare cores it runs on one thread. A single lane encodes every
 * range it drew while the main thread only merges, so it does a whole run's work plus a second population: on two
 * cores, median wall 3.1 s with no lane against 4.1 s with one at 1M transactions, and 19.4 s against 23.8 s
 * (two lanes 23.4 s) at 2M.
 */
export const MIN_DEFAULT_LANES = 2

/** Lanes a run gets by default on a machine with `cores` cores: one fewer than the cores, at most `max`, or none. */
export function defaultLaneCount(cores: number, max: number): number {
  const spare = Math.max(0, Math.min(Math.floor(cores) - 1, max))
  return spare >= MIN_DEFAULT_LANES ? spare : 0
}

/** The rows of the biggest event table: the one lanes split. */
export function biggestEventTable(c: Counts): number {
  return Math.max(c.transactions, c.communications, c.trades, c.travels, c.accessEvents)
}
