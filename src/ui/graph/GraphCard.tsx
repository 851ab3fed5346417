import type { Core, ElementDefinition } from 'cytoscape'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Catalog } from '../../engine/index.ts'
import type { RunSummary } from '../../worker/client.ts'
import { formatCount, formatMs } from '../format.ts'
import { useLayout } from '../queries/use-layout.ts'
import { saveFile } from '../save-file.ts'
import { useViewStore } from '../state/view-store.ts'
import { DetailsPanel } from './DetailsPanel.tsx'
import { buildElements, indexGraph, type GraphIndex } from './graph-elements.ts'
import { GraphLegend } from './GraphLegend.tsx'
import { GraphToolbar } from './GraphToolbar.tsx'
import { GraphView } from './GraphView.tsx'
import { kindColours } from './palette.ts'

interface Shown {
  readonly seq: number
  readonly runKey: string
  readonly elements: readonly ElementDefinition[]
  readonly index: GraphIndex
}

/** The pattern rings of a run: toolbar, canvas, legend and the details of what was clicked. */
export function GraphCard({
  summary,
  seq,
  catalog,
}: {
  readonly summary: RunSummary
  readonly seq: number
  readonly catalog: Catalog
}) {
  const layout = useLayout(summary.graph ? summary.runKey : null)
  const { kind, patternId, showContext, selection, select } = useViewStore()
  const filter = useMemo(() => ({ kind, patternId, showContext }), [kind, patternId, showContext])
  const kinds = useMemo(() => catalog.patterns.map((p) => ({ kind: p.kind, label: p.label })), [catalog])
  const colours = useMemo(() => kindColours(kinds.map((k) => k.kind)), [kinds])
  const patternKind = useMemo(() => new Map(summary.patterns.map((p) => [p.id, p.kind])), [summary])
  const patternsById = useMemo(() => new Map(summary.patterns.map((p) => [p.id, p])), [summary])
  const cyRef = useRef<Core | null>(null)
  // The previous run's picture stays up while the worker lays out the next one.
  const [shown, setShown] = useState<Shown | null>(null)
  const [drawnSeq, setDrawnSeq] = useState(0)

  useEffect(() => {
    if (!summary.graph || layout.data === undefined || shown?.seq === seq) return
    const elements = buildElements(summary.graph, layout.data, patternKind, colours)
    // Held in state, not derived: the previous run's picture must stay up until the next layout arrives.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown({ seq, runKey: summary.runKey, elements, index: indexGraph(summary.graph, patternKind) })
  }, [summary, seq, layout.data, patternKind, colours, shown])

  const exportPng = async () => {
    const cy = cyRef.current
    if (!cy) return
    const blob = await cy.png({ output: 'blob-promise', bg: '#ffffff', full: false, scale: 2 })
    saveFile(blob, `fincrime-graph-${String(summary.config.seed)}.png`, 'image/png')
  }

  const graph = summary.graph
  const pending = !shown || shown.seq !== seq
  const legendKinds = kinds.map((k) => ({
    ...k,
    colour: colours.get(k.kind) ?? '#555',
    shown: shown?.index.kindsShown.includes(k.kind) ?? false,
  }))

  return (
    <section className="card graph-card" aria-labelledby="graph-title">
      <header className="card-header">
        <h2 id="graph-title">Pattern graph</h2>
        {graph && (
          <p className="card-meta">
            {formatCount(graph.nodes.length)} nodes · {formatCount(graph.edges.length)} edges
            {summary.graphPatterns
              ? ` · ${summary.graphPatterns.length} of ${summary.patterns.length} instances drawn`
              : graph.truncated
                ? ' · background sampled'
                : ''}
            {layout.data ? ` · laid out in ${formatMs(layout.data.ms)} (${layout.data.quality})` : ''}
          </p>
        )}
      </header>
      <GraphToolbar kinds={kinds} patterns={summary.patterns} drawn={summary.graphPatterns} />
      <div className="graph-body">
        <div
          className="graph-stage"
          data-testid="graph"
          data-drawn-seq={drawnSeq}
          data-node-count={shown?.index.nodes.size ?? 0}
          data-edge-count={shown?.index.edges.size ?? 0}
          data-kinds={shown?.index.kindsShown.join(' ') ?? ''}
        >
          {!graph && <p className="graph-placeholder">This run has no graph.</p>}
          {graph && shown && (
            <GraphView
              elements={shown.elements}
              filter={filter}
              cyRef={cyRef}
              onSelect={select}
              onDrawn={() => setDrawnSeq(shown.seq)}
              label={`Graph of ${summary.patterns.length} pattern instances and their background context`}
            />
          )}
          <div className="graph-controls">
            <button
              type="button"
              className="button button-small"
              onClick={() => cyRef.current?.fit(cyRef.current.elements(':visible'), 30)}
              disabled={!shown}
            >
              Fit
            </button>
            <button type="button" className="button button-small" onClick={exportPng} disabled={pending}>
              Export PNG
            </button>
          </div>
          {graph && pending && (
            <p className="graph-placeholder" role="status">
              {layout.isError ? `The layout failed: ${(layout.error as Error).message}` : 'Laying out the graph…'}
            </p>
          )}
        </div>
        <aside className="graph-side" aria-label="Selection details">
          {shown && (
            <DetailsPanel selection={selection} index={shown.index} patterns={patternsById} colours={colours} />
          )}
          <GraphLegend kinds={legendKinds} />
        </aside>
      </div>
    </section>
  )
}
