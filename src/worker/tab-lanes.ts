import {
  biggestEventTable,
  estimateResources,
  LANE_MIN_ROWS,
  TAB_MEMORY_BUDGET_BYTES,
  type ResolvedConfig,
} from '../engine/index.ts'

/** Each lane holds its own population: past four, memory grows faster than speed (as the CLI). */
const MAX_TAB_LANES = 4

/** What the tab holds for a CSV run with `lanes` lanes: the population in each, and the files until downloaded. */
export function tabMemoryWithLanes(config: ResolvedConfig, lanes: number): number {
  const e = estimateResources(config, { format: 'csv', lanes })
  return e.peakMemoryBytes + e.outputBytes
}

/**
 * How many lanes a CSV run in the tab gets: one core fewer than the machine has (the engine worker merges and
 * zips on the last one), at most four, none for small runs, and fewer (down to none) when each lane's copy of the
 * population would take the run past the tab's memory budget: a run that fits without lanes is never refused for them.
 */
export function tabLaneCount(config: ResolvedConfig, cores: number): number {
  if (biggestEventTable(config.counts) < LANE_MIN_ROWS) return 0
  let lanes = Math.max(0, Math.min(Math.floor(cores) - 1, MAX_TAB_LANES))
  while (lanes > 0 && tabMemoryWithLanes(config, lanes) > TAB_MEMORY_BUDGET_BYTES) lanes--
  return lanes
}
