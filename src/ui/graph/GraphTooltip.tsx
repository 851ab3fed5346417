import type { GraphNode } from '../../engine/index.ts'
import type { Hover } from './GraphView.tsx'

/** What the pointer is over: the node's name, kind of entity and roles, without clicking. */
export function GraphTooltip({ hover, node }: { readonly hover: Hover | null; readonly node: GraphNode | undefined }) {
  if (!hover || !node) return null
  return (
    <div className="graph-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
      <strong>{node.label || node.id}</strong>
      <span>
        {node.type} <code>{node.id}</code>
      </span>
      <span>{node.roles.length > 0 ? node.roles.map((r) => r.replace(/_/g, ' ')).join(' · ') : 'background'}</span>
    </div>
  )
}
