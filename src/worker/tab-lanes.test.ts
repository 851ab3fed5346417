import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import { parseConfig, TAB_MEMORY_BUDGET_BYTES, type ResolvedConfig } from '../engine/index.ts'
import { tabLaneCount, tabMemoryWithLanes } from './tab-lanes.ts'

const withCounts = (counts: Partial<ResolvedConfig['counts']>) => {
  const base = defaultConfig()
  return parseConfig({ ...base, counts: { ...base.counts, ...counts } })
}

describe('lanes in the tab', () => {
  it('one core fewer than the machine has, at most four, none on one core or for a small run', () => {
    const big = withCounts({ transactions: 1_000_000 })
    expect([1, 2, 3, 8, 64].map((cores) => tabLaneCount(big, cores))).toEqual([0, 1, 2, 4, 4])
    expect(tabLaneCount(withCounts({ transactions: 999_999, accessEvents: 50_000 }), 8)).toBe(0)
    expect(tabLaneCount(withCounts({ transactions: 10_000, accessEvents: 1_000_000 }), 8)).toBe(4)
  })

  it('count each lane’s population against the budget: fewer lanes, then none, never a refused run', () => {
    // Populations from small to the largest that fits the tab without lanes.
    const seen = new Set<number>()
    for (let accounts = 200_000; ; accounts += 200_000) {
      const config = withCounts({ persons: accounts / 2, accounts, transactions: 1_000_000 })
      if (tabMemoryWithLanes(config, 0) > TAB_MEMORY_BUDGET_BYTES) break
      const lanes = tabLaneCount(config, 8)
      seen.add(lanes)
      expect(tabMemoryWithLanes(config, lanes)).toBeLessThanOrEqual(TAB_MEMORY_BUDGET_BYTES)
      if (lanes < 4) expect(tabMemoryWithLanes(config, lanes + 1)).toBeGreaterThan(TAB_MEMORY_BUDGET_BYTES)
    }
    expect(seen.has(4) && seen.has(0)).toBe(true)
    expect(seen.size).toBeGreaterThan(2)
  })
})
