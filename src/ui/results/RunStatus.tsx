import { ProgressBar } from '../components/ProgressBar.tsx'
import { IssueList } from '../config-panel/IssueList.tsx'
import { formatCount } from '../format.ts'
import { useRunStore } from '../state/run-store.ts'

/** What the current run is doing: progress with Cancel, or how it ended when it did not end with data. */
/** Remaining time from the pace so far; said only once a run is long enough for a guess to mean something. */
function eta(fraction: number, elapsedMs: number): string | null {
  if (fraction < 0.05 || elapsedMs < 2_000 || fraction >= 1) return null
  const left = Math.round((elapsedMs * (1 - fraction)) / fraction / 1000)
  return left < 60 ? `about ${Math.max(1, left)} s left` : `about ${Math.round(left / 60)} min left`
}

export function RunStatus({ onCancel }: { readonly onCancel: () => void }) {
  const { status, progress, error, issues, startedAt } = useRunStore()
  if (status === 'running') {
    const phase = progress
      ? `${progress.label} (step ${progress.phaseIndex + 1} of ${progress.phaseCount})`
      : 'Starting the engine'
    return (
      <div className="run-status run-status-running" role="status" aria-live="polite">
        <div className="run-status-text">
          <strong>Generating…</strong> <span>{phase}</span>
          {progress && (
            <span className="muted">
              {' '}
              · {formatCount(progress.rows)} rows · {Math.round(progress.fraction * 100)}%
              {startedAt !== null && eta(progress.fraction, progress.at - startedAt) && (
                <span data-testid="run-eta"> · {eta(progress.fraction, progress.at - startedAt)}</span>
              )}
            </span>
          )}
        </div>
        <ProgressBar fraction={progress?.fraction ?? null} label="Generation progress" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    )
  }
  if (status === 'cancelled') {
    return (
      <div className="run-status run-status-cancelled" role="status">
        <strong>Cancelled</strong>
        <span className="muted">The run was stopped; nothing was kept from it.</span>
      </div>
    )
  }
  if (status === 'failed') {
    return (
      <div className="run-status run-status-failed" role="alert">
        <strong>The run failed.</strong> <span>{error}</span>
      </div>
    )
  }
  if (status === 'rejected') return <IssueList issues={issues} title="The engine rejected this configuration:" />
  return null
}
