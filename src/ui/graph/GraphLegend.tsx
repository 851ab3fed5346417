import { CONTEXT_EDGE, CONTEXT_NODE } from './palette.ts'

interface Props {
  readonly kinds: readonly {
    readonly kind: string
    readonly label: string
    readonly colour: string
    readonly shown: boolean
    /** False when switched off here. */
    readonly on: boolean
  }[]
  readonly onToggle: (kind: string) => void
}

const shapes = [
  { cls: 'shape-person', label: 'Person' },
  { cls: 'shape-company', label: 'Company' },
  { cls: 'shape-account', label: 'Account' },
]

const lines = [
  { cls: 'line-solid', label: 'Money, trade or document flow' },
  { cls: 'line-dashed', label: 'Communication' },
  { cls: 'line-dotted', label: 'Shared attribute or login' },
]

/** Reads the picture (a kind's entry also switches its rings off and on): colour is the pattern kind, shape the entity, line style the relation, grey the background. */
export function GraphLegend({ kinds, onToggle }: Props) {
  return (
    <div className="legend" aria-label="Legend">
      <ul className="legend-group">
        {kinds.map((k) => (
          <li key={k.kind} className={k.shown ? undefined : 'legend-absent'}>
            {k.shown ? (
              <button
                type="button"
                className="legend-toggle"
                aria-pressed={k.on}
                title={k.on ? `Hide ${k.label} rings` : `Show ${k.label} rings`}
                onClick={() => onToggle(k.kind)}
              >
                <span className="legend-dot" style={{ background: k.colour }} aria-hidden="true" />
                {k.label}
              </button>
            ) : (
              <>
                <span className="legend-dot" style={{ background: k.colour }} aria-hidden="true" />
                {k.label} <span className="visually-hidden">(not on this graph)</span>
              </>
            )}
          </li>
        ))}
        <li>
          <span className="legend-dot legend-dot-small" style={{ background: CONTEXT_NODE }} aria-hidden="true" />
          Background
        </li>
      </ul>
      <ul className="legend-group">
        {shapes.map((s) => (
          <li key={s.cls}>
            <span className={`legend-shape ${s.cls}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
        {lines.map((l) => (
          <li key={l.cls}>
            <span
              className={`legend-line ${l.cls}`}
              style={{ borderColor: l.cls === 'line-solid' ? '#4b5563' : undefined }}
              aria-hidden="true"
            />
            {l.label}
          </li>
        ))}
        <li>
          <span className="legend-line line-solid" style={{ borderColor: CONTEXT_EDGE }} aria-hidden="true" />
          Background flow
        </li>
      </ul>
      <p className="legend-note">
        The label under a member is its role. A dark ring marks an entity in more than one pattern.
      </p>
    </div>
  )
}
