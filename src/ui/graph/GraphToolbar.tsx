import type { PatternRow } from '../results/pattern-row.ts'
import { useViewStore } from '../state/view-store.ts'

interface Props {
  readonly kinds: readonly { readonly kind: string; readonly label: string }[]
  readonly patterns: readonly PatternRow[]
  /** Instances on the graph when it was capped; null when all are. */
  readonly drawn: readonly string[] | null
}

/** Filters by kind or instance, and background context on or off. */
export function GraphToolbar({ kinds, patterns, drawn }: Props) {
  const { kind, patternId, showContext, setKind, setPattern, setShowContext } = useViewStore()
  const instances = patterns.filter((p) => kind === null || p.kind === kind)
  return (
    <div className="graph-toolbar">
      <label className="inline-field">
        <span>Pattern kind</span>
        <select value={kind ?? ''} onChange={(e) => setKind(e.target.value || null)}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Instance</span>
        <select value={patternId ?? ''} onChange={(e) => setPattern(e.target.value || null)}>
          <option value="">All instances</option>
          {instances.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.subtype}
              {drawn && !drawn.includes(p.id) ? ' (not drawn)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={showContext} onChange={(e) => setShowContext(e.target.checked)} />
        <span>Background context</span>
      </label>
    </div>
  )
}
