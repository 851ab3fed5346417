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
