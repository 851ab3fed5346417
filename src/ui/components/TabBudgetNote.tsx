import { useBudgetStore } from '../queries/use-budget-guard.ts'

/** A refused run's reason, where the user looks after pressing Generate or opening a shared link. */
export function TabBudgetNote() {
  const refusal = useBudgetStore((s) => s.refusal)
  if (refusal === null) return null
  return (
    <p className="notice budget-refusal" role="alert">
      {refusal}
    </p>
  )
}
