import Papa from 'papaparse'
import kuzu from 'kuzu'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallConfig } from './helpers/dataset.ts'
import { generateToDir } from './helpers/export.ts'

type Dir = Awaited<ReturnType<typeof generateToDir>>

/** neo4j-admin's header grammar (Neo4j 5 operations manual, "CSV header format"). */
const ID = /^([A-Za-z_][A-Za-z0-9_]*)?:ID\(([A-Za-z][A-Za-z0-9_]*)\)$/
const ENDPOINT = /^:(START|END)_ID\(([A-Za-z][A-Za-z0-9_]*)\)$/
const PROPERTY = /^([a-z_][a-z0-9_]*):(int|long|float|double|boolean|byte|short|char|string|date|datetime)(\[\])?$/
const VALUE: Record<string, RegExp> = {
  long: /^-?\d+$/,
  double: /^-?\d+(\.\d+)?$/,
  boolean: /^(true|false)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  string: /[\s\S]*/,
}

interface ParsedFile {
  name: string
  header: string[]
  rows: string[][]
}

describe('neo4j export', () => {
  let out: Dir
  let files: ParsedFile[]
  const nodes = () => files.filter((f) => f.name.startsWith('nodes-'))
  const rels = () => files.filter((f) => f.name.startsWith('rels-'))

  beforeAll(async () => {
    out = await generateToDir(smallConfig('neo4j', 2), 'neo4j')
    files = [...out.files.keys()]
      .filter((n) => n.endsWith('.csv'))
      .map((name) => {
        const [header, ...rows] = Papa.parse<string[]>(out.text(name), { skipEmptyLines: true }).data
        return { name, header, rows }
      })
  }, 120_000)
  afterAll(() => out?.remove())

  it('writes headers in the importer grammar, and every value parses as its declared type', () => {
    expect(nodes().length).toBeGreaterThanOrEqual(8)
    expect(rels().length).toBeGreaterThanOrEqual(15)
    for (const f of files) {
      const isNode = f.name.startsWith('nodes-')
      const kinds = f.header.map((h) => {
        if (ID.test(h)) return 'id'
        if (ENDPOINT.test(h)) return 'endpoint'
        if (h === ':LABEL' || h === ':TYPE') return h
        const m = PROPERTY.exec(h)
        expect(m, `${f.name}: header field ${h}`).not.toBeNull()
        return 'property'
      })
      if (isNode) {
        expect(
          kinds.filter((k) => k === 'id'),
          f.name,
        ).toHaveLength(1)
        expect(kinds, f.name).toContain(':LABEL')
      } else {
        expect(
          kinds.filter((k) => k === 'endpoint'),
          f.name,
        ).toHaveLength(2)
        expect(kinds, f.name).toContain(':TYPE')
      }
      for (const row of f.rows) {
        expect(row.length, f.name).toBe(f.header.length)
        f.header.forEach((h, i) => {
          const m = PROPERTY.exec(h)
          if (!m || row[i] === '') return
          const parts = m[3] ? row[i].split(';') : [row[i]]
          for (const p of parts) expect(VALUE[m[2]].test(p), `${f.name} ${h} = ${row[i]}`).toBe(true)
        })
      }
    }
  }, 120_000) // a busy 2-core machine: the whole dataset's files are read

  it('has unique ids per id space and no relationship pointing at a missing node', () => {
    const spaces = new Map<string, Set<string>>()
    for (const f of nodes()) {
      const col = f.header.findIndex((h) => ID.test(h))
      const space = (ID.exec(f.header[col]) as RegExpExecArray)[2]
      expect(spaces.has(space), `one file per id space: ${space}`).toBe(false)
      const ids = new Set(f.rows.map((r) => r[col]))
      expect(ids.size, f.name).toBe(f.rows.length)
      spaces.set(space, ids)
    }
    for (const f of rels()) {
      f.header.forEach((h, i) => {
        const m = ENDPOINT.exec(h)
        if (!m) return
        const ids = spaces.get(m[2])
        expect(ids, `${f.name}: id space ${m[2]} has a node file`).toBeDefined()
        for (const r of f.rows) expect(ids?.has(r[i]), `${f.name}: ${m[2]} ${r[i]}`).toBe(true)
      })
    }
  })

  it('carries the ground truth: labels on members, labels on events, one file line per row', () => {
    const person = files.find((f) => f.name === 'nodes-person.csv') as ParsedFile
    const label = person.header.indexOf(':LABEL')
    const flagged = person.rows.filter((r) => r[label] === 'Person;Suspicious').map((r) => r[0])
    // Suspicious means a target member of a suspicious instance; look-alike members and victims are not flagged.
    const bad = new Set(out.result.patterns.filter((p) => p.isSuspicious).map((p) => p.id))
    const memberPersons = new Set(
      out.result.members.filter((m) => m.entityType === 'person' && m.isSuspicious).map((m) => m.entityId),
    )
    expect(memberPersons.size).toBeGreaterThan(0)
    expect(new Set(flagged)).toEqual(memberPersons)
    const txn = rels().filter((f) => f.name.startsWith('rels-transaction-'))
    const total = txn.reduce((n, f) => n + f.rows.length, 0)
    expect(total).toBe(out.result.counts.transactions)
    const suspicious = txn.reduce(
      (n, f) => n + f.rows.filter((r) => r[f.header.indexOf('is_suspicious:boolean')] === 'true').length,
      0,
    )
    const patternId = (f: ParsedFile, r: string[]) => r[f.header.findIndex((h) => h.startsWith('pattern_id'))]
    const role = (f: ParsedFile, r: string[]) => r[f.header.findIndex((h) => h.startsWith('pattern_role'))]
    const own = txn.reduce(
      (n, f) => n + f.rows.filter((r) => bad.has(patternId(f, r)) && role(f, r) !== 'camouflage').length,
      0,
    )
    expect(suspicious).toBeGreaterThan(0)
    expect(suspicious).toBe(own)
  })

  it('lists every CSV in import.sh and in the manifest with its hash', () => {
    const script = out.text('import.sh')
    expect(script).toMatch(/^#!\/bin\/sh\n/)
    expect(script).toContain('neo4j-admin database import full "$DATABASE"')
    for (const f of files)
      expect(script).toContain(f.name.startsWith('nodes-') ? `--nodes=${f.name}` : `--relationships=${f.name}`)
    const manifest = JSON.parse(out.text('manifest.json')) as {
      files: { name: string; sha256: string; rows: number }[]
    }
    for (const f of files) {
      const entry = manifest.files.find((e) => e.name === f.name)
      expect(entry?.sha256, f.name).toBe(out.hashes[f.name])
      expect(entry?.rows, f.name).toBe(f.rows.length)
    }
  })

  it('loads into an embedded graph database (Kùzu), where Cypher finds each instance’s members by role', async () => {
    const db = new kuzu.Database(':memory:')
    const conn = new kuzu.Connection(db)
    const run = async (q: string) => {
      const r = await conn.query(q)
      return (Array.isArray(r) ? r[r.length - 1] : r).getAll()
    }
    const kuzuType = (h: string) => {
      const m = PROPERTY.exec(h) as RegExpExecArray
      if (m[3]) return 'STRING'
      return (
        { long: 'INT64', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', datetime: 'TIMESTAMP' }[m[2]] ?? 'STRING'
      )
    }
    const column = (h: string, i: number) =>
      h === ':LABEL'
        ? '`labels` STRING'
        : h === ':TYPE'
          ? '`rel_type` STRING'
          : `\`${PROPERTY.exec(h)?.[1] ?? `c${i}`}\` ${kuzuType(h)}`
    for (const f of nodes()) {
      const space = (ID.exec(f.header[0]) as RegExpExecArray)[2]
      const cols = f.header.slice(1).map(column)
      await run(`CREATE NODE TABLE ${space}(id STRING PRIMARY KEY${cols.map((c) => ', ' + c).join('')})`)
      await run(`COPY ${space} FROM '${out.path(f.name)}' (header = true, parallel = false)`)
    }
    // One relationship table per type, with a FROM/TO pair per file of that type (Kùzu's multi-pair rel tables).
    const byType = new Map<string, ParsedFile[]>()
    for (const f of rels()) {
      const type = f.rows[0]?.[f.header.indexOf(':TYPE')]
      if (type) byType.set(type, [...(byType.get(type) ?? []), f])
    }
    for (const [type, list] of byType) {
      const pairs = list.map((f) => {
        const [from, to] = f.header.slice(0, 2).map((h) => (ENDPOINT.exec(h) as RegExpExecArray)[2])
        return { f, from, to }
      })
      const props = list[0].header.slice(2).map(column)
      await run(
        `CREATE REL TABLE ${type}(${pairs.map((p) => `FROM ${p.from} TO ${p.to}`).join(', ')}${props.map((c) => ', ' + c).join('')})`,
      )
      for (const p of pairs) {
        const opts = pairs.length > 1 ? `, from = '${p.from}', to = '${p.to}'` : ''
        await run(`COPY ${type} FROM '${out.path(p.f.name)}' (header = true, parallel = false${opts})`)
      }
    }
    const [{ n }] = (await run('MATCH ()-[t:TRANSACTION]->() RETURN count(t) AS n')) as { n: number }[]
    expect(n).toBe(out.result.counts.transactions)
    for (const pattern of out.result.patterns) {
      const found = (await run(
        `MATCH (m)-[r:MEMBER_OF]->(p:Pattern) WHERE p.id = '${pattern.id}' RETURN m.id AS id, r.role AS role ORDER BY id, role`,
      )) as { id: string; role: string }[]
      const expected = out.result.members
        .filter((m) => m.patternId === pattern.id)
        .map((m) => ({ id: m.entityId, role: m.role }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0))
      expect(found, `${pattern.kind} ${pattern.id}`).toEqual(expected)
    }
    // A question a user asks: which smurfs of each structuring ring conducted its cash deposits?
    const smurfs = (await run(
      `MATCH (s:Person)-[r:MEMBER_OF]->(p:Pattern)<-[c:MEMBER_OF]-(a:Account), (x:External)-[t:TRANSACTION]->(a)
       WHERE p.kind = 'structuring' AND r.role = 'smurf' AND c.role = 'collector'
         AND x.id = 'CASH' AND t.pattern_id = p.id AND t.conductor_id = s.id
       RETURN p.id AS id, count(DISTINCT s.id) AS n ORDER BY id`,
    )) as { id: string; n: number }[]
    const rings = out.result.patterns.filter((p) => p.kind === 'structuring')
    expect(smurfs.map((s) => s.id)).toEqual(rings.map((p) => p.id).sort())
    for (const s of smurfs)
      expect(s.n).toBe(out.result.members.filter((m) => m.patternId === s.id && m.role === 'smurf').length)
    await conn.close()
    await db.close()
  }, 120_000)
})
