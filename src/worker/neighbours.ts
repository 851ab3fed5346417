import type { GraphData, GraphEdge, GraphEdgeType, GraphNode, GraphNodeType } from '../engine/index.ts'
import { scanRows } from './csv-rows.ts'

type Row = Readonly<Record<string, string>>

/** Event and relation tables that link two entities, with the columns naming the two ends. */
const LINKS: readonly {
  readonly file: string
  readonly type: GraphEdgeType
  readonly ends: readonly [string, string]
  label(row: Row): string
}[] = [
  {
    file: 'transactions.csv',
    type: 'transaction',
    ends: ['from_account_id', 'to_account_id'],
    label: (r) => `${r.kind} ${r.amount} ${r.currency}`,
  },
  {
    file: 'communications.csv',
    type: 'communication',
    ends: ['sender_id', 'recipient_id'],
    label: (r) => r.channel,
  },
  { file: 'accounts.csv', type: 'holds', ends: ['owner_id', 'id'], label: () => 'holds' },
  { file: 'accounts.csv', type: 'holds', ends: ['joint_owner_id', 'id'], label: () => 'holds (joint)' },
  {
    file: 'ownership.csv',
    type: 'ownership',
    ends: ['owner_id', 'company_id'],
    label: (r) => `${r.role} ${r.share_pct}%`,
  },
  {
    file: 'trades.csv',
    type: 'trade',
    ends: ['person_id', 'company_id'],
    label: (r) => `${r.side} ${r.quantity} ${r.ticker}`,
  },
  { file: 'documents.csv', type: 'document', ends: ['issuer_id', 'recipient_id'], label: (r) => r.doc_type },
  { file: 'access_events.csv', type: 'access', ends: ['person_id', 'account_id'], label: (r) => r.kind },
]

/** Entity tables by id prefix, with how the graph names one of their rows. */
const ENTITIES: Readonly<Record<string, { file: string; type: GraphNodeType; label(r: Row): string }>> = {
  PER: { file: 'persons.csv', type: 'person', label: (r) => r.full_name },
  COM: { file: 'companies.csv', type: 'company', label: (r) => r.legal_name },
  ACC: { file: 'accounts.csv', type: 'account', label: (r) => `${r.account_type} ${r.id}` },
}

/** Counterparties brought in per expansion: enough to see who an entity deals with, few enough to read. */
export const MAX_NEIGHBOURS = 24
/** Rows drawn per counterparty: repeated flows between the same two ends draw as one line anyway. */
const ROWS_PER_NEIGHBOUR = 3

export interface Neighbourhood {
  /** The counterparties, most rows first; those already on the graph come back too, so their links can be drawn. */
  readonly nodes: readonly GraphNode[]
  /** Links from the entity to them, none the graph already has. */
  readonly edges: readonly GraphEdge[]
  /** Counterparties the full dataset has for the entity (more than `nodes` when capped). */
  readonly total: number
}

const cells = (r: Row) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))

/**
 * An entity's counterparties in the full dataset, read from the CSV files the worker holds: every row of a linking
 * table that names it at one end gives the entity at the other end. Capped at `MAX_NEIGHBOURS`, most linked first
 * (ties by id), so the same run always expands the same way.
 */
export function neighbourhood(
  files: ReadonlyMap<string, readonly Uint8Array[]>,
  drawn: GraphData,
  id: string,
): Neighbourhood {
  const onGraph = new Set(drawn.edges.map((e) => String(e.data.id ?? '')).filter(Boolean))
  const rows = new Map<string, GraphEdge[]>()
  const counts = new Map<string, number>()
  const scanned = new Set<string>()
  for (const link of LINKS) {
    const chunks = files.get(link.file)
    if (!chunks) continue
    // accounts.csv links twice (owner, joint owner); one pass over it serves both.
    if (scanned.has(link.file)) continue
    scanned.add(link.file)
    const sameFile = LINKS.filter((l) => l.file === link.file)
    scanRows(
      chunks,
      (line) => line.includes(id),
      (r) => {
        for (const l of sameFile) {
          const [a, b] = l.ends.map((c) => r[c])
          const other = a === id ? b : b === id ? a : ''
          if (!other || other === id || onGraph.has(r.id)) continue
          counts.set(other, (counts.get(other) ?? 0) + 1)
          const list = rows.get(other) ?? []
          rows.set(other, list)
          if (list.length >= ROWS_PER_NEIGHBOUR) continue
          list.push({
            id: `x:${r.id}:${l.ends[0]}`,
            source: a,
            target: b,
            type: l.type,
            patternId: r.pattern_id || null,
            role: r.pattern_role || null,
            label: l.label(r),
            data: cells(r),
          })
        }
      },
    )
  }
  const n = (other: string) => counts.get(other) ?? 0
  const ranked = [...rows.keys()].sort((a, b) => n(b) - n(a) || (a < b ? -1 : a > b ? 1 : 0))
  const known = new Map(drawn.nodes.map((node) => [node.id, node]))
  const nodes = entityNodes(files, known, new Set(ranked.slice(0, MAX_NEIGHBOURS)))
  // Only links whose far end could be drawn (an id no table holds would leave an edge hanging).
  const ends = new Set([id, ...nodes.map((node) => node.id)])
  const edges = nodes.flatMap((node) => rows.get(node.id) ?? []).filter((e) => ends.has(e.source) && ends.has(e.target))
  return { nodes, edges, total: rows.size }
}

/** Graph nodes for the given ids: as drawn where the graph has them, else from their table's row. */
function entityNodes(
  files: ReadonlyMap<string, readonly Uint8Array[]>,
  known: ReadonlyMap<string, GraphNode>,
  ids: ReadonlySet<string>,
): GraphNode[] {
  const out = new Map<string, GraphNode>()
  const wanted = new Map<string, Set<string>>()
  for (const id of ids) {
    const drawn = known.get(id)
    if (drawn) out.set(id, drawn)
    else {
      const prefix = id.slice(0, 3)
      if (!ENTITIES[prefix]) continue
      wanted.set(prefix, (wanted.get(prefix) ?? new Set()).add(id))
    }
  }
  for (const [prefix, missing] of wanted) {
    const entity = ENTITIES[prefix]
    scanRows(
      files.get(entity.file) ?? [],
      (line) => missing.has(line.slice(0, line.indexOf(','))),
      (r) =>
        out.set(r.id, {
          id: r.id,
          type: entity.type,
          label: entity.label(r),
          patternIds: [],
          roles: [],
          data: cells(r),
        }),
    )
  }
  // The ranking's order, not the files'.
  return [...ids].flatMap((id) => out.get(id) ?? [])
}
