import type { GraphNode } from '../../engine/index.ts'

/** Nodes whose id or name matches what was typed: an exact id first, then names and ids that contain the text. */
export function findNodes(nodes: Iterable<GraphNode>, query: string, limit = 8): GraphNode[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const exact: GraphNode[] = []
  const partial: GraphNode[] = []
  for (const n of nodes) {
    if (n.id.toLowerCase() === q) exact.push(n)
    else if (n.id.toLowerCase().includes(q) || n.label.toLowerCase().includes(q)) partial.push(n)
  }
  return [...exact, ...partial].slice(0, limit)
}
