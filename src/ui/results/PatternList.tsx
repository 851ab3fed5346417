import { useState } from 'react'
import { formatCount, formatDay, formatMinor } from '../format.ts'
import { useViewStore } from '../state/view-store.ts'
import type { PatternRow } from './pattern-row.ts'

interface Props {
  readonly patterns: readonly PatternRow[]
  readonly colours: ReadonlyMap<string, string>
  readonly labels: ReadonlyMap<string, string>
}

const PAGE = 24

/** The ground truth in words: one card per injected instance, each a button that focuses the graph on it. */
export function PatternList({ patterns, colours, labels }: Props) {
  // Hundreds of cards at once would be one long layout; the rest come on request.
  const [limit, setLimit] = useState(PAGE)
  const patternId = useViewStore((s) => s.patternId)
  const setPattern = useViewStore((s) => s.setPattern)
  const focus = (p: PatternRow, active: boolean) => {
    setPattern(active ? null : p.id, active ? null : p.kind)
    // The graph sits above the list: bring it into view so the click visibly does something.
    if (!active) document.getElementById('graph-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }
  return (
    <section className="card card-deferred" aria-labelledby="patterns-list-title">
      <header className="card-header">
        <h2 id="patterns-list-title">Injected pattern instances</h2>
        <p className="card-meta">{patterns.length === 0 ? 'None configured' : 'Select one to focus the graph on it'}</p>
      </header>
      <ol className="pattern-list" data-testid="pattern-list">
        {patterns.slice(0, limit).map((p) => {
          const active = p.id === patternId
          return (
            <li key={p.id}>
              <button type="button" className="pattern-item" aria-pressed={active} onClick={() => focus(p, active)}>
                <span className="pattern-item-head">
                  <span className="kind-chip" style={{ background: colours.get(p.kind) ?? '#555' }}>
                    {labels.get(p.kind) ?? p.kind}
                  </span>
                  <code>{p.id}</code>
                  <span className="muted">{p.subtype}</span>
                </span>
                <span className="pattern-narrative">{p.narrative}</span>
                <span className="pattern-facts">
                  {formatDay(p.start)} → {formatDay(p.end)} · {formatCount(p.memberCount)} members ·{' '}
                  {formatCount(p.eventCount)} events
                  {p.currency && p.totalAmount !== null ? ` · ${formatMinor(p.totalAmount, p.currency)}` : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {patterns.length > limit && (
        <button type="button" className="button show-more" onClick={() => setLimit(limit + PAGE * 4)}>
          Show more ({formatCount(patterns.length - limit)} not shown)
        </button>
      )}
    </section>
  )
}
