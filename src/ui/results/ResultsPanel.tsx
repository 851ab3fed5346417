import { useMemo } from 'react'
import { GraphCard } from '../graph/GraphCard.tsx'
import { looksFor } from '../kinds.ts'
import { useAfterPaint } from '../queries/use-after-paint.ts'
import { useDraftCheck } from '../queries/use-draft-check.ts'
import { useRunStore } from '../state/run-store.ts'
import { EmptyState } from './EmptyState.tsx'
import { RingGallery } from './RingGallery.tsx'
import { RunOverview } from './RunOverview.tsx'
import { RunStatus } from './RunStatus.tsx'
import { TablesCard } from './TablesCard.tsx'

/** The right-hand side: the state of the current run, then the last completed run's results. */
export function ResultsPanel({ onCancel }: { readonly onCancel: () => void }) {
  const summary = useRunStore((s) => s.summary)
  const seq = useRunStore((s) => s.seq)
  const running = useRunStore((s) => s.status === 'running')
  // The cards below the graph render a frame later, so the frame that first shows a run stays short.
  const later = useAfterPaint(summary)
  const looks = useMemo(() => later && looksFor(later.patterns), [later])
  const draftKey = useDraftCheck().runKey
  const outdated = summary !== null && !running && draftKey !== summary.runKey

  return (
    <section className="results" aria-label="Results">
      <RunStatus onCancel={onCancel} />
      {!summary && <EmptyState />}
      {summary && (
        <div
          className={`results-body${running ? ' results-stale' : ''}${outdated ? ' results-outdated' : ''}`}
          data-testid="results"
          data-seq={seq}
          data-outdated={outdated || undefined}
        >
          {outdated && (
            <p className="outdated-note" role="status" data-testid="outdated">
              <strong>Out of date.</strong> The settings changed since this run; what is shown below is the previous
              run. Press Enter in a field or Generate to update it.
            </p>
          )}
          <RunOverview summary={summary} running={running} />
          <GraphCard summary={summary} seq={seq} />
          {later && looks && (
            <RingGallery
              key={later.runKey}
              runKey={later.runKey}
              patterns={later.patterns}
              colours={looks.colour}
              chipColours={looks.chip}
              labels={looks.label}
            />
          )}
          {later && <TablesCard summary={later} />}
        </div>
      )}
    </section>
  )
}
