import { estimateResources, TAB_MEMORY_BUDGET_BYTES } from '../../engine/config/resource-estimate.ts'
import type { ResolvedConfig } from '../../engine/index.ts'
import { formatBytes } from '../format.ts'
import { cliCommand } from './share.ts'

/** The worker keeps the population and every output file in memory until they are downloaded. */
function tabMemoryEstimate(config: ResolvedConfig): number {
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
