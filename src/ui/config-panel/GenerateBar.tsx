import { formatMs } from '../format.ts'
import { isFastRun, useLiveStore } from '../state/live-store.ts'
import { useRunStore } from '../state/run-store.ts'

interface Props {
  readonly reason: string | null
  /** Rows the settings ask for, to warn before a run too large for a browser tab. */
  readonly rows: number
  readonly running: boolean
  readonly onGenerate: () => void
  readonly onCancel: () => void
}

/** The one primary action, pinned under the settings; while a run goes, the same place offers Cancel. */
/** Above this, a tab holds hundreds of megabytes of CSV; the CLI streams to disk instead. */
const LARGE_RUN_ROWS = 2_000_000

export function GenerateBar({ reason, rows, running, onGenerate, onCancel }: Props) {
  return (
    <div className="generate-bar">
      {running ? (
        <button type="button" className="button button-danger button-wide" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary button-wide"
          onClick={onGenerate}
          disabled={reason !== null}
          aria-describedby={reason ? 'generate-reason' : undefined}
        >
          Generate
        </button>
      )}
      <AutoRunToggle />
      {!reason && !running && rows > LARGE_RUN_ROWS && (
        <p className="generate-note">
          About {rows.toLocaleString('en-US')} rows: this takes a while and a lot of memory in a tab. For runs this size
          the command-line tool streams to disk (Copy as CLI command).
        </p>
      )}
      {reason && !running && (
        <p id="generate-reason" className="generate-reason" role="status">
          {reason}
        </p>
      )}
    </div>
  )
}

/** "Regenerate on change", offered only when the last run was quick enough to keep up with typing. */
function AutoRunToggle() {
  const { autoRun, setAutoRun } = useLiveStore()
  const wallMs = useRunStore((s) => s.wallMs)
  const fast = isFastRun(wallMs)
  const why =
    wallMs === null
      ? 'Available after a run that takes under a second.'
      : fast
        ? 'Every valid edit reruns after a short pause.'
        : `The last run took ${formatMs(wallMs)}; this needs runs under a second.`
  return (
    <label className="inline-check auto-run" title={why}>
      <input
        type="checkbox"
        checked={autoRun && fast}
        disabled={!fast}
        onChange={(e) => setAutoRun(e.target.checked)}
      />
      <span>
        Regenerate on change <span className="auto-run-why">{why}</span>
      </span>
    </label>
  )
}
