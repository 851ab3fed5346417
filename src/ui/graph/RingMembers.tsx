import { memo } from 'react'
import type { GraphNode } from '../../engine/index.ts'

interface Props {
  readonly patternId: string
  readonly nodes: ReadonlyMap<string, GraphNode>
  readonly onPick: (id: string) => void
}

/**
 * The focused ring's members as a list: a keyboard path to every node the canvas draws for it. Memoised: hovering the
 * canvas and stepping the timeline re-render the card, not this list.
 */
export const RingMembers = memo(function RingMembers({ patternId, nodes, onPick }: Props) {
  const members = [...nodes.values()].filter((n) => n.patternIds.includes(patternId))
  if (members.length === 0) return null
  return (
    <nav className="ring-members" aria-label={`Members of ${patternId}`}>
      <h3>Members of {patternId}</h3>
      <ul>
        {members.map((n) => {
          const role = n.roles.join(' · ')
          return (
            <li key={n.id}>
              <button type="button" className="button-quiet" onClick={() => onPick(n.id)}>
                <strong>{role.replace(/_/g, ' ')}</strong> · {n.type} {n.label}
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
})
