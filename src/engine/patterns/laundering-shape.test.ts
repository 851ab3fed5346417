import { describe, expect, it } from 'vitest'
import { integrityProblems, makeFixture, type Fixture } from '../../../tests/helpers/pattern-fixture.ts'
import { degree, moneyGraph, passThroughProblems, type MoneyGraph } from '../../../tests/helpers/money-graph.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { difficultyPresets } from '../config/difficulty.ts'
import { minorToMajor } from '../model/money.ts'
import { DAY, HOUR } from '../model/time.ts'
import { currencyByCode } from '../reference/currencies.ts'
import { launderingShape } from './laundering-shape.ts'
import { moneyText } from './money-text.ts'
import { SHAPES, type Shape } from './specs/laundering-shape.ts'

const SEEDS = [1, 42, 1337]
const fixtures = new Map<number, Fixture>()
const fixture = (seed: number) => fixtures.get(seed) ?? fixtures.set(seed, makeFixture(seed)).get(seed)!

type Params = Partial<{
  subtype: Shape
  size: number
  hops: number
  amountUsd: number
  cutPct: number
  delayHours: number
  spreadHours: number
}>

function run(f: Fixture, params: Params, instance = 0, knobs = difficultyPresets.easy) {
  const { out, ctx } = f.run(launderingShape, params, instance, knobs)
  const txs = [...(out.rows.transactions ?? [])]
  const accounts = (role: string) =>
    out.members.filter((m) => m.role === role && m.entityType === 'account').map((m) => m.entityId as string)
  return { out, txs, g: moneyGraph(txs), accounts, problems: integrityProblems(f.world, ctx, out) }
}

/** Layer of each account: the longest path from an account that received nothing. */
function layersOf(g: MoneyGraph, txs: readonly Transaction[]): Map<string, number> {
  const depth = new Map<string, number>()
  const ids = new Set(txs.flatMap((t) => [t.fromAccountId as string, t.toAccountId as string]))
  for (const id of ids) if (!g.inflow.has(id)) depth.set(id, 0)
  for (let changed = true; changed;) {
    changed = false
    for (const t of txs) {
      const d = (depth.get(t.fromAccountId as string) ?? -1) + 1
      if (d > (depth.get(t.toAccountId as string) ?? -1)) {
        depth.set(t.toAccountId as string, d)
        changed = true
      }
    }
  }
  return depth
}

/** The graph really is the shape: degrees of hubs and spokes, the ring closing, layers with no edges inside. */
function checkShape(shape: Shape, r: ReturnType<typeof run>, size: number, hops: number) {
  const { g, txs, accounts } = r
  const deg = (a: string) => degree(g, a)
  if (shape === 'fan_out' || shape === 'fan_in') {
    const [hub] = accounts('hub')
    const spokes = accounts(shape === 'fan_out' ? 'sink' : 'source')
    expect(spokes).toHaveLength(size)
    expect(deg(hub)).toEqual(shape === 'fan_out' ? { in: 0, out: size } : { in: size, out: 0 })
    for (const s of spokes) expect(deg(s)).toEqual(shape === 'fan_out' ? { in: 1, out: 0 } : { in: 0, out: 1 })
  } else if (shape === 'cycle') {
    const [start] = accounts('originator')
    expect(accounts('intermediary')).toHaveLength(size - 1)
    const ring = [...txs].sort((a, b) => a.timestamp - b.timestamp)
    expect(ring).toHaveLength(size)
    expect(ring[0].fromAccountId).toBe(start)
    for (let k = 1; k < size; k++) expect(ring[k].fromAccountId).toBe(ring[k - 1].toAccountId)
    expect(ring[size - 1].toAccountId, 'the cycle closes').toBe(start)
    for (const a of [start, ...accounts('intermediary')]) expect(deg(a)).toEqual({ in: 1, out: 1 })
  } else if (shape === 'scatter_gather' || shape === 'gather_scatter') {
    const hubs = accounts(shape === 'scatter_gather' ? 'intermediary' : 'hub')
    const sources = accounts('source')
    const sinks = accounts('sink')
    if (shape === 'scatter_gather') {
      expect(hubs).toHaveLength(size)
      expect(deg(sources[0])).toEqual({ in: 0, out: size })
      expect(deg(sinks[0])).toEqual({ in: size, out: 0 })
      for (const h of hubs) expect(deg(h)).toEqual({ in: 1, out: 1 })
    } else {
      expect(sources).toHaveLength(size)
      expect(deg(hubs[0])).toEqual({ in: size, out: sinks.length })
    }
  } else {
    const depth = layersOf(g, txs)
    for (const t of txs)
      expect(depth.get(t.toAccountId as string), 'edges only join consecutive layers').toBe(
        (depth.get(t.fromAccountId as string) as number) + 1,
      )
    const layers = shape === 'bipartite' ? 1 : hops
    expect(Math.max(...depth.values())).toBe(layers)
    const widths = Array.from({ length: layers + 1 }, (_, l) => [...depth.values()].filter((d) => d === l).length)
    if (shape === 'layered_fan_out') {
      expect(widths[0]).toBe(1)
      expect(widths[layers]).toBe(size)
      for (const [a, d] of depth) if (d > 0) expect(deg(a).in, 'a tree: one parent').toBe(1)
    } else if (shape === 'layered_fan_in') {
      expect(widths[layers]).toBe(1)
      expect(widths[0]).toBe(size)
      for (const [a, d] of depth) if (d < layers) expect(deg(a).out, 'a tree: one parent').toBe(1)
    } else for (const w of widths) expect(w).toBeGreaterThanOrEqual(2)
    for (let l = 1; l < widths.length && shape.startsWith('layered'); l++) expect(widths[l] - widths[l - 1]).not.toBe(0)
  }
}

