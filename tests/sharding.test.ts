import { describe, expect, it } from 'vitest'
import { validateConfig } from '../src/engine/index.ts'
import { buildBackground } from '../src/engine/orchestrator/background.ts'
import { emptyRows } from '../src/engine/orchestrator/inject.ts'
import { buildTableSources, eventStreams } from '../src/engine/orchestrator/table-sources.ts'

/**
 * Any index range of an event table can be generated on its own: row i depends only on (seed, table, i).
 * This is what lets a later version split a table across workers or batch tasks and concatenate the parts.
 */
describe('shardable event tables', () => {
  it('rows come out the same in any order and in any index range, and in time order', () => {
    const checked = validateConfig({
      seed: 'shards',
      counts: {
        persons: 200,
        companies: 40,
        accounts: 500,
        transactions: 3000,
        documents: 300,
        communications: 500,
        accessEvents: 800,
      },
    })
    if (!checked.ok) throw new Error('config')
    const c = checked.config
    const bg = buildBackground(c)
    const all = eventStreams(bg, c.counts)
    const streams = {
      transactions: all.transactions,
      documents: all.documents!,
      communications: all.communications,
      access_events: all.access_events,
    }
    for (const [name, stream] of Object.entries(streams)) {
      const forward = Array.from({ length: stream.count }, (_, i) => JSON.stringify(stream.row(i)))
      const backward = Array.from({ length: stream.count }, (_, i) =>
        JSON.stringify(stream.row(stream.count - 1 - i)),
      ).reverse()
      expect(backward, name).toEqual(forward)
      const shards = [0, 1, 2].flatMap((s) => {
        const from = Math.floor((s * stream.count) / 3)
        const to = Math.floor(((s + 1) * stream.count) / 3)
        return Array.from({ length: to - from }, (_, k) => JSON.stringify(stream.row(from + k)))
      })
      expect(shards, name).toEqual(forward)
    }
    const times = Array.from({ length: streams.transactions.count }, (_, i) => streams.transactions.row(i).timestamp)
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1])
    // The orchestrator's sources read the same streams.
    const sources = buildTableSources(bg, { rows: emptyRows(), patterns: [], members: [] }, c.counts)
    expect([...sources.transactions.rows()].map((r) => JSON.stringify(r)).slice(0, 50)).toEqual(
      Array.from({ length: 50 }, (_, i) => JSON.stringify(streams.transactions.row(i))),
    )
  })
})
