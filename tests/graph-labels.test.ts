import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { createMemorySink, parseConfig, runGeneration } from '../src/engine/index.ts'
import { smallConfig, type CsvRow } from './helpers/dataset.ts'

/** The graph's details panel shows an entity as the tables write it, ring members of the background included. */
describe('graph node labels', () => {
  it('give every person, company and account the is_suspicious of its row in the written table', async () => {
    const sink = createMemorySink()
    const config = parseConfig({
      ...smallConfig('graph-labels', 2),
      patterns: { fraudRing: { count: 3 }, muleChain: { count: 2 } },
    })
    const result = await runGeneration(config, { format: 'csv', sink, graph: { maxContextEdges: 200 } })
    const written = new Map<string, CsvRow>()
    for (const t of ['persons', 'companies', 'accounts']) {
      const text = new TextDecoder().decode(sink.bytes(`${t}.csv`))
      for (const row of Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true }).data) written.set(row.id, row)
    }
    // A crime's target members; its unwitting parties (victims) are members whose row says false.
    const targets = new Set(
      Papa.parse<CsvRow>(new TextDecoder().decode(sink.bytes('pattern_members.csv')), {
        header: true,
        skipEmptyLines: true,
      })
        .data.filter((m) => m.is_suspicious === 'true')
        .map((m) => m.entity_id),
    )
    const nodes = result.graph?.nodes ?? []
    expect(nodes.length).toBeGreaterThan(0)
    let members = 0
    for (const n of nodes) {
      const row = written.get(n.id)
      expect(row, n.id).toBeDefined()
      expect(n.data.is_suspicious, n.id).toBe(row?.is_suspicious)
      if (n.patternIds.length > 0) members++
      expect(n.data.is_suspicious, n.id).toBe(targets.has(n.id) ? 'true' : 'false')
    }
    expect(members).toBeGreaterThan(0)
  }, 120_000)
})
