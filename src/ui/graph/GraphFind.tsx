import { useId, useState, type FormEvent } from 'react'
import type { GraphNode } from '../../engine/index.ts'
import { findNodes } from './graph-find.ts'

interface Props {
  readonly nodes: ReadonlyMap<string, GraphNode>
  readonly onFound: (id: string) => void
}

/** Search by id or name among the drawn nodes; Enter goes to the best match, the list offers the others. */
export function GraphFind({ nodes, onFound }: Props) {
  const [query, setQuery] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const listId = useId()
  const matches = query.trim().length >= 2 ? findNodes(nodes.values(), query) : []
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const best = findNodes(nodes.values(), query, 1)[0]
    if (best) {
      setMessage(null)
      onFound(best.id)
    } else setMessage(`No drawn node has an id or name containing “${query.trim()}”.`)
  }
  return (
    <form className="graph-find" role="search" onSubmit={submit}>
      <label className="inline-field">
        <span>Find a node</span>
        <input
          type="search"
          list={listId}
          value={query}
          placeholder="Id or name"
          onChange={(e) => {
            setQuery(e.target.value)
            setMessage(null)
          }}
        />
      </label>
      <datalist id={listId}>
        {matches.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label}
          </option>
        ))}
      </datalist>
      <button type="submit" className="button button-small">
        Go
      </button>
      {message && (
        <p className="graph-find-message" role="status">
          {message}
        </p>
      )}
    </form>
  )
}
