import { ProgressBar } from '../components/ProgressBar.tsx'
import { IssueList } from '../config-panel/IssueList.tsx'
import { formatCount } from '../format.ts'
import { useRunStore } from '../state/run-store.ts'

/** What the current run is doing: progress with Cancel, or how it ended when it did not end with data. */
export function RunStatus({ onCancel }: { readonly onCancel: () => void }) {
  const { status, progress, error, issues } = useRunStore()
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
