import type { RunSummary } from '../../worker/client.ts'
import { formatCount, formatMs, formatRate } from '../format.ts'
import { useRunStore } from '../state/run-store.ts'
import { AuditPanel } from './AuditPanel.tsx'
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

/**
 * Above this share of labelled data rows a dataset stops looking like a bank's: detectors trained on it learn a base
 * rate of crime hundreds of times the real one.
 */
const LABELLED_SHARE_WARNING = 0.2

/** Labelled share of the data rows (the ground-truth tables themselves, patterns and pattern_members, left out). */
function labelledShare(summary: RunSummary): number {
  let rows = 0
  let labelled = 0
  for (const [table, count] of Object.entries(summary.counts)) {
    if (table === 'patterns' || table === 'pattern_members') continue
    rows += count
    labelled += summary.injected[table as keyof RunSummary['injected']] ?? 0
  }
  return rows === 0 ? 0 : labelled / rows
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
          // The engine worker and its lanes (nested workers), when the run had any.
          note={formatRate(summary.rowsPerSecond) + (summary.lanes > 0 ? ` on ${summary.lanes + 1} threads` : '')}
          testId="run-time"
        />
        {wallMs !== null && <Stat label="Click to data" value={formatMs(wallMs)} note="as felt in this tab" />}
      </dl>
      <p className="overview-seed">
        Seed <code>{String(summary.config.seed)}</code> · {summary.config.startDate} + {summary.config.durationDays}{' '}
        days
      </p>
      {labelledShare(summary) > LABELLED_SHARE_WARNING && (
        <p className="overview-warning" role="status" data-testid="labelled-warning">
          Patterns label {Math.round(labelledShare(summary) * 100)} % of the data rows, more than{' '}
          {LABELLED_SHARE_WARNING * 100} %. Real data has far fewer: lower the instance counts or raise the population,
          or a model trained on this learns the wrong base rate.
        </p>
      )}
      <DownloadButtons
        runKey={summary.runKey}
        config={summary.config}
        bytes={summary.files.reduce((n, f) => n + f.bytes, 0)}
        disabled={running}
      />
      {summary.audit && <AuditPanel audit={summary.audit} />}
    </section>
  )
}
