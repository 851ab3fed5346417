import { countKeys, countTable, type Counts, type CountTable } from '../config/general.ts'
import { LINES_PER_DOCUMENT, OWNERSHIP_PER_COMPANY } from '../config/resource-constants.ts'
import { tableNames, type TableName } from '../model/schema.ts'
import type { Progress } from './types.ts'

/** Before the tables stream out: build the population, then inject the patterns. */
const SETUP_PHASES = ['population', 'injection'] as const
const MIN_INTERVAL_MS = 100

function labelOf(phase: string): string {
  if (phase === 'population') return 'Building the population'
  if (phase === 'injection') return 'Injecting crime patterns'
  if (phase === 'done') return 'Done'
  return `Writing ${phase.replace(/_/g, ' ')}`
}

/**
 * Weighted progress: setup phases count as a share of the work estimated from the population size, tables by
 * rows × per-row cost. Reports are throttled (each one crosses postMessage in the browser).
 */
export function createProgress(
  onProgress: ((p: Progress) => void) | undefined,
  now: () => number,
  counts: Counts,
  rowCost: Record<TableName, number>,
) {
  const phaseNames: string[] = [...SETUP_PHASES, ...tableNames]
  const setupWeight = (counts.persons + counts.companies + counts.accounts) * 4 + 1
  let weights: Record<TableName, number> | null = null
  let total = setupWeight * 2
  let doneWeight = 0
  let current = ''
  let rowsDone = 0
  let lastRows = 0
  let lastReport = -Infinity

  const emit = (fraction: number, force: boolean) => {
    if (!onProgress) return
    const t = now()
    if (!force && t - lastReport < MIN_INTERVAL_MS) return
    lastReport = t
    onProgress({
      phase: current,
      label: labelOf(current),
      phaseIndex: phaseNames.indexOf(current),
      phaseCount: phaseNames.length,
      fraction: Math.min(1, fraction),
      rows: rowsDone,
    })
  }

  const api = {
    phase(name: string) {
      if (current === 'population' || current === 'injection') doneWeight += setupWeight
      else if (weights && current in weights) doneWeight += weights[current as TableName]
      current = name
      lastRows = 0
      emit(doneWeight / total, true)
    },
    /** Progress within a setup phase, as a fraction of it. */
    setup(fraction: number) {
      emit((doneWeight + setupWeight * Math.min(1, Math.max(0, fraction))) / total, false)
    },
    plan(counts: Record<TableName, number>) {
      weights = {} as Record<TableName, number>
      total = setupWeight * 2
      for (const t of tableNames) {
        weights[t] = counts[t] * rowCost[t]
        total += weights[t]
      }
    },
    rows(table: TableName, n: number) {
      rowsDone += n - lastRows
      lastRows = n
      const within = weights ? n * rowCost[table] : 0
      emit((doneWeight + within) / total, false)
    },
    done() {
      current = 'done'
      emit(1, true)
    },
  }
  // Until the real row counts are known (after injection), estimate them from the config so progress never goes back.
  const asked = Object.fromEntries(countKeys.map((k) => [countTable(k), counts[k]])) as Record<CountTable, number>
  api.plan({
    ...asked,
    ownership: counts.companies * OWNERSHIP_PER_COMPANY,
    document_lines: Math.round(counts.documents * LINES_PER_DOCUMENT),
    patterns: 0,
    pattern_members: 0,
    announcements: 0,
  })
  return api
}
