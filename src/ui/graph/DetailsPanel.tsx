import type { GraphEdge, GraphNode } from '../../engine/index.ts'
import type { PatternRow } from '../results/pattern-row.ts'
import type { Selection } from '../state/view-store.ts'
import type { Expansion, GraphIndex } from './graph-elements.ts'

interface Props {
  readonly selection: Selection
  readonly index: GraphIndex
  readonly patterns: ReadonlyMap<string, PatternRow>
  readonly colours: ReadonlyMap<string, string>
  /** The selected node's expansion, when its neighbours are drawn. */
  readonly expansion: Expansion | undefined
  readonly onExpand: (id: string) => void
  readonly expandError: string | null
}

/** Brings a node's counterparties from the whole dataset onto the graph, or takes them off again. */
function ExpandButton({
  id,
  expansion,
  onExpand,
  error,
}: {
  id: string
  expansion: Expansion | undefined
  onExpand: (id: string) => void
  error: string | null
}) {
  return (
    <div className="details-expand">
      <button type="button" className="button button-primary-outline" onClick={() => onExpand(id)}>
        {expansion ? 'Hide neighbours' : 'Show neighbours'}
      </button>
      <span className="muted" role="status">
        {expansion
          ? expansion.total === 0
            ? 'No counterparties beyond what is drawn.'
            : `${expansion.nodes.length} of ${expansion.total} counterparties in the full dataset (most linked first).`
          : 'Or double-click the node.'}
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

function Value({ value }: { readonly value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>
  return <>{String(value)}</>
}

function Membership({
  ids,
  roles,
  patterns,
  colours,
  empty,
}: {
  ids: readonly string[]
  roles: readonly string[]
  patterns: Props['patterns']
  colours: Props['colours']
  empty: string
}) {
  if (ids.length === 0) return <p className="muted">{empty}</p>
  return (
    <ul className="membership">
      {ids.map((id, i) => {
        const row = patterns.get(id)
        return (
          <li key={`${id}:${i}`}>
            <span className="kind-chip" style={{ background: colours.get(row?.kind ?? '') ?? '#555' }}>
              {row?.kind ?? 'pattern'}
            </span>{' '}
            <code>{id}</code>{' '}
            {roles[i] ? (
              <>
                as <strong>{roles[i]}</strong>
              </>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

/** Everything known about the clicked node or edge: its pattern membership and its row as exported. */
export function DetailsPanel({ selection, index, patterns, colours, expansion, onExpand, expandError }: Props) {
  if (!selection)
    return <p className="details-empty">Click a node or an edge to see its record and why it is on the graph.</p>
  const item: GraphNode | GraphEdge | undefined =
    selection.group === 'node' ? index.nodes.get(selection.id) : index.edges.get(selection.id)
  if (!item) return <p className="details-empty">The selected element is not part of this run.</p>
  const isNode = selection.group === 'node'
  const node = item as GraphNode
  const edge = item as GraphEdge
  return (
    <div className="details" aria-live="polite">
      <p className="details-kicker">{isNode ? node.type : `${edge.type.replace('_', ' ')} edge`}</p>
      <h3 className="details-title">{item.label || item.id}</h3>
      {isNode ? (
        <Membership
          ids={node.patternIds}
          roles={node.roles}
          patterns={patterns}
          colours={colours}
          empty="Background: not a member of any injected pattern."
        />
      ) : (
        <Membership
          ids={edge.patternId ? [edge.patternId] : []}
          roles={edge.role ? [edge.role] : []}
          patterns={patterns}
          colours={colours}
          empty="Not labelled with a pattern."
        />
      )}
      {isNode && <ExpandButton id={node.id} expansion={expansion} onExpand={onExpand} error={expandError} />}
      {!isNode && (
        <p className="details-ends">
          <code>{edge.source}</code> → <code>{edge.target}</code>
        </p>
      )}
      {Object.keys(item.data).length === 0 && (
        <p className="muted">No further fields: this link is a relation, not a row.</p>
      )}
      <table className="kv">
        <tbody>
          {Object.entries(item.data).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>
                <Value value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
