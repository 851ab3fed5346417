import gremlin from 'gremlin'
import { beforeAll, describe, expect, it } from 'vitest'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'

interface Line {
  id: string
  label: string
  outE?: Record<string, { id: string; inV: string; properties: Record<string, unknown> }[]>
  inE?: Record<string, { id: string; outV: string; properties: Record<string, unknown> }[]>
  properties: Record<string, { id: unknown; value: unknown }[]>
}

/** GraphSON 3.0 adjacency lines read by TinkerPop's own JavaScript GraphSON 3 reader (the `gremlin` package). */
describe('graphson export', () => {
  let g: Generated
  let lines: Line[]
  const reader = new gremlin.structure.io.GraphSON3Reader()
  beforeAll(async () => {
    g = await generate(smallConfig('graphson', 2), 'graphson')
    lines = g
      .text('fincrime.graphson.json')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line)
  }, 120_000)

  it('reads every line as a g:Vertex with typed properties', () => {
    const counts = new Map<string, number>()
    for (const line of lines) {
      const v = reader.read({ '@type': 'g:Vertex', '@value': line }) as InstanceType<typeof gremlin.structure.Vertex>
      expect(v).toBeInstanceOf(gremlin.structure.Vertex)
      counts.set(v.label, (counts.get(v.label) ?? 0) + 1)
    }
    const c = g.result.counts
    expect(counts.get('Person')).toBe(c.persons)
    expect(counts.get('Company')).toBe(c.companies)
    expect(counts.get('Account')).toBe(c.accounts)
    expect(counts.get('Pattern')).toBe(c.patterns)
    expect(counts.get('Device')).toBeGreaterThan(0)
    const company = lines.find((l) => l.label === 'Company') as Line
    const read = reader.read(company.properties) as Record<string, { value: unknown }[]>
    expect(typeof read.employees[0].value).toBe('number')
    expect(read.incorporated_on[0].value).toBeInstanceOf(Date)
    expect(typeof read.is_listed[0].value).toBe('boolean')
  })

  it('holds every edge twice, as outE of its source and inE of its target, with typed values', () => {
    const ids = new Set(lines.map((l) => l.id))
    const out = new Map<string, string>()
    const into = new Map<string, string>()
    for (const l of lines) {
      for (const [label, list] of Object.entries(l.outE ?? {}))
        for (const e of list) {
          expect(ids.has(e.inV), e.inV).toBe(true)
          out.set(e.id, `${l.id} ${label} ${e.inV}`)
        }
      for (const [label, list] of Object.entries(l.inE ?? {}))
        for (const e of list) into.set(e.id, `${e.outV} ${label} ${l.id}`)
    }
    expect(into).toEqual(out)
    const txns = [...out.values()].filter((e) => e.includes(' TRANSACTION ')).length
    expect(txns).toBe(g.result.counts.transactions)
    const edge = lines.flatMap((l) => l.outE?.TRANSACTION ?? [])[0]
    const props = reader.read(edge.properties) as Record<string, unknown>
    expect(props.timestamp).toBeInstanceOf(Date)
    expect(typeof props.amount).toBe('number')
    expect(props.is_suspicious).toBe(false)
  })

  it('marks members and labelled events as the ground truth says', () => {
    const suspicious = lines.filter((l) => l.properties.is_suspicious?.[0].value === true).map((l) => l.id)
    const bad = new Set(g.result.patterns.filter((p) => p.isSuspicious).map((p) => p.id))
    const badMembers = g.result.members.filter((m) => m.isSuspicious).map((m) => m.entityId)
    expect(new Set(suspicious)).toEqual(new Set([...badMembers, ...bad]))
    const edges = lines.flatMap((l) => l.outE?.TRANSACTION ?? [])
    const labelled = edges.filter((e) => e.properties.is_suspicious === true).map((e) => e.id)
    const own = edges.filter(
      (e) => bad.has(e.properties.pattern_id as string) && e.properties.pattern_role !== 'camouflage',
    )
    expect(labelled.length).toBeGreaterThan(0)
    expect(new Set(labelled)).toEqual(new Set(own.map((e) => e.id)))
  })

  it('declares in load.groovy every property key and label the file uses, and is deterministic', async () => {
    const script = g.text('load.groovy')
    const keys = new Set<string>()
    const labels = new Set<string>()
    for (const l of lines) {
      labels.add(l.label)
      for (const k of Object.keys(l.properties)) keys.add(k)
      for (const [label, list] of Object.entries(l.outE ?? {})) {
        labels.add(label)
        for (const e of list) for (const k of Object.keys(e.properties)) keys.add(k)
      }
    }
    for (const k of keys) expect(script, k).toContain(`makePropertyKey('${k}')`)
    for (const l of labels) expect(script, l).toMatch(new RegExp(`make(Vertex|Edge)Label\\('${l}'\\)`))
    expect(script).toContain("readGraph('fincrime.graphson.json')")
    expect(g.text('janusgraph-bulk.properties')).toContain('storage.batch-loading=true')
    const again = await generate(smallConfig('graphson', 2), 'graphson')
    expect(again.hashes).toEqual(g.hashes)
  }, 60_000)
})
