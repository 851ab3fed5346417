import type { GraphEdge } from '../../engine/index.ts'

export interface TimelineEvent {
  readonly edgeId: string
  readonly time: number
  readonly type: GraphEdge['type']
  readonly label: string
  readonly role: string | null
  readonly source: string
  readonly target: string
}

/** The column that dates each kind of event row, as the graph's edge data carries it. */
const TIME_FIELDS = ['timestamp', 'issued_at', 'departure_at'] as const

function timeOf(edge: GraphEdge): number | null {
  for (const key of TIME_FIELDS) {
    const value = edge.data[key]
    if (typeof value === 'string' && value) {
      const ms = Date.parse(value)
      if (Number.isFinite(ms)) return ms
    }
  }
  return null
}

/** One ring's dated events (its own transactions, messages, trades, logins, documents), in time order. */
export function ringTimeline(edges: Iterable<GraphEdge>, patternId: string): TimelineEvent[] {
  const out: TimelineEvent[] = []
  for (const e of edges) {
    if (e.patternId !== patternId) continue
    const time = timeOf(e)
    if (time === null) continue
    out.push({
      edgeId: e.id,
      time,
      type: e.type,
      label: e.label,
      role: e.role,
      source: e.source,
      target: e.target,
    })
  }
  // Ties keep the engine's order, which is the order the events happened in within the same second.
  return out
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].time - b[0].time || a[1] - b[1])
    .map(([e]) => e)
}

/** "2025-03-04 09:12 UTC", without locale APIs, so every browser prints the same. */
export function formatUtcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
