import type { Column, TableDef } from '../../model/field.ts'
import { tables } from '../../model/schema.ts'
import type { FileInfo } from '../output.ts'
import type { ByteSink } from '../byte-sink.ts'
import { FileWriter, type HasherFactory } from '../file-writer.ts'
import type { DatasetWriter } from '../formats.ts'
import { membershipIndex, type GroundTruth } from '../ground-truth.ts'
import { loadScript, bulkProperties, type GraphSchema } from './janusgraph.ts'
import { keyType, propertyName, typedValue, type KeyType } from './values.ts'

type Row = Record<string, unknown>

export const GRAPHSON_FILE = 'fincrime.graphson.json'

interface Vertex {
  readonly label: string
  /** Vertex properties as GraphSON text (`"key":[{"id":…,"value":…}]` joined), written once. */
  readonly props: string
  readonly outE: number[]
  readonly inE: number[]
}

interface Edge {
  readonly id: string
  readonly label: string
  readonly out: string
  readonly in: string
  readonly props: string
}

/**
 * A GraphSON 3.0 adjacency file (one vertex per line with its outE and inE, typed values, as TinkerPop's
 * GraphSONReader.readGraph and HadoopGraph's GraphSONInputFormat read it), plus `load.groovy` (schema first,
 * then the load) and `janusgraph-bulk.properties`. The adjacency needs every vertex's edges, so the graph is
 * held in memory until the last table (edges as pre-encoded text).
 */
