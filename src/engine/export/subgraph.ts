/** The shape the graph view draws: pattern members, their flows, and a capped sample of background context. */

export type GraphNodeType = 'person' | 'company' | 'account'
export type GraphEdgeType =
  'transaction' | 'communication' | 'ownership' | 'holds' | 'shared_attribute' | 'trade' | 'document' | 'access'

export interface GraphNode {
  readonly id: string
  readonly type: GraphNodeType
  readonly label: string
  /** Pattern instances this entity is a member of (empty for context nodes). */
  readonly patternIds: readonly string[]
  readonly roles: readonly string[]
  /** The entity's row, for the details panel. */
  readonly data: Readonly<Record<string, string | number | boolean | null>>
}

export interface GraphEdge {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly type: GraphEdgeType
  readonly patternId: string | null
  readonly role: string | null
  readonly label: string
  readonly data: Readonly<Record<string, string | number | boolean | null>>
}

export interface GraphData {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  /** True when background context was cut at the cap. */
  readonly truncated: boolean
}
