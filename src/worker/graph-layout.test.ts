import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import type { ResolvedConfig } from '../engine/index.ts'
import { createEngineApi } from './api.ts'
import { CELL, ringCells, type GraphLayout } from './graph-layout.ts'

async function positionsOf(config: ResolvedConfig) {
  const api = createEngineApi()
  const response = await api.generate(config)
  if (!response.ok) throw new Error(JSON.stringify(response.issues))
  const layout = (await api.layoutGraph(response.summary.runKey)) as GraphLayout
  const at = new Map(layout.ids.map((id, i) => [id, [layout.xy[2 * i], layout.xy[2 * i + 1]] as const]))
  const members = new Set((response.summary.graph?.nodes ?? []).filter((n) => n.patternIds.length > 0).map((n) => n.id))
  return { at, members }
}

function small(): ResolvedConfig {
  const config = defaultConfig()
  config.counts = { ...config.counts, persons: 300, companies: 60, accounts: 600, transactions: 3_000 }
  // One of each kind, and its look-alikes: the whole graph fits under the overview's cap, so every ring is drawn.
  for (const p of Object.values(config.patterns)) p.count = 1
  return config
}

describe('graph layout', () => {
  it('gives the same config the same positions in a fresh worker', async () => {
    const a = await positionsOf(small())
    const b = await positionsOf(small())
    expect(a.at.size).toBeGreaterThan(20)
    expect([...b.at]).toEqual([...a.at])
  }, 60_000)

  it('keeps every ring member in place when a background count or another ring changes', async () => {
    const before = await positionsOf(small())
    const tweaked = small()
    tweaked.counts.transactions = 3_600
    tweaked.patterns.fraudRing.count += 1
    const after = await positionsOf(tweaked)
    let kept = 0
    for (const id of before.members) {
      expect(after.at.get(id), id).toEqual(before.at.get(id))
      kept++
    }
    expect(kept).toBeGreaterThan(10)
    expect(after.members.size).toBeGreaterThan(before.members.size)
  }, 60_000)

  it('keeps rings apart: no two members of different rings share a spot', async () => {
    const { at, members } = await positionsOf(small())
    const spots = new Set([...members].map((id) => at.get(id)?.join(',')))
    expect(spots.size).toBe(members.size)
  }, 60_000)
})

describe('ring gallery and focused rings', () => {
  it('gives every instance of a big run a thumbnail and a focusable graph, even those the overview leaves out', async () => {
    const config = small()
    for (const p of Object.values(config.patterns)) p.count = 100
    const api = createEngineApi()
    const response = await api.generate(config)
    if (!response.ok) throw new Error(JSON.stringify(response.issues))
    const { summary } = response
    expect(summary.graphPatterns?.length).toBeLessThan(summary.patterns.length)
    const ids = summary.patterns.map((p) => p.id)
    const thumbs = (await api.ringThumbs(summary.runKey, ids)) ?? []
    expect(thumbs.map((t) => t.id)).toEqual(ids)
    for (const t of thumbs) {
      expect(t.nodes.length, t.id).toBeGreaterThan(0)
      for (const [a, b] of t.links) expect(a < t.nodes.length && b < t.nodes.length).toBe(true)
      // A thumbnail is its ring alone, centred on its cell.
      for (const n of t.nodes) expect(Math.hypot(n.x, n.y), t.id).toBeLessThan(200)
    }
    const left = ids.find((id) => !summary.graphPatterns?.includes(id)) as string
    const ring = await api.ringGraph(summary.runKey, left)
    expect(ring).not.toBeNull()
    if (!ring) return
    const members = ring.graph.nodes.filter((n) => n.patternIds.includes(left))
    expect(members.length).toBeGreaterThan(1)
    const nodeIds = new Set(ring.graph.nodes.map((n) => n.id))
    for (const e of ring.graph.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true)
    expect(ring.layout.ids).toEqual(ring.graph.nodes.map((n) => n.id))
    // On its own, the ring takes the shape of its thumbnail, around the centre of its cell.
    const own = new Set(members.map((n) => n.id))
    for (const e of ring.graph.edges)
      if (e.patternId === left && e.role !== 'camouflage') own.add(e.source).add(e.target)
    const at = (id: string) => {
      const i = ring.layout.ids.indexOf(id)
      return [ring.layout.xy[2 * i], ring.layout.xy[2 * i + 1]] as const
    }
    const points = [...own].map(at)
    const cx = points.reduce((n, p) => n + p[0], 0) / points.length
    const cy = points.reduce((n, p) => n + p[1], 0) / points.length
    const byXy = (a: readonly number[], b: readonly number[]) => a[0] - b[0] || a[1] - b[1]
    const relative = points.map(([x, y]) => [x - cx, y - cy]).sort(byXy)
    const thumb = (thumbs.find((t) => t.id === left) as (typeof thumbs)[number]).nodes.map((n) => [n.x, n.y]).sort(byXy)
    expect(relative.length).toBe(thumb.length)
    relative.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(thumb[i][0], 0)
      expect(y).toBeCloseTo(thumb[i][1], 0)
    })
    const offCell = (v: number) => Math.abs(v - Math.round(v / CELL) * CELL)
    expect(offCell(cx) + offCell(cy)).toBeLessThan(1)
  }, 120_000)
})

describe('ring cells', () => {
  const order = ['structuring', 'fraudRing']
  const crimes = [
    { id: 'S1', kind: 'structuring' },
    { id: 'S2', kind: 'structuring' },
    { id: 'F1', kind: 'fraudRing' },
  ]
  const lookalikes = [
    { id: 'L1', kind: 'cashBusiness', resembles: 'structuring' },
    { id: 'L2', kind: 'household', resembles: 'fraudRing' },
    { id: 'L3', kind: 'cashBusiness', resembles: 'structuring' },
  ]

  it('gives every instance, crime or look-alike, a cell of its own', () => {
    const cells = ringCells([...crimes, ...lookalikes], order)
    const spots = [...cells.values()].map((c) => `${c.x},${c.y}`)
    expect(new Set(spots).size).toBe(crimes.length + lookalikes.length)
  })

  it("puts a kind's look-alikes above its crimes in its column, and neither side moves when the other grows", () => {
    const alone = ringCells(crimes, order)
    const both = ringCells([...crimes, ...lookalikes], order)
    for (const c of crimes) expect(both.get(c.id)).toEqual(alone.get(c.id))
    expect(both.get('L1')).toMatchObject({ x: 0, y: -CELL })
    expect(both.get('L3')).toMatchObject({ x: 0, y: -2 * CELL })
    expect(both.get('L2')).toMatchObject({ x: CELL, y: -CELL })
    const more = ringCells([...crimes, { id: 'S3', kind: 'structuring' }, ...lookalikes], order)
    for (const l of lookalikes) expect(more.get(l.id)).toEqual(both.get(l.id))
    // A node two rings share goes to the lower instance number, and at the same number to the crime.
    expect(both.get('S1')!.rank).toBeLessThan(both.get('L1')!.rank)
    expect(both.get('L1')!.rank).toBeLessThan(both.get('S2')!.rank)
  })
})
