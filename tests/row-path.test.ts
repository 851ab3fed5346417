import { describe, expect, it } from 'vitest'
import { createMemorySink, createRangeEncoder, parseConfig, runGeneration, type Lanes } from '../src/engine/index.ts'
import { sha256 } from './helpers/dataset.ts'

/**
 * Transactions that nothing keeps as rows are written from their specs by the row cursor, with no row object, the
 * realism report reading each row's view; with a preview, graph or audit they go through row objects. The two paths,
 * on one thread, in lanes and in shards, must write the same transactions.csv (injected rows and balances included)
 * and the same realism.json.
 */
describe('the object-free transaction row path', () => {
  it('writes the bytes the row-object path writes, on one thread, in lanes and in shards', async () => {
    const config = parseConfig({
      seed: 'row path',
      counts: { persons: 500, companies: 100, accounts: 1100, transactions: 110_000, documents: 400 },
      patterns: { structuring: { count: 2 }, muleChain: { count: 2 }, accountTakeover: { count: 2 } },
    })
    type Opts = { realism: boolean; previewRows?: number; lanes?: Lanes; shard?: { index: number; count: number } }
    const run = async (opts: Opts) => {
      const sink = createMemorySink()
      await runGeneration(config, { format: 'csv', sink, audit: false, ...opts })
      return sink
    }
    const transactions = async (opts: Opts) => (await run(opts)).bytes('transactions.csv')
    const encoders = [createRangeEncoder(config, 'csv'), createRangeEncoder(config, 'csv')]
    let encoded = 0
    const lanes: Lanes = {
      count: 2,
      encode: (table, from, to, fields, lane) => {
        if (table === 'transactions') encoded += to - from
        return Promise.resolve(encoders[lane ?? 0].encode(table, from, to, fields))
      },
      fillLegs: (from, to, lane) => Promise.resolve(encoders[lane].fillLegs(from, to)),
    }
    // A preview keeps rows, so it takes the row-object path; the realism report reads the rows in place.
    const objects = await run({ realism: true, previewRows: 1 })
    const direct = await run({ realism: true })
    const bare = await transactions({ realism: false })
    const laned = await run({ realism: true, lanes })
    const parts = await Promise.all(
      [0, 1, 2].map((index) => transactions({ realism: false, shard: { index, count: 3 } })),
    )
    expect(encoded).toBe(110_000)
    const hash = (sink: typeof objects, name: string) => sha256(sink.bytes(name))
    for (const sink of [direct, laned])
      for (const name of ['transactions.csv', 'accounts.csv', 'realism.json'])
        expect(hash(sink, name)).toBe(hash(objects, name))
    expect(sha256(bare)).toBe(hash(objects, 'transactions.csv'))
    expect(sha256(Buffer.concat(parts))).toBe(hash(objects, 'transactions.csv'))
    // Injected rows are among them, booked where they fall.
    expect(
      new TextDecoder()
        .decode(objects.bytes('transactions.csv'))
        .split('\n')
        .filter((l) => l.includes(',true,')).length,
    ).toBeGreaterThan(5)
  }, 300_000)
})
