import type { Core } from 'cytoscape'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { RunSummary } from '../../worker/client.ts'
import { formatCount, formatMs } from '../format.ts'
import { useLayout, type LaidOutRun } from '../queries/use-layout.ts'
import { usePlayhead } from '../queries/use-playhead.ts'
import { usePresentation } from '../queries/use-presentation.ts'
import { useExpansions } from '../queries/use-expansions.ts'
import { useViewStore } from '../state/view-store.ts'
import { DetailsPanel } from './DetailsPanel.tsx'
import { buildElements, buildExpansions, indexGraph, withExpansions } from './graph-elements.ts'
import { GraphControls } from './GraphControls.tsx'
import { GraphLegend } from './GraphLegend.tsx'
import { GraphToolbar } from './GraphToolbar.tsx'
import { goToNode } from './go-to-node.ts'
import { GraphFind } from './GraphFind.tsx'
import { GraphTooltip } from './GraphTooltip.tsx'
import { GraphView, type Hover } from './GraphView.tsx'
import { RingMembers } from './RingMembers.tsx'
import { Timeline } from './Timeline.tsx'
import { CONTEXT_NODE } from './palette.ts'
import { kinds, LOOKALIKE_COLOUR, LOOKALIKES, looksFor } from '../kinds.ts'

function picture(run: LaidOutRun | undefined, colours: ReadonlyMap<string, string>) {
  const graph = run?.summary.graph
  if (!run || !graph) return null
  const patternKind = new Map(run.summary.patterns.map((p) => [p.id, p.kind]))
  return {
    seq: run.seq,
    key: `${run.seq}:${run.alone ?? ''}`,
    patternKind,
    elements: buildElements(graph, run.layout, patternKind, colours),
    index: indexGraph(graph, patternKind),
  }
}

