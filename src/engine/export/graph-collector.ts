import type { TableDef } from '../model/field.ts'
import { plainRow } from '../model/row-view.ts'
import { tables, type TableName } from '../model/schema.ts'
import type { Communication } from '../model/tables/communications.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import type { Injected } from '../patterns/types.ts'
import type { World } from '../model/world.ts'
import { rowToCells } from './cells.ts'
import { suspiciousEntities } from './ground-truth.ts'
import type { GraphData, GraphEdge, GraphEdgeType, GraphNode, GraphNodeType } from './subgraph.ts'

type Row = Record<string, unknown>
type NodeDraft = {
  id: string
  type: GraphNodeType
  label: string
  patternIds: string[]
  roles: string[]
  data: Record<string, string | null>
}

/** Attributes that, when two ring members share them, are drawn as a shared_attribute edge. */
const SHARED: readonly (keyof Person)[] = ['phone', 'email', 'street']

/**
 * Builds the graph view's subgraph: every pattern member, the accounts and counterparties its events touch, the
 * events as edges, and background transactions/messages of those same entities up to a cap, so the rings stand
 * out against their ordinary activity without sending the whole dataset to the page.
 */
export function createGraphCollector(world: World, injected: Injected, maxContextEdges: number) {
  const nodes = new Map<string, NodeDraft>()
  const edges: GraphEdge[] = []
  const extra = new Map<string, { table: TableDef; row: Row; type: GraphNodeType }>()
  for (const p of injected.rows.persons) extra.set(p.id, { table: tables.persons, row: p, type: 'person' })
  for (const c of injected.rows.companies) extra.set(c.id, { table: tables.companies, row: c, type: 'company' })
  for (const a of injected.rows.accounts) extra.set(a.id, { table: tables.accounts, row: a, type: 'account' })

  const suspicious = suspiciousEntities(injected)
  /** The row as the tables write it: is_suspicious from membership (a background ring member's own row says false). */
  const labelled = (id: string, row: Row): Row =>
    typeof row.isSuspicious === 'boolean' && row.isSuspicious !== suspicious.has(id)
      ? { ...plainRow(row), isSuspicious: suspicious.has(id) }
      : row
  const lookup = (id: string): { table: TableDef; row: Row; type: GraphNodeType } | null => {
    const found = find(id)
    return found && { ...found, row: labelled(id, found.row) }
  }
  const find = (id: string): { table: TableDef; row: Row; type: GraphNodeType } | null => {
    const e = extra.get(id)
    if (e) return e
    let i = world.personIndex.get(id)
    if (i !== undefined) return { table: tables.persons, row: world.persons[i], type: 'person' }
    i = world.companyIndex.get(id)
    if (i !== undefined) return { table: tables.companies, row: world.companies[i], type: 'company' }
    i = world.accountIndex.get(id)
    if (i !== undefined) return { table: tables.accounts, row: world.accounts[i], type: 'account' }
    return null
  }

  const node = (id: string | null): NodeDraft | null => {
    if (id === null) return null
    let n = nodes.get(id)
    if (n) return n
    const found = lookup(id)
    if (!found) return null
    const r = found.row
    const label =
      found.type === 'person'
        ? String(r.fullName)
        : found.type === 'company'
          ? String(r.legalName)
          : `${String(r.accountType)} ${id}`
    n = { id, type: found.type, label, patternIds: [], roles: [], data: rowToCells(found.table, r) }
    nodes.set(id, n)
    if (found.type === 'account') {
      const owner = node(String(r.ownerId))
      if (owner) addEdge('holds', owner.id, id, null, null, 'holds', {})
    }
    return n
  }

  let edgeSeq = 0
  function addEdge(
    type: GraphEdgeType,
    source: string,
    target: string,
    patternId: string | null,
    role: string | null,
    label: string,
    data: Record<string, string | null>,
  ): void {
    edges.push({ id: `e${edgeSeq++}`, type, source, target, patternId, role, label, data })
  }

  const mark = (id: string, patternId: string, role: string) => {
    const n = node(id)
    if (!n) return
    if (!n.patternIds.includes(patternId)) n.patternIds.push(patternId)
    if (!n.roles.includes(role)) n.roles.push(role)
  }
  for (const m of injected.members) mark(m.entityId, m.patternId, m.role)

  const addTransaction = (t: Transaction, label: string) => {
    const from = node(t.fromAccountId ?? t.conductorId)
    const to = node(t.toAccountId)
    const cells = rowToCells(tables.transactions, t as unknown as Row)
    if (from && to) addEdge('transaction', from.id, to.id, t.patternId, t.patternRole, label, cells)
    else if (from && t.conductorId && from.id !== t.conductorId)
      addEdge('transaction', from.id, node(t.conductorId)?.id ?? from.id, t.patternId, t.patternRole, label, cells)
  }
  const money = (t: Transaction) =>
    `${t.kind} ${rowToCells(tables.transactions, t as unknown as Row).amount} ${t.currency}`
  for (const t of injected.rows.transactions) addTransaction(t, money(t))
  /** One event row as an edge between two entities, labelled like the row (when both ends are drawable). */
  const linkRow = <T extends { patternId: string | null; patternRole: string | null }>(
    type: GraphEdgeType,
    table: TableDef,
    row: T,
    source: string | null,
    target: string | null,
    label: string,
  ) => {
    const a = node(source)
    const b = node(target)
    if (a && b)
      addEdge(type, a.id, b.id, row.patternId, row.patternRole, label, rowToCells(table, row as unknown as Row))
  }
  const r = injected.rows
  for (const c of r.communications)
    linkRow('communication', tables.communications, c, c.senderId, c.recipientId, c.channel)
  for (const t of r.trades)
    linkRow('trade', tables.trades, t, t.personId, t.companyId, `${t.side} ${t.quantity} ${t.ticker}`)
  for (const d of r.documents) linkRow('document', tables.documents, d, d.issuerId, d.recipientId, d.docType)
  for (const e of r.access_events) linkRow('access', tables.access_events, e, e.personId, e.accountId, e.kind)
  for (const o of r.ownership)
    linkRow('ownership', tables.ownership, o, o.ownerId, o.companyId, `${o.role} ${o.sharePct}%`)
  // Background holdings and roles of member companies: who really owns the fronts.
  const memberCompanies = [...nodes.values()].filter((n) => n.type === 'company' && n.patternIds.length > 0)
  for (const company of memberCompanies) {
    for (const o of world.ownershipOf[world.companyIndex.get(company.id) ?? -1] ?? []) {
      const row = world.ownership[o]
      const owner = node(row.ownerId)
      if (owner)
        addEdge(
          'ownership',
          owner.id,
          company.id,
          null,
          null,
          `${row.role} ${row.sharePct}%`,
          rowToCells(tables.ownership, row as unknown as Row),
        )
    }
  }
  // Ring members that share a phone, e-mail or street: the link a fraud analyst looks for.
  const memberPersons = [...nodes.values()].filter((n) => n.type === 'person' && n.patternIds.length > 0)
  for (let i = 0; i < memberPersons.length; i++) {
    for (let j = i + 1; j < memberPersons.length; j++) {
      const a = memberPersons[i]
      const b = memberPersons[j]
      const shared = SHARED.filter((k) => a.data[k] !== null && a.data[k] === b.data[k])
      if (shared.length > 0) addEdge('shared_attribute', a.id, b.id, null, null, `shares ${shared.join(', ')}`, {})
    }
  }

  const focus = new Set([...nodes.keys()])
  let context = 0
  let truncated = false
  const take = () => {
    if (context >= maxContextEdges) {
      truncated = true
      return false
    }
    context++
    return true
  }

  return {
    /** The fields the observer reads to choose its rows (a chosen row is read whole, through `whole`). */
    fields(table: TableName): readonly string[] {
      if (table === 'transactions') return ['patternId', 'fromAccountId', 'toAccountId']
      if (table === 'communications') return ['patternId', 'senderId', 'recipientId']
      return []
    },
    /**
     * Watches background rows as they stream out and keeps those touching the rings, up to the cap. `whole`: the
     * chosen row with every field, for rows that arrive holding only `fields` (encoded in a lane).
     */
    observer(table: TableName, whole: (row: unknown) => unknown = (row) => row): ((row: unknown) => void) | undefined {
      if (table === 'transactions') {
        return (row) => {
          const t = row as Transaction
          if (t.patternId !== null) return
          if ((focus.has(t.fromAccountId ?? '') || focus.has(t.toAccountId ?? '')) && take()) {
            const full = whole(t) as Transaction
            addTransaction(full, money(full))
          }
        }
      }
      if (table === 'communications') {
        return (row) => {
          const c = row as Communication
          if (c.patternId !== null) return
          if ((focus.has(c.senderId) || focus.has(c.recipientId)) && take()) {
            const full = whole(c) as Communication
            linkRow('communication', tables.communications, full, full.senderId, full.recipientId, full.channel)
          }
        }
      }
      return undefined
    },
    result(): GraphData {
      return { nodes: [...nodes.values()] as GraphNode[], edges, truncated }
    },
  }
}