describe('launderingShape', () => {
  for (const seed of SEEDS) {
    for (const shape of SHAPES) {
      it(`${shape}, seed ${seed}: the graph is the shape, money flows forward and never grows`, () => {
        const f = fixture(seed)
        const size = 5 + (seed % 3)
        const r = run(f, { subtype: shape, size, hops: 3, cutPct: 2 })
        expect(r.problems).toEqual([])
        expect(r.out.subtype).toBe(shape)
        checkShape(shape, r, size, 3)
        const cur = r.txs[0].currency
        for (const t of r.txs) {
          expect(t.currency).toBe(cur)
          expect(t.toAmount, 'one currency end to end').toBeNull()
          expect(t.patternRole).toBe('layering_transfer')
        }
        // Conservation at the minor unit: out ≤ in at every pass-through, the cut within 1.25 × 2 % plus rounding.
        const passers = [...r.g.inflow.keys()].filter(
          (a) => r.g.outflow.has(a) && !r.accounts('originator').includes(a),
        )
        for (const a of passers) expect(passThroughProblems(r.g, a, 0.025 + 0.001)).toEqual([])
        const starts =
          shape === 'cycle' ? r.accounts('originator') : [...r.g.outflow.keys()].filter((a) => !r.g.inflow.has(a))
        const first = starts.flatMap((a) => r.g.outflow.get(a) ?? [])
        const sent = first.reduce((s, t) => s + t.amount, 0)
        expect(sent).toBeLessThanOrEqual(r.out.totalMinor as number)
        expect(sent).toBeGreaterThan((r.out.totalMinor as number) * 0.998)
        const named = r.accounts('source')[0] ?? r.accounts('originator')[0] ?? r.accounts('hub')[0]
        expect(r.out.narrative).toContain(named)
        expect(r.out.narrative).toContain(moneyText(r.out.totalMinor as number, cur))
      })
    }
  }

  it('at hard moves a credible sum in rounds weeks apart, each payment paid from money already received', () => {
    const f = fixture(1)
    const usd: number[] = []
    for (let i = 0; i < 12; i++) {
      const r = run(f, { size: 3, hops: 2 }, i, difficultyPresets.hard)
      expect(r.problems).toEqual([])
      const cur = r.txs[0].currency
      usd.push(minorToMajor(r.out.totalMinor as number, cur) / currencyByCode[cur].perUsd)
      const times = r.txs.map((t) => t.timestamp)
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20 * DAY)
      // Each pass-through's running balance never goes below zero: every round is funded by the one before it.
      const starts = new Set([...r.g.outflow.keys()].filter((a) => !r.g.inflow.has(a)))
      if (r.out.subtype === 'cycle') starts.add(r.accounts('originator')[0])
      for (const a of r.g.outflow.keys()) {
        if (starts.has(a)) continue
        const moves = [
          ...(r.g.inflow.get(a) ?? []).map((t) => [t.timestamp, t.toAmount ?? t.amount] as const),
          ...(r.g.outflow.get(a) ?? []).map((t) => [t.timestamp, -t.amount] as const),
        ].sort((x, y) => x[0] - y[0] || y[1] - x[1])
        let balance = 0
        for (const [, m] of moves) expect((balance += m)).toBeGreaterThanOrEqual(0)
      }
    }
    usd.sort((a, b) => a - b)
    expect(usd[usd.length >> 1], 'median sum in USD').toBeGreaterThan(5_000)
  })

  it('honours amount, cut and timing: a larger cut keeps more, a longer delay stretches the hops', () => {
    const f = fixture(42)
    for (const [cutPct, delayHours] of [
      [0, 2],
      [10, 96],
    ]) {
      for (let i = 0; i < 3; i++) {
        const r = run(f, { subtype: 'stacked_bipartite', size: 4, hops: 3, cutPct, delayHours, spreadHours: 2 }, i)
        expect(r.problems).toEqual([])
        for (const a of r.g.inflow.keys()) {
          const ins = r.g.inflow.get(a) ?? []
          const outs = r.g.outflow.get(a) ?? []
          if (outs.length === 0) continue
          expect(passThroughProblems(r.g, a, (cutPct / 100) * 1.25 + 0.001)).toEqual([])
          const kept = 1 - outs.reduce((s, t) => s + t.amount, 0) / ins.reduce((s, t) => s + t.amount, 0)
          expect(kept).toBeGreaterThanOrEqual((cutPct / 100) * 0.75 - 0.001)
          const wait = Math.min(...outs.map((t) => t.timestamp)) - Math.max(...ins.map((t) => t.timestamp))
          expect(wait).toBeGreaterThanOrEqual(delayHours * 0.5 * HOUR - 1)
          expect(wait).toBeLessThanOrEqual((delayHours * 1.5 + 2) * HOUR)
        }
      }
    }
  })

  it('any picks several shapes, and only ones the size and hops can build', () => {
    const f = fixture(1)
    const seen = new Set(Array.from({ length: 24 }, (_, i) => run(f, {}, i).out.subtype))
    expect(seen.size).toBeGreaterThan(4)
    const narrow = new Set(Array.from({ length: 24 }, (_, i) => run(f, { size: 3, hops: 3 }, i).out.subtype))
    expect([...narrow].filter((s) => s.startsWith('layered'))).toEqual([])
    // Six days (144 hours) hold a one-layer shape (up to 102 hours with the defaults) but not a two-layer one.
    const short = makeFixture(5, {}, '2025-03-01', 6)
    const quick = new Set(Array.from({ length: 16 }, (_, i) => run(short, {}, i).out.subtype))
    expect([...quick].sort()).toEqual(['bipartite', 'fan_in', 'fan_out'])
  })

  it('fits a slow, deep shape into a short window and survives a tiny population', () => {
    const f = makeFixture(3, { persons: 2, companies: 1, accounts: 3 }, '2025-06-01', 3)
    const r = run(f, { subtype: 'stacked_bipartite', size: 6, hops: 6, delayHours: 240, spreadHours: 720 })
    expect(r.problems).toEqual([])
    expect(r.txs.length).toBeGreaterThan(6)
  })

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(run(makeFixture(11), {}).out)).toBe(JSON.stringify(run(makeFixture(11), {}).out))
  })

  it('validate() names the field at fault', () => {
    const config = { ...fixture(1).config, durationDays: 5 }
    const base = {
      subtype: 'any',
      size: 6,
      hops: 3,
      amountUsd: 60_000,
      cutPct: 1.5,
      delayHours: 20,
      spreadHours: 36,
    } as const
    expect(launderingShape.validate!({ ...base, subtype: 'fan_out' }, config)).toEqual([])
    const slow = launderingShape.validate!({ ...base, subtype: 'cycle', size: 30 }, config)
    expect(slow.map((i) => i.path)).toEqual(['patterns.launderingShape.params.delayHours'])
    expect(slow[0].message).toMatch(/longer than the 120 hours it has/)
    // With any, a shape that fits is enough: only when even a one-layer fan is too slow is it an error.
    expect(launderingShape.validate!({ ...base, size: 30 }, config)).toEqual([])
    const stuck = launderingShape.validate!({ ...base, delayHours: 60, spreadHours: 30 }, config)
    expect(stuck.map((i) => i.path)).toEqual(['patterns.launderingShape.params.delayHours'])
    expect(stuck[0].message).toMatch(/even the shallowest shape/)
    const flat = launderingShape.validate!(
      { ...base, subtype: 'layered_fan_in', size: 3, hops: 3, delayHours: 1, spreadHours: 1 },
      config,
    )
    expect(flat.map((i) => i.path)).toEqual(['patterns.launderingShape.params.size'])
    expect(flat[0].message).toMatch(/must exceed hops \(3\)/)
  })

  it('validateConfig rejects unknown shapes and out-of-bounds sizes by path', async () => {
    const { validateConfig } = await import('../config/validate.ts')
    const bad = validateConfig({ patterns: { launderingShape: { params: { subtype: 'star' } } } })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual(['patterns.launderingShape.params.subtype'])
    const one = validateConfig({ patterns: { launderingShape: { params: { size: 1 } } } })
    expect(one.ok).toBe(false)
    if (!one.ok) expect(one.issues.map((i) => i.path)).toEqual(['patterns.launderingShape.params.size'])
    expect(validateConfig({ patterns: { launderingShape: { count: 2, params: { subtype: 'cycle' } } } }).ok).toBe(true)
  })
})
