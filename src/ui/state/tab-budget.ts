import { estimateResources } from '../../engine/config/resource-estimate.ts'
import type { ResolvedConfig } from '../../engine/index.ts'
import { formatBytes } from '../format.ts'
import { cliCommand } from './share.ts'

/**
 * The memory a run in this tab may use. Browsers cap a tab's memory (a Chromium tab dies at about 4 GB); half of
 * that leaves room for the page, the graph and the download's copy of the files.
 */
export const TAB_MEMORY_BUDGET_BYTES = 2 * 1024 * 1024 * 1024

/** The worker keeps the population and every output file in memory until they are downloaded. */
export function tabMemoryEstimate(config: ResolvedConfig): number {
  const e = estimateResources(config, { format: 'csv' })
  return e.peakMemoryBytes + e.outputBytes
}

/** Why this config does not fit the tab (the estimate, the budget and the ways out), or null when it fits. */
export function budgetRefusal(config: ResolvedConfig): string | null {
  const need = tabMemoryEstimate(config)
  if (need <= TAB_MEMORY_BUDGET_BYTES) return null
  return (
    `These settings need about ${formatBytes(need)} of memory, more than this tab's budget of ` +
    `${formatBytes(TAB_MEMORY_BUDGET_BYTES)}: lower the persons, companies, accounts or event counts, or generate ` +
    `with the command line, which streams to disk: ${cliCommand(config)}`
  )
}
