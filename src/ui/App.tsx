import { useEffect } from 'react'
import { Header } from './components/Header.tsx'
import { TabBudgetNote } from './components/TabBudgetNote.tsx'
import { ConfigPanel } from './config-panel/ConfigPanel.tsx'
import { preloadCytoscapeWhenIdle } from './graph/load-cytoscape.ts'
import { useAutoRegenerate } from './queries/use-auto-regenerate.ts'
import { useBudgetGuard } from './queries/use-budget-guard.ts'
import { useGenerate } from './queries/use-generate.ts'
import { useSharedLink } from './queries/use-shared-link.ts'
import { ResultsPanel } from './results/ResultsPanel.tsx'
import { useRunStore } from './state/run-store.ts'
import { startEngine } from '../worker/client.ts'

export function App() {
  const { generate: run, cancel } = useGenerate()
  // Runs over the tab's memory budget are refused; a shared link over it asks first (see tab-budget.ts).
  const { guarded: generate, askFirst } = useBudgetGuard(run)
  const notice = useSharedLink(askFirst)
  useAutoRegenerate(generate)
  const running = useRunStore((s) => s.status === 'running')
  useEffect(() => {
    startEngine()
    preloadCytoscapeWhenIdle()
  }, [])

  return (
    <div className="app">
      <Header />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <TabBudgetNote />
      <main className="layout">
        <ConfigPanel running={running} onGenerate={generate} onCancel={cancel} />
        <ResultsPanel onCancel={cancel} />
      </main>
    </div>
  )
}
