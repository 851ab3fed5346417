import type { RunSummary } from '../../worker/client.ts'
import { formatCount, formatMs, formatRate } from '../format.ts'
import { useRunStore } from '../state/run-store.ts'
import { DownloadButtons } from './DownloadButtons.tsx'

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span data-testid={testId}>{value}</span>
        {note && <span className="stat-note">{note}</span>}
      </dd>
    </div>
  )
}

/** The headline numbers of a run and its downloads. */
export function RunOverview({ summary, running }: { readonly summary: RunSummary; readonly running: boolean }) {
  const wallMs = useRunStore((s) => s.wallMs)
  const rows = Object.values(summary.counts).reduce((n, c) => n + c, 0)
  const injected = Object.values(summary.injected).reduce((n, c) => n + c, 0)
  return (
    <section className="card overview" aria-label="Run summary">
      <dl className="stats">
        <Stat label="Rows" value={formatCount(rows)} note={`${formatCount(injected)} labelled`} testId="total-rows" />
        <Stat label="Patterns" value={formatCount(summary.patterns.length)} testId="pattern-count" />
        <Stat
          label="Engine time"
          value={formatMs(summary.totalMs)}
          note={formatRate(summary.rowsPerSecond)}
          testId="run-time"
        />
        {wallMs !== null && <Stat label="Click to data" value={formatMs(wallMs)} note="as felt in this tab" />}
      </dl>
      <p className="overview-seed">
        Seed <code>{String(summary.config.seed)}</code> · {summary.config.startDate} + {summary.config.durationDays}{' '}
        days
      </p>
      <DownloadButtons config={summary.config} disabled={running} />
    </section>
  )
}
