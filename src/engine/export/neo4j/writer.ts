import { plainRow } from '../../model/row-view.ts'
import type { TableDef } from '../../model/field.ts'
import { tables } from '../../model/schema.ts'
import type { FileInfo } from '../output.ts'
import type { ByteSink } from '../byte-sink.ts'
import { quoteCsv } from '../cells.ts'
import { FileWriter, type HasherFactory } from '../file-writer.ts'
import type { DatasetWriter } from '../formats.ts'
import { membershipIndex, type GroundTruth } from '../ground-truth.ts'
import { endpoint, fixed, idColumn, propertyColumns, type Neo4jColumn } from './header.ts'
import { importScript } from './import-script.ts'

type Row = Record<string, unknown>
type Emit = (row: Row) => Promise<void> | void

interface OpenFile {
  readonly writer: FileWriter
  readonly kind: 'nodes' | 'relationships'
  rows: number
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const spaceOf = (entityType: unknown) => pascal(String(entityType))
const str = (key: string) => (row: Row) => String(row[key])

/**
 * Node and relationship CSVs for `neo4j-admin database import full`, plus `import.sh`. Entities are nodes in
 * their own id space (Person, Company, Account, Pattern; Device, IP, Phone, Email where shared; External for
 * cash and merchants; Country for travel); events are relationships. Ground truth: `is_suspicious` on every
 * node and relationship (the tables' own column), a `Suspicious` label on members of suspicious instances,
 * pattern ids/roles on member nodes (look-alikes included), `pattern_id`/`pattern_role` on event relationships, and
 * MEMBER_OF relationships from each member to its pattern instance with the role.
 */
export function neo4jWriter(sink: ByteSink, hasher: HasherFactory, truth: GroundTruth): DatasetWriter {
  const open = new Map<string, OpenFile>()
  const members = membershipIndex(truth)

  // Files open on their first row, so the set of files (and import.sh) follows the data.
  const file = (name: string, kind: OpenFile['kind'], columns: readonly Neo4jColumn[]): Emit => {
    let f: OpenFile | undefined
    return async (row) => {
      if (!f) {
        f = open.get(name)
        if (!f) {
          f = { writer: await FileWriter.open(sink, name, hasher), kind, rows: 0 }
          open.set(name, f)
          f.writer.put(columns.map((c) => c.header).join(',') + '\n')
        }
      }
      let line = ''
      for (let i = 0; i < columns.length; i++) line += (i > 0 ? ',' : '') + columns[i].value(row)
      f.writer.put(line + '\n')
      f.rows++
      return f.writer.drain()
    }
  }

  // Entity tables carry their own is_suspicious column (members of a suspicious instance); the ids and roles
  // also name look-alike instances, so membership alone is not the label.
  const truthColumns: Neo4jColumn[] = [
    fixed('pattern_ids:string[]', (row) => quoteCsv(members.get(row.id as string)?.patternIds.join(';') ?? '')),
    fixed('pattern_roles:string[]', (row) => quoteCsv(members.get(row.id as string)?.roles.join(';') ?? '')),
  ]
  const entityNode = (table: TableDef, label: string, omit: string[] = []) =>
    file(`nodes-${label.toLowerCase()}.csv`, 'nodes', [
      idColumn('id', label),
      fixed(':LABEL', (row) => (row.isSuspicious === true ? `${label};Suspicious` : label)),
      ...propertyColumns(table, ['id', ...omit]),
      ...truthColumns,
    ])
  /** Relationship files of one type, one per (start space, end space): a header names one id space per side. */
  const relation = (type: string, table: TableDef, omit: string[], extra: Neo4jColumn[] = []) => {
    const files = new Map<string, Emit>()
    const props = propertyColumns(table, omit)
    return (from: string, start: string, to: string, end: string, row: Row, typeName = type) => {
      const key = `${from}>${to}>${typeName}`
      let emit = files.get(key)
      if (!emit) {
        const name = `rels-${typeName.toLowerCase()}-${from.toLowerCase()}-${to.toLowerCase()}.csv`
        emit = file(name, 'relationships', [
          endpoint('START', from, (r) => r.__start as string),
          endpoint('END', to, (r) => r.__end as string),
          fixed(':TYPE', () => typeName),
          ...props,
          ...extra,
        ])
        files.set(key, emit)
      }
      return emit({ ...plainRow(row), __start: start, __end: end })
    }
  }

  // Shared identifiers become nodes only where two or more holders share them (where they say something).
  const holders = { phone: new Map<string, string[]>(), email: new Map<string, string[]>() }
  const devices = new Map<string, string>() // device → first account seen
  const ips = new Map<string, Map<string, number>>() // ip → account → events
  const externals = new Map<string, string>() // id → kind
  const countries = new Set<string>()
  const hold = (map: Map<string, string[]>, value: unknown, holder: string) => {
    if (typeof value !== 'string' || value === '') return
    const list = map.get(value)
    if (list) list.push(holder)
    else map.set(value, [holder])
  }
  const external = (row: Row): string => {
    const kind = row.kind as string
    if (kind === 'cash_deposit' || kind === 'cash_withdrawal') {
      externals.set('CASH', 'cash')
      return 'CASH'
    }
    if (typeof row.merchantName === 'string') {
      const id = `MERCHANT:${row.merchantName}`
      externals.set(id, 'merchant')
      return id
    }
    externals.set('EXTERNAL', 'outside')
    return 'EXTERNAL'
  }

  const t = tables
  const employedBy = file('rels-employed_by-person-company.csv', 'relationships', [
    endpoint('START', 'Person', str('id')),
    endpoint('END', 'Company', str('employerId')),
    fixed(':TYPE', () => 'EMPLOYED_BY'),
  ])
  // HOLDS carries only the holder's role; the account's own columns are on its node.
  const holdsAs = (role: string) =>
    relation(
      'HOLDS',
      t.accounts,
      t.accounts.columns.map((c) => c.key),
      [fixed('role:string', () => role)],
    )
  const holds = holdsAs('primary')
  const jointHolds = holdsAs('joint')

  const emitters: Record<string, Emit> = {
    persons: (() => {
      const node = entityNode(t.persons, 'Person')
      return async (row) => {
        hold(holders.phone, row.phone, `Person ${row.id}`)
        hold(holders.email, row.email, `Person ${row.id}`)
        await node(row)
        if (row.employerId != null) await employedBy(row)
      }
    })(),
    companies: (() => {
      const node = entityNode(t.companies, 'Company')
      return (row) => {
        hold(holders.phone, row.phone, `Company ${row.id}`)
        hold(holders.email, row.email, `Company ${row.id}`)
        return node(row)
      }
    })(),
    ownership: (() => {
      const rel = relation('', t.ownership, ['ownerId', 'ownerType', 'companyId', 'role'])
      return (row) =>
        rel(
          spaceOf(row.ownerType),
          row.ownerId as string,
          'Company',
          row.companyId as string,
          row,
          `${String(row.role).toUpperCase()}_OF`,
        )
    })(),
    accounts: (() => {
      const node = entityNode(t.accounts, 'Account', ['ownerId', 'ownerType', 'jointOwnerId'])
      return async (row) => {
        await node(row)
        await holds(spaceOf(row.ownerType), row.ownerId as string, 'Account', row.id as string, row)
        if (row.jointOwnerId != null)
          await jointHolds('Person', row.jointOwnerId as string, 'Account', row.id as string, row)
      }
    })(),
    transactions: (() => {
      const rel = relation('TRANSACTION', t.transactions, ['fromAccountId', 'toAccountId'])
      return (row) => {
        const from = row.fromAccountId as string | null
        const to = row.toAccountId as string | null
        return rel(
          from === null ? 'External' : 'Account',
          from ?? external(row),
          to === null ? 'External' : 'Account',
          to ?? external(row),
          row,
        )
      }
    })(),
    communications: (() => {
      const rel = relation('COMMUNICATED', t.communications, ['senderId', 'recipientId'])
      return (row) => rel('Person', row.senderId as string, 'Person', row.recipientId as string, row)
    })(),
    trades: (() => {
      const rel = relation('TRADED', t.trades, ['accountId', 'companyId'])
      return (row) => rel('Account', row.accountId as string, 'Company', row.companyId as string, row)
    })(),
    travels: (() => {
      const rel = relation('TRAVELLED_TO', t.travels, ['personId', 'toCountry'])
      return (row) => {
        countries.add(row.toCountry as string)
        return rel('Person', row.personId as string, 'Country', row.toCountry as string, row)
      }
    })(),
    documents: (() => {
      const rel = relation('DOCUMENT', t.documents, ['issuerId', 'recipientId'])
      return (row) => rel('Company', row.issuerId as string, 'Company', row.recipientId as string, row)
    })(),
    // Line items stay in the tabular formats: as nodes they would only hang off their document.
    document_lines: () => undefined,
    access_events: (() => {
      const rel = relation('ACCESS', t.access_events, ['accountId', 'deviceId'])
      return (row) => {
        const account = row.accountId as string
        if (!devices.has(row.deviceId as string)) devices.set(row.deviceId as string, account)
        let seen = ips.get(row.ipAddress as string)
        if (!seen) ips.set(row.ipAddress as string, (seen = new Map()))
        seen.set(account, (seen.get(account) ?? 0) + 1)
        return rel('Account', account, 'Device', row.deviceId as string, row)
      }
    })(),
    patterns: file('nodes-pattern.csv', 'nodes', [
      idColumn('id', 'Pattern'),
      fixed(':LABEL', (row) => `Pattern;${pascal(row.kind as string)}`),
      ...propertyColumns(t.patterns, ['id']),
    ]),
    pattern_members: (() => {
      const rel = relation('MEMBER_OF', t.pattern_members, ['patternId', 'entityId', 'entityType'])
      return (row) => rel(spaceOf(row.entityType), row.entityId as string, 'Pattern', row.patternId as string, row)
    })(),
  }

  const writeDerived = async () => {
    const node = (space: string, props: Neo4jColumn[] = []) =>
      file(`nodes-${space.toLowerCase()}.csv`, 'nodes', [idColumn('id', space), fixed(':LABEL', () => space), ...props])
    const deviceNode = node('Device')
    for (const d of devices.keys()) await deviceNode({ id: d })
    const countryNode = node('Country')
    for (const c of [...countries].sort()) await countryNode({ id: c })
    const externalNode = node('External', [fixed('kind:string', (r) => r.kind as string)])
    for (const [id, kind] of externals) await externalNode({ id, kind })
    const ipNode = node('IP')
    const usedIp = file('rels-used_ip-account-ip.csv', 'relationships', [
      endpoint('START', 'Account', str('account')),
      endpoint('END', 'IP', str('ip')),
      fixed(':TYPE', () => 'USED_IP'),
      fixed('events:long', (r) => String(r.events)),
    ])
    for (const [ip, accounts] of ips) {
      if (accounts.size < 2) continue
      await ipNode({ id: ip })
      for (const [account, events] of accounts) await usedIp({ ip, account, events })
    }
    for (const [what, map] of Object.entries(holders)) {
      const space = pascal(what)
      const valueNode = node(space)
      const rels = new Map<string, Emit>()
      for (const [value, list] of map) {
        if (list.length < 2) continue
        await valueNode({ id: value })
        for (const h of list) {
          const [holderSpace, id] = h.split(' ')
          let emit = rels.get(holderSpace)
          if (!emit)
            rels.set(
              holderSpace,
              (emit = file(`rels-has_${what}-${holderSpace.toLowerCase()}-${what}.csv`, 'relationships', [
                endpoint('START', holderSpace, str('id')),
                endpoint('END', space, str('value')),
                fixed(':TYPE', () => `HAS_${what.toUpperCase()}`),
              ])),
            )
          await emit({ id, value })
        }
      }
    }
  }

  let current: Emit | null = null
  return {
    async beginTable(table) {
      current = emitters[table.name] ?? null
      const emit = current
      return (row) => emit?.(row)
    },
    async endTable() {
      current = null
    },
    async finish() {
      await writeDerived()
      const files: FileInfo[] = []
      const names = [...open.keys()]
      for (const name of names) {
        const f = open.get(name) as OpenFile
        files.push({ ...(await f.writer.close()), rows: f.rows })
      }
      const script = await FileWriter.open(sink, 'import.sh', hasher)
      script.put(
        importScript(
          names.filter((n) => open.get(n)?.kind === 'nodes'),
          names.filter((n) => open.get(n)?.kind === 'relationships'),
        ),
      )
      files.push({ ...(await script.close()), rows: null })
      return files
    },
  }
}
