import { CONTEXT_EDGE, CONTEXT_NODE } from './palette.ts'

interface Props {
  readonly kinds: readonly {
    readonly kind: string
    readonly label: string
    readonly colour: string
    readonly shown: boolean
  }[]
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

/** Reads the picture: colour is the pattern kind, shape the entity, line style the relation, grey the background. */
export function GraphLegend({ kinds }: Props) {
  return (
    <div className="legend" aria-label="Legend">
      <ul className="legend-group">
        {kinds.map((k) => (
          <li key={k.kind} className={k.shown ? undefined : 'legend-absent'}>
            <span className="legend-dot" style={{ background: k.colour }} aria-hidden="true" />
            {k.label}
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
