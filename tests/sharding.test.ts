import { describe, expect, it } from 'vitest'
import { validateConfig } from '../src/engine/index.ts'
import { createCoreContext } from '../src/engine/generators/core/context.ts'
import { generatePopulation } from '../src/engine/generators/core/population.ts'
import { createCodecs } from '../src/engine/orchestrator/codecs.ts'
import { emptyRows } from '../src/engine/orchestrator/inject.ts'
import { buildTableSources } from '../src/engine/orchestrator/table-sources.ts'
import { buildWorld } from '../src/engine/orchestrator/world.ts'
import { createClock } from '../src/engine/model/time.ts'
import { createRng } from '../src/engine/random/rng.ts'
import { transactionStream } from '../src/engine/generators/events/transactions.ts'
import { documentStream } from '../src/engine/generators/events/documents.ts'
import { communicationStream } from '../src/engine/generators/events/communications.ts'
import { accessEventStream } from '../src/engine/generators/events/access-events.ts'

/**
 * Any index range of an event table can be generated on its own: row i depends only on (seed, table, i).
 * This is what lets a later version split a table across workers or batch tasks and concatenate the parts.
 */
describe('shardable event tables', () => {
  it('rows come out the same in any order and in any index range, and in time order', () => {
    const checked = validateConfig({ seed: 'shards', counts: { persons: 200, companies: 40, accounts: 500, transactions: 3000, documents: 300, communications: 500, accessEvents: 800 } })
    if (!checked.ok) throw new Error('config')
    const c = checked.config
    const root = createRng(c.seed)
    const seedKey = root.key[0]
    const clock = createClock(c.startDate, c.durationDays)
    const codecs = createCodecs(seedKey)
    const pop = generatePopulation(root, createCoreContext(clock, seedKey), c.counts, codecs)
    const world = buildWorld(clock, seedKey, pop.persons, pop.companies, pop.ownership, pop.accounts)
    const ctx = (t: 'transactions' | 'documents' | 'communications' | 'access_events') => ({ world, rng: root.fork(`events:${t}`), ids: codecs[t] })
    const docs = documentStream(ctx('documents'), codecs.document_lines, c.counts.documents)
    const streams = {
      transactions: transactionStream(ctx('transactions'), c.counts.transactions, docs),
      documents: docs,
      communications: communicationStream(ctx('communications'), c.counts.communications),
      access_events: accessEventStream(ctx('access_events'), c.counts.accessEvents),
    }
    for (const [name, stream] of Object.entries(streams)) {
      const forward = Array.from({ length: stream.count }, (_, i) => JSON.stringify(stream.row(i)))
      const backward = Array.from({ length: stream.count }, (_, i) => JSON.stringify(stream.row(stream.count - 1 - i))).reverse()
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
    const sources = buildTableSources({ root, world, codecs, population: pop }, { rows: emptyRows(), patterns: [], members: [] }, c.counts)
    expect([...sources.transactions.rows()].map((r) => JSON.stringify(r)).slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => JSON.stringify(streams.transactions.row(i))))
  })
})
