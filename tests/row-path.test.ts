import { describe, expect, it } from 'vitest'
import { createMemorySink, createRangeEncoder, parseConfig, runGeneration, type Lanes } from '../src/engine/index.ts'
import { sha256 } from './helpers/dataset.ts'

/**
 * Transactions that no report, graph or preview reads as rows are written from their specs by the row cursor, with
 * no row object; with a reader they go through row objects. The two paths, on one thread, in lanes and in shards,
 * must write the same transactions.csv, injected rows and balances included.
 */
describe('the object-free transaction row path', () => {
  it('writes the bytes the row-object path writes, on one thread, in lanes and in shards', async () => {
    const config = parseConfig({
      seed: 'row path',
      counts: { persons: 500, companies: 100, accounts: 1100, transactions: 110_000, documents: 400 },
      patterns: { structuring: { count: 2 }, muleChain: { count: 2 }, accountTakeover: { count: 2 } },
    })
    const transactions = async (opts: {
      realism: boolean
      lanes?: Lanes
      shard?: { index: number; count: number }
    }) => {
      const sink = createMemorySink()
      await runGeneration(config, { format: 'csv', sink, audit: false, ...opts })
      return sink.bytes('transactions.csv')
    }
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
    const objects = await transactions({ realism: true })
    const direct = await transactions({ realism: false })
    const laned = await transactions({ realism: false, lanes })
    const parts = await Promise.all(
      [0, 1, 2].map((index) => transactions({ realism: false, shard: { index, count: 3 } })),
    )
    expect(encoded).toBe(110_000)
    expect(sha256(direct)).toBe(sha256(objects))
    expect(sha256(laned)).toBe(sha256(objects))
    expect(sha256(Buffer.concat(parts))).toBe(sha256(objects))
    // Injected rows are among them, booked where they fall.
    expect(
      new TextDecoder()
        .decode(objects)
        .split('\n')
        .filter((l) => l.includes(',true,')).length,
    ).toBeGreaterThan(5)
  }, 300_000)
})
