import { useState } from 'react'
import { formatCount, formatDay, formatMinor } from '../format.ts'
import { useRingThumbs } from '../queries/use-ring-thumbs.ts'
import { useViewStore } from '../state/view-store.ts'
import type { PatternRow } from './pattern-row.ts'
import { RingThumbnail } from './RingThumbnail.tsx'

interface Props {
  readonly runKey: string
  readonly patterns: readonly PatternRow[]
  readonly colours: ReadonlyMap<string, string>
  readonly chipColours: ReadonlyMap<string, string>
  readonly labels: ReadonlyMap<string, string>
}

/** Tiles per page: a screenful of small multiples, and few enough for their thumbnails to arrive within a frame or two. */
export const GALLERY_PAGE = 12

/**
 * The ground truth as small multiples: one tile per injected instance with its ring, kind and narrative, paged and
 * filterable by kind, so every instance of a big run can be reached. A tile focuses the graph on its ring.
 */
export function RingGallery({ runKey, patterns, colours, chipColours, labels }: Props) {
  const [kind, setKind] = useState<string | null>(null)
  const [page, setPage] = useState(0)
  const patternId = useViewStore((s) => s.patternId)
  const setPattern = useViewStore((s) => s.setPattern)
  const list = kind ? patterns.filter((p) => p.kind === kind) : patterns
  const pages = Math.max(1, Math.ceil(list.length / GALLERY_PAGE))
  const at = Math.min(page, pages - 1)
  const shown = list.slice(at * GALLERY_PAGE, (at + 1) * GALLERY_PAGE)
  const thumbs = useRingThumbs(
    runKey,
    shown.map((p) => p.id),
  )
  const kinds = [...new Set(patterns.map((p) => p.kind))]
  const focus = (p: PatternRow, active: boolean) => {
    setPattern(active ? null : p.id, active ? null : p.kind)
    // The graph sits above the gallery: bring it into view so the click visibly does something.
    if (!active) document.getElementById('graph-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }
  const first = list.length === 0 ? 0 : at * GALLERY_PAGE + 1
  return (
    <section className="card card-deferred" aria-labelledby="patterns-list-title">
      <header className="card-header">
        <h2 id="patterns-list-title">Injected pattern instances</h2>
        <p className="card-meta">{patterns.length === 0 ? 'None configured' : 'Select one to focus the graph on it'}</p>
      </header>
      {patterns.length > 0 && (
        <div className="gallery-bar">
          <label className="inline-field">
            <span>Show</span>
            <select
              value={kind ?? ''}
              onChange={(e) => {
                setKind(e.target.value || null)
                setPage(0)
              }}
            >
              <option value="">All kinds ({formatCount(patterns.length)})</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {labels.get(k) ?? k} ({formatCount(patterns.filter((p) => p.kind === k).length)})
                </option>
              ))}
            </select>
          </label>
          <nav className="pager" aria-label="Gallery pages">
            <button type="button" className="button" onClick={() => setPage(at - 1)} disabled={at === 0}>
              Previous
            </button>
            <span aria-live="polite" data-testid="gallery-page">
              Page {at + 1} of {pages} · {formatCount(first)}–{formatCount(first + shown.length - 1)} of{' '}
              {formatCount(list.length)}
            </span>
            <button type="button" className="button" onClick={() => setPage(at + 1)} disabled={at >= pages - 1}>
              Next
            </button>
          </nav>
        </div>
      )}
      <ol className="pattern-list" data-testid="pattern-list" start={first}>
        {shown.map((p) => {
          const active = p.id === patternId
          return (
            <li key={p.id}>
              <button
                type="button"
                className="pattern-item"
                aria-pressed={active}
                onClick={() => focus(p, active)}
                data-pattern-id={p.id}
              >
                <RingThumbnail thumb={thumbs.data?.get(p.id)} colour={colours.get(p.kind) ?? '#555'} />
                <span className="pattern-item-head">
                  <span className="kind-chip" style={{ background: chipColours.get(p.kind) ?? '#555' }}>
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
    </section>
  )
}