export function graphsonWriter(sink: ByteSink, hasher: HasherFactory, truth: GroundTruth): DatasetWriter {
  const vertices = new Map<string, Vertex>()
  const edges: Edge[] = []
  const schema: GraphSchema = { keys: new Map(), listKeys: new Set(), vertexLabels: new Set(), edgeLabels: new Set() }
  const members = membershipIndex(truth)
  let propertyId = 0

  const declare = (name: string, type: KeyType) => {
    const known = schema.keys.get(name)
    if (known && known !== type) throw new Error(`graphson: property ${name} is both ${known} and ${type}`)
    schema.keys.set(name, type)
  }
  const vertexProp = (name: string, values: readonly unknown[]) =>
    JSON.stringify(name) +
    ':[' +
    values.map((v) => `{"id":{"@type":"g:Int64","@value":${propertyId++}},"value":${JSON.stringify(v)}}`).join(',') +
    ']'

  const addVertex = (id: string, label: string, parts: string[]) => {
    if (vertices.has(id)) return
    schema.vertexLabels.add(label)
    declare('entity_id', 'String')
    vertices.set(id, { label, props: [vertexProp('entity_id', [id]), ...parts].join(','), outE: [], inE: [] })
  }
  const rowVertex = (table: TableDef, label: string, omit: readonly string[] = []) => {
    const cols = table.columns.filter((c) => c.key !== 'id' && !omit.includes(c.key))
    for (const c of cols) {
      declare(c.name, keyType(c.spec))
      if (c.spec.kind === 'list') schema.listKeys.add(c.name)
    }
    declare('pattern_ids', 'String')
    declare('pattern_roles', 'String')
    schema.listKeys.add('pattern_ids').add('pattern_roles')
    return (row: Row) => {
      const id = row.id as string
      const parts: string[] = []
      for (const c of cols) {
        const v = row[c.key]
        if (v === null || v === undefined) continue
        if (c.spec.kind === 'list') {
          if ((v as readonly string[]).length > 0) parts.push(vertexProp(c.name, v as readonly string[]))
        } else parts.push(vertexProp(c.name, [typedValue(c.spec, v, row)]))
      }
      // is_suspicious is the table's own column (true for members of a suspicious instance, not of look-alikes).
      const m = members.get(id)
      if (m) parts.push(vertexProp('pattern_ids', m.patternIds), vertexProp('pattern_roles', m.roles))
      addVertex(id, label, parts)
    }
  }
  const edgeProps = (cols: readonly Column[], row: Row, idName: string) => {
    const parts: string[] = []
    for (const c of cols) {
      const v = row[c.key]
      if (v === null || v === undefined) continue
      const value = c.spec.kind === 'list' ? (v as readonly string[]).join(';') : typedValue(c.spec, v, row)
      parts.push(JSON.stringify(propertyName(c, idName)) + ':' + JSON.stringify(value))
    }
    return parts
  }
  const addEdge = (id: string, label: string, out: string, into: string, props: string[]) => {
    schema.edgeLabels.add(label)
    const index = edges.length
    edges.push({ id, label, out, in: into, props: props.join(',') })
    vertices.get(out)?.outE.push(index)
    vertices.get(into)?.inE.push(index)
  }
  let derived = 0
  const rowEdge = (table: TableDef, label: string | ((row: Row) => string), omit: readonly string[]) => {
    const cols = table.columns.filter((c) => !omit.includes(c.key))
    for (const c of cols) declare(propertyName(c, 'event_id'), c.spec.kind === 'list' ? 'String' : keyType(c.spec))
    return (out: string, into: string, row: Row) => {
      const props = edgeProps(cols, row, 'event_id')
      const name = typeof label === 'string' ? label : label(row)
      addEdge(typeof row.id === 'string' ? row.id : `${name}-${derived++}`, name, out, into, props)
    }
  }
  const external = (row: Row): string => {
    const kind = row.kind as string
    const id =
      kind === 'cash_deposit' || kind === 'cash_withdrawal'
        ? 'CASH'
        : typeof row.merchantName === 'string'
          ? `MERCHANT:${row.merchantName}`
          : 'EXTERNAL'
    declare('kind', 'String')
    addVertex(id, 'External', [
      vertexProp('kind', [id === 'CASH' ? 'cash' : id === 'EXTERNAL' ? 'outside' : 'merchant']),
    ])
    return id
  }
  const plainVertex = (id: string, label: string) => addVertex(id, label, [])

  const t = tables
  const person = rowVertex(t.persons, 'Person')
  const company = rowVertex(t.companies, 'Company')
  const account = rowVertex(t.accounts, 'Account', ['ownerId', 'ownerType', 'jointOwnerId'])
  const pattern = rowVertex(t.patterns, 'Pattern')
  declare('role', 'String')
  const link = (label: string, out: string, into: string, props: string[] = []) =>
    addEdge(`${label}-${derived++}`, label, out, into, props)
  const ownership = rowEdge(t.ownership, (r) => `${String(r.role).toUpperCase()}_OF`, [
    'ownerId',
    'ownerType',
    'companyId',
    'role',
  ])
  const transaction = rowEdge(t.transactions, 'TRANSACTION', ['fromAccountId', 'toAccountId'])
  const message = rowEdge(t.communications, 'COMMUNICATED', ['senderId', 'recipientId'])
  const trade = rowEdge(t.trades, 'TRADED', ['accountId', 'companyId'])
  const travel = rowEdge(t.travels, 'TRAVELLED_TO', ['personId', 'toCountry'])
  const document = rowEdge(t.documents, 'DOCUMENT', ['issuerId', 'recipientId'])
  const access = rowEdge(t.access_events, 'ACCESS', ['accountId', 'deviceId'])
  const member = rowEdge(t.pattern_members, 'MEMBER_OF', ['patternId', 'entityId', 'entityType'])

  const handlers: Partial<Record<string, (row: Row) => void>> = {
    persons: (r) => {
      person(r)
      if (r.employerId != null) pendingEmployers.push([r.id as string, r.employerId as string])
    },
    companies: company,
    ownership: (r) => ownership(r.ownerId as string, r.companyId as string, r),
    accounts: (r) => {
      account(r)
      link('HOLDS', r.ownerId as string, r.id as string, ['"role":"primary"'])
      if (r.jointOwnerId != null) link('HOLDS', r.jointOwnerId as string, r.id as string, ['"role":"joint"'])
    },
    transactions: (r) =>
      transaction(
        (r.fromAccountId as string | null) ?? external(r),
        (r.toAccountId as string | null) ?? external(r),
        r,
      ),
    communications: (r) => message(r.senderId as string, r.recipientId as string, r),
    trades: (r) => trade(r.accountId as string, r.companyId as string, r),
    travels: (r) => {
      plainVertex(r.toCountry as string, 'Country')
      travel(r.personId as string, r.toCountry as string, r)
    },
    documents: (r) => document(r.issuerId as string, r.recipientId as string, r),
    access_events: (r) => {
      plainVertex(r.deviceId as string, 'Device')
      access(r.accountId as string, r.deviceId as string, r)
    },
    patterns: pattern,
    pattern_members: (r) => member(r.entityId as string, r.patternId as string, r),
  }
  // Employees come before their employers in table order: their edges wait for the companies.
  const pendingEmployers: [string, string][] = []

  const edgeJson = (e: Edge, other: 'inV' | 'outV') =>
    `{"id":${JSON.stringify(e.id)},"${other}":${JSON.stringify(other === 'inV' ? e.in : e.out)},"properties":{${e.props}}}`
  const adjacency = (index: readonly number[], other: 'inV' | 'outV') => {
    const byLabel = new Map<string, string[]>()
    for (const i of index) {
      const e = edges[i]
      const list = byLabel.get(e.label)
      const json = edgeJson(e, other)
      if (list) list.push(json)
      else byLabel.set(e.label, [json])
    }
    return [...byLabel].map(([label, list]) => `${JSON.stringify(label)}:[${list.join(',')}]`).join(',')
  }

  let current = ''
  return {
    async beginTable(table) {
      current = table.name
      const handle = handlers[table.name]
      return (row) => handle?.(row)
    },
    async endTable() {
      if (current === 'companies') for (const [p, c] of pendingEmployers.splice(0)) link('EMPLOYED_BY', p, c)
    },
    async finish() {
      const file = await FileWriter.open(sink, GRAPHSON_FILE, hasher)
      for (const [id, v] of vertices) {
        let line = `{"id":${JSON.stringify(id)},"label":${JSON.stringify(v.label)}`
        if (v.outE.length > 0) line += `,"outE":{${adjacency(v.outE, 'inV')}}`
        if (v.inE.length > 0) line += `,"inE":{${adjacency(v.inE, 'outV')}}`
        file.put(line + `,"properties":{${v.props}}}\n`)
        await file.drain()
      }
      const files: FileInfo[] = [{ ...(await file.close()), rows: vertices.size }]
      for (const [name, text] of [
        ['load.groovy', loadScript(schema, GRAPHSON_FILE)],
        ['janusgraph-bulk.properties', bulkProperties()],
      ]) {
        const f = await FileWriter.open(sink, name, hasher)
        f.put(text)
        files.push({ ...(await f.close()), rows: null })
      }
      return files
    },
  }
}
