import { useCallback } from 'react'
import { create } from 'zustand'
import type { ResolvedConfig } from '../../engine/index.ts'
import { budgetRefusal } from '../state/tab-budget.ts'

/** The last refusal of the tab's memory budget, shown until a run starts. */
export const useBudgetStore = create<{ refusal: string | null }>()(() => ({ refusal: null }))

/**
 * The tab's side of the resource guard. `guarded` refuses a run over the budget (with the estimate, the budget
 * and the ways out); `askFirst`, for runs the user did not start here (a shared link), asks before it starts.
 */
export function useBudgetGuard(generate: (config: ResolvedConfig) => void) {
  const guarded = useCallback(
    (config: ResolvedConfig) => {
      const refusal = budgetRefusal(config)
      useBudgetStore.setState({ refusal })
      if (refusal === null) generate(config)
    },
    [generate],
  )
  const askFirst = useCallback(
    (config: ResolvedConfig) => {
      const refusal = budgetRefusal(config)
      if (refusal !== null && !window.confirm(`${refusal}\n\nStart in this tab anyway?`)) {
        useBudgetStore.setState({ refusal })
        return false
      }
      useBudgetStore.setState({ refusal: null })
      generate(config)
      return true
    },
    [generate],
  )
  return { guarded, askFirst }
}
