import type { KeyboardEvent } from 'react'
import type { RunSummary } from '../../worker/client.ts'
import { formatBytes, formatCount } from '../format.ts'
import { useViewStore } from '../state/view-store.ts'
import { TablePreview } from './TablePreview.tsx'

/** Rows per table (background plus labelled) as tabs, with the selected table's first rows beside them. */
export function TablesCard({ summary }: { readonly summary: RunSummary }) {
  const chosen = useViewStore((s) => s.previewTable)
  const setPreviewTable = useViewStore((s) => s.setPreviewTable)
  const tables = Object.keys(summary.counts) as (keyof RunSummary['counts'])[]
  const current =
    chosen && tables.includes(chosen as (typeof tables)[number]) ? (chosen as (typeof tables)[number]) : tables[0]
  const sizes = new Map(summary.files.map((f) => [f.name, f.bytes]))
  // ARIA tabs: one tab stop for the list, arrow keys move between tables.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key]
    const edge = { Home: 0, End: tables.length - 1 }[event.key]
    if (step === undefined && edge === undefined) return
    event.preventDefault()
    const at = edge ?? (tables.indexOf(current) + (step ?? 0) + tables.length) % tables.length
    setPreviewTable(tables[at])
    document.getElementById(`tab-${tables[at]}`)?.focus()
  }
  return (
    <section className="card card-deferred" aria-labelledby="tables-title">
      <header className="card-header">
        <h2 id="tables-title">Tables</h2>
        <p className="card-meta">Rows per table; labelled rows belong to injected patterns</p>
      </header>
      <div className="tables-body">
        <div
          className="table-tabs"
          role="tablist"
          aria-label="Tables"
          aria-orientation="vertical"
          onKeyDown={onKeyDown}
        >
          {tables.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`tab-${t}`}
              aria-selected={t === current}
              tabIndex={t === current ? 0 : -1}
              aria-controls="table-panel"
              className="table-tab"
              onClick={() => setPreviewTable(t)}
              data-table={t}
            >
              <span className="table-tab-name">{t}</span>
              <span className="table-tab-count" data-testid={`count-${t}`}>
                {formatCount(summary.counts[t])}
              </span>
              <span className="table-tab-meta">
                {t.startsWith('pattern')
                  ? 'ground truth'
                  : summary.injected[t] > 0
                    ? `${formatCount(summary.injected[t])} labelled`
                    : 'background only'}
                {sizes.has(`${t}.csv`) ? ` · ${formatBytes(sizes.get(`${t}.csv`) ?? 0)}` : ''}
              </span>
            </button>
          ))}
        </div>
        <div id="table-panel" role="tabpanel" aria-labelledby={`tab-${current}`} className="table-panel">
          {current && (
            <TablePreview name={current} head={summary.heads[`${current}.csv`]} total={summary.counts[current]} />
          )}
        </div>
      </div>
    </section>
  )
}
