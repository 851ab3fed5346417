import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import type { ResolvedConfig } from '../engine/index.ts'
import { createEngineApi } from './api.ts'
import type { GraphLayout } from './graph-layout.ts'

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
