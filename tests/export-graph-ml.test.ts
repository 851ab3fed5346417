import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'

type Rec = Record<string, number | string>

/** The graph-ML hand-off: integer ids, numeric feature tables, labels and time-based masks. */
// easy without its few look-alikes: every injected transaction is suspicious (tests/labels.test.ts covers the rest).
const config = { ...smallConfig('graph-ml', 2), difficulty: 'easy', difficultyKnobs: { lookalikeRatio: 0 } }

describe('graph-ml export', () => {
  let g: Generated
  let nodes: Rec[]
  let edges: Rec[]
  let schema: {
    nodes: { count: number; features: string[] }
    edges: { count: number; features: string[] }
    splits: { train_end: number; val_end: number; counts: Record<string, number> }
  }
  const parse = (name: string) =>
    Papa.parse<Rec>(g.text(name), { header: true, dynamicTyping: true, skipEmptyLines: true }).data
  beforeAll(async () => {
    g = await generate(config, 'graph-ml')
    nodes = parse('graph_nodes.csv')
    edges = parse('graph_edges.csv')
    schema = JSON.parse(g.text('graph_schema.json')) as typeof schema
  }, 120_000)

  it('numbers nodes 0…n−1 and edges 0…m−1, every edge between existing nodes', () => {
    expect(nodes.map((n) => n.node_id)).toEqual(nodes.map((_, i) => i))
    expect(edges.map((e) => e.edge_id)).toEqual(edges.map((_, i) => i))
    expect(edges.length).toBe(g.result.counts.transactions)
    expect(schema.edges.count).toBe(edges.length)
    expect(schema.nodes.count).toBe(nodes.length)
    for (const e of edges) {
      expect(Number.isInteger(e.src) && (e.src as number) < nodes.length).toBe(true)
      expect(Number.isInteger(e.dst) && (e.dst as number) < nodes.length).toBe(true)
    }
    expect(nodes.filter((n) => n.is_external === 0).length).toBe(g.result.counts.accounts)
  })

  it('has only numeric feature columns, as the schema lists them', () => {
    for (const f of schema.nodes.features) for (const n of nodes) expect(typeof n[f], f).toBe('number')
    for (const f of schema.edges.features) for (const e of edges) expect(typeof e[f], f).toBe('number')
  })

  it('cuts train, validation and test by time, each mask one-hot and matching the split', () => {
    let last = 0
    const order = { train: 0, val: 1, test: 2 }
    for (const e of edges) {
      const s = order[e.split as keyof typeof order]
      expect(s, 'splits in time order').toBeGreaterThanOrEqual(last)
      last = s
      expect((e.train_mask as number) + (e.val_mask as number) + (e.test_mask as number)).toBe(1)
      expect(e[`${e.split}_mask`]).toBe(1)
      const t = e.timestamp as number
      if (e.split === 'train') expect(t).toBeLessThan(schema.splits.train_end)
      if (e.split === 'test') expect(t).toBeGreaterThanOrEqual(schema.splits.val_end)
    }
    for (const s of ['train', 'val', 'test']) {
      expect(schema.splits.counts[s]).toBe(edges.filter((e) => e.split === s).length)
      expect(schema.splits.counts[s], s).toBeGreaterThan(0)
    }
  })

  it('labels the injected transactions and the target member accounts', () => {
    expect(edges.filter((e) => e.is_laundering === 1).length).toBe(g.result.injected.transactions)
    const memberAccounts = new Set(
      g.result.members.filter((m) => m.entityType === 'account' && m.isSuspicious).map((m) => m.entityId),
    )
    expect(new Set(nodes.filter((n) => n.is_suspicious === 1).map((n) => n.entity_id))).toEqual(memberAccounts)
  })
})