/** The pattern rings of a run: toolbar, canvas, legend and the details of what was clicked. */
export function GraphCard({ summary, seq }: { readonly summary: RunSummary; readonly seq: number }) {
  const { kind, patternId, showContext, hiddenKinds, selection, select, setPattern, toggleKind } = useViewStore()
  const [hover, setHover] = useState<Hover | null>(null)
  const laid = useLayout(summary, seq, patternId)
  const filter = useMemo(
    () => ({ kind, patternId, showContext, hiddenKinds }),
    [kind, patternId, showContext, hiddenKinds],
  )
  const looks = useMemo(() => looksFor(summary.patterns), [summary.patterns])
  const colours = looks.colour
  const chips = looks.chip
  const patternsById = useMemo(() => new Map(summary.patterns.map((p) => [p.id, p])), [summary])
  const cyRef = useRef<Core | null>(null)
  // The previous run's picture stays up (placeholder data) while the worker lays out the next one.
  const shown = useMemo(() => picture(laid.data, colours), [laid.data, colours])
  const [drawnSeq, setDrawnSeq] = useState(0)
  const { expansions, toggle: toggleExpansion, error: expandError } = useExpansions(summary.runKey, shown?.key ?? '')
  const extra = useMemo(
    () => (shown ? buildExpansions(expansions, new Set(shown.index.nodes.keys()), shown.patternKind, colours) : []),
    [shown, expansions, colours],
  )
  const index = useMemo(() => shown && withExpansions(shown.index, expansions), [shown, expansions])
  const expand = (id: string) => {
    const node = cyRef.current?.getElementById(id)
    if (node && node.nonempty()) void toggleExpansion(id, { ...node.position() })
  }
  const card = useRef<HTMLElement>(null)
  const step = useCallback(
    (by: 1 | -1) => {
      const list = summary.patterns
      if (list.length === 0) return
      const at = list.findIndex((p) => p.id === patternId)
      const next = list[at < 0 ? (by > 0 ? 0 : list.length - 1) : (at + by + list.length) % list.length]
      setPattern(next.id, next.kind)
    },
    [summary.patterns, patternId, setPattern],
  )
  const { presenting, enter, leave } = usePresentation(card, step)
  const { events, at, playhead, onAt } = usePlayhead(shown?.index, patternId)
  const goTo = useCallback((id: string) => goToNode(cyRef.current, id), [])
  const focused = patternId ? patternsById.get(patternId) : undefined
  const labelOf = (k: string) => looks.label.get(k) ?? k
  const caption = focused
    ? focused.narrative
    : `${overviewCount(summary.patterns)} against ${formatCount(summary.counts.persons)} persons. Pick an instance (or press →) to walk through them.`

  const graph = summary.graph
  const alone = laid.data?.alone ?? null
  const pending = laid.data?.seq !== seq || (laid.isPlaceholderData && laid.isFetching)
  const layout = laid.data?.seq === seq ? laid.data.layout : null
  const legendKinds = kinds.map((k) => ({
    kind: k.kind,
    label: k.label,
    colour: k.colour,
    shown: shown?.index.kindsShown.includes(k.kind) ?? false,
    on: !hiddenKinds.includes(k.kind),
  }))
  if (looks.lookalikes.length > 0)
    legendKinds.push({
      kind: LOOKALIKES,
      label: 'Benign look-alike (not suspicious)',
      colour: LOOKALIKE_COLOUR,
      shown: looks.lookalikes.some((k) => shown?.index.kindsShown.includes(k)),
      on: looks.lookalikes.some((k) => !hiddenKinds.includes(k)),
    })
  // The look-alikes' one legend entry switches them all together.
  const toggleLegend = (k: string) => {
    if (k !== LOOKALIKES) return toggleKind(k)
    const on = looks.lookalikes.some((l) => !hiddenKinds.includes(l))
    for (const l of looks.lookalikes) if (hiddenKinds.includes(l) !== on) toggleKind(l)
  }

  return (
    <section
      ref={card}
      className={`card graph-card${presenting ? ' graph-card-presenting' : ''}`}
      aria-labelledby="graph-title"
      data-presenting={presenting || undefined}
    >
      <header className="card-header">
        <h2 id="graph-title">
          {presenting && focused ? `${labelOf(focused.kind)} · ${focused.id} · ${focused.subtype}` : 'Pattern graph'}
        </h2>
        {graph && (
          <p className="card-meta">
            {formatCount(graph.nodes.length)} nodes · {formatCount(graph.edges.length)} edges
            {summary.graphPatterns
              ? ` · ${summary.graphPatterns.length} of ${summary.patterns.length} instances drawn`
              : graph.truncated
                ? ' · background sampled'
                : ''}
            {layout ? ` · laid out in ${formatMs(layout.ms)}` : ''}
          </p>
        )}
        {alone && (
          <p className="graph-alone" role="status">
            {alone} is not on the overview (it draws {summary.graphPatterns?.length} of {summary.patterns.length}{' '}
            instances), so it is shown on its own, where it sits in the full picture.
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
              presenting={presenting}
              playhead={playhead}
              onHover={setHover}
              extra={extra}
              onExpand={(id, at) => void toggleExpansion(id, at)}
              label={`Graph of ${summary.patterns.length} pattern instances and their background context`}
            />
          )}
          <GraphControls
            cyRef={cyRef}
            ready={!!shown && !pending}
            presenting={presenting}
            onPresent={enter}
            onLeave={leave}
            seed={summary.config.seed}
            focusId={focused?.id ?? null}
            slide={() => ({
              title: focused ? `${labelOf(focused.kind)} · ${focused.subtype}` : 'Injected financial-crime patterns',
              subtitle: `Fincrime Synth · seed ${String(summary.config.seed)}${focused ? ` · ${focused.id}` : ''} · ${formatCount(summary.counts.transactions)} transactions`,
              caption,
              legend: [
                ...legendKinds.filter((k) => k.shown && k.on).map((k) => ({ label: k.label, colour: k.colour })),
                { label: 'Background', colour: CONTEXT_NODE },
              ],
            })}
          />
          {graph && pending && (
            <p className="graph-placeholder" role="status">
              {laid.isError ? `The layout failed: ${(laid.error as Error).message}` : 'Laying out the graph…'}
            </p>
          )}
          <GraphTooltip hover={hover} node={hover ? index?.nodes.get(hover.id) : undefined} />
          {presenting && (
            <p className="graph-caption" data-testid="graph-caption">
              {caption}
            </p>
          )}
        </div>
        <aside className="graph-side" aria-label="Selection details">
          {index && <GraphFind nodes={index.nodes} onFound={goTo} />}
          {index && (
            <DetailsPanel
              selection={selection}
              index={index}
              patterns={patternsById}
              colours={chips}
              expansion={selection?.group === 'node' ? expansions.get(selection.id) : undefined}
              onExpand={expand}
              expandError={expandError}
            />
          )}
          {shown && focused && !selection && (
            <RingMembers patternId={focused.id} nodes={index?.nodes ?? shown.index.nodes} onPick={goTo} />
          )}
          <GraphLegend kinds={legendKinds} onToggle={toggleLegend} />
        </aside>
      </div>
      {graph && (
        <Timeline
          runKey={summary.runKey}
          events={events}
          colour={colours.get(focused?.kind ?? '') ?? '#0b5cad'}
          at={at}
          onAt={onAt}
          focused={focused !== undefined}
        />
      )}
    </section>
  )
}

/** "9 pattern instances and 6 benign look-alikes": the two are not the same thing to an audience. */
function overviewCount(patterns: readonly { readonly resembles: string | null }[]): string {
  const lookalikes = patterns.filter((p) => p.resembles !== null).length
  const crimes = patterns.length - lookalikes
  const first = `${formatCount(crimes)} injected pattern instance${crimes === 1 ? '' : 's'}`
  return lookalikes === 0
    ? first
    : `${first} and ${formatCount(lookalikes)} benign look-alike${lookalikes === 1 ? '' : 's'}`
}
