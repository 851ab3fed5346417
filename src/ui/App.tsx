import { useEffect } from 'react'
import { Header } from './components/Header.tsx'
import { ConfigPanel } from './config-panel/ConfigPanel.tsx'
import { preloadCytoscapeWhenIdle } from './graph/load-cytoscape.ts'
import { useAutoRegenerate } from './queries/use-auto-regenerate.ts'
import { useGenerate } from './queries/use-generate.ts'
import { useSharedLink } from './queries/use-shared-link.ts'
import { ResultsPanel } from './results/ResultsPanel.tsx'
import { useRunStore } from './state/run-store.ts'

export function App() {
  const { generate, cancel } = useGenerate()
  const notice = useSharedLink(generate)
  useAutoRegenerate(generate)
  const running = useRunStore((s) => s.status === 'running')
  useEffect(() => preloadCytoscapeWhenIdle(), [])

  return (
    <div className="app">
      <Header />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <main className="layout">
        <ConfigPanel running={running} onGenerate={generate} onCancel={cancel} />
        <ResultsPanel onCancel={cancel} />
      </main>
    </div>
  )
}
