import { describe, expect, it } from 'vitest'
import {
  createMemorySink,
  createRangeEncoder,
  parseConfig,
  runGeneration,
  validateConfig,
  type Lanes,
} from '../src/engine/index.ts'

/** Lanes encode ranges of background rows elsewhere; the main run splices injected rows in. The bytes must not change. */
describe('parallel lanes', () => {
  it('give byte-identical files, injected rows spliced where the single-threaded merge puts them', async () => {
    const checked = validateConfig({
      seed: 'lanes',
      counts: {
        persons: 300,
        companies: 60,
        accounts: 700,
        transactions: 120_000,
        communications: 51_000,
        trades: 200,
        travels: 100,
        documents: 200,
        accessEvents: 60_000,
      },
      patterns: {
        structuring: { count: 3 },
        accountTakeover: { count: 3 },
        muleChain: { count: 3 },
        insiderTrading: { count: 2 },
        // Every kind, so that every audit rule has rows to read from the packed columns.
        fraudRing: { count: 2 },
        tbml: { count: 2 },
        launderingShape: { count: 3 },
        launderingChain: { count: 2 },
        accountLaundering: { count: 2 },
      },
    })
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    const hashes = async (lanes?: Lanes, realism?: boolean, audit = true) => {
      const sink = createMemorySink()
      const r = await runGeneration(checked.config, { format: 'csv', sink, lanes, realism, audit })
      return Object.fromEntries(r.files.map((f) => [f.name, f.sha256]))
    }
    const encoder = createRangeEncoder(checked.config, 'csv')
    let requests = 0
    // Answer out of order, as real threads would, to prove the results are taken in request order.
    const lanes: Lanes = {
      count: 2,
      encode: (table, from, to, fields) => {
        requests++
        return new Promise((resolve) =>
          setTimeout(() => resolve(encoder.encode(table, from, to, fields)), (from / 50_000) % 2 === 0 ? 5 : 0),
        )
      },
    }
    // The realism report and the audit read the rows: the lanes pack those fields back with their bytes.
    const single = await hashes()
    const parallel = await hashes(lanes)
    expect(requests).toBeGreaterThanOrEqual(6)
    expect(parallel).toEqual(single)
    expect(single['realism.json']).toBeDefined()
    expect(single['audit.json']).toBeDefined()
    // A host whose lanes drop the rows fails the run rather than write a report that missed them.
    const deaf: Lanes = { count: 1, encode: (table, from, to) => Promise.resolve(encoder.encode(table, from, to)) }
    await expect(hashes(deaf)).rejects.toThrow(/a lane sent no rows for transactions/)
    await expect(hashes(deaf, false)).rejects.toThrow(/a lane sent no rows for transactions/) // the audit reads them
    expect(Object.keys(await hashes(deaf, false, false))).not.toContain('realism.json')

    // With `pause`, this thread encodes the next ranges itself while a slow lane is busy: still the same bytes.
    let laneRows = 0
    const slow: Lanes = {
      count: 1,
      encode: (table, from, to, fields) => {
        laneRows += to - from
        return new Promise((resolve) => setTimeout(() => resolve(encoder.encode(table, from, to, fields)), 40))
      },
    }
    const sink = createMemorySink()
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve))
    const r = await runGeneration(checked.config, { format: 'csv', sink, lanes: slow, pause, audit: true })
    expect(Object.fromEntries(r.files.map((f) => [f.name, f.sha256]))).toEqual(single)
    // Of the 120k + 51k + 60k background rows, the lane encoded some and this thread the rest.
    expect(laneRows).toBeGreaterThan(0)
    expect(laneRows).toBeLessThan(231_000)
  }, 300_000)

  it('feed the graph and the previews the same rows as one thread does (the rows they keep drawn again whole)', async () => {
    // A small population, so the graph's context cap is reached by background rows the lanes encoded.
    const config = parseConfig({
      seed: 'lanes-graph',
      counts: { persons: 200, companies: 40, accounts: 400, transactions: 130_000, communications: 60_000 },
      patterns: { muleChain: { count: 2 }, fraudRing: { count: 2 }, structuring: { count: 2 } },
    })
    const encoders = [createRangeEncoder(config, 'csv'), createRangeEncoder(config, 'csv')]
    let laneRows = 0
    const lanes: Lanes = {
      count: 2,
      encode: (table, from, to, fields, lane) => {
        laneRows += to - from
        const k = lane ?? (from / 50_000) % 2
        return new Promise((resolve) => setTimeout(() => resolve(encoders[k].encode(table, from, to, fields)), k * 5))
      },
      fillLegs: (from, to, lane) => Promise.resolve(encoders[lane].fillLegs(from, to)),
    }
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve))
    const run = async (withLanes: boolean) => {
      const sink = createMemorySink()
      const r = await runGeneration(config, {
        format: 'csv',
        sink,
        graph: { maxContextEdges: 150 },
        previewRows: 20,
        audit: true,
        ...(withLanes ? { lanes, pause } : {}),
      })
      return { files: Object.fromEntries(r.files.map((f) => [f.name, f.sha256])), graph: r.graph, preview: r.preview }
    }
    const single = await run(false)
    const parallel = await run(true)
    expect(laneRows).toBeGreaterThan(100_000)
    expect(parallel.files).toEqual(single.files)
    expect(parallel.preview).toEqual(single.preview)
    expect(parallel.preview.transactions?.length).toBe(20)
    // Background edges with every cell (balances included), not only the fields the graph chose them by.
    const context = single.graph?.edges.filter((e) => e.type === 'transaction' && e.patternId === null) ?? []
    expect(context.length).toBeGreaterThan(50)
    expect(context.every((e) => e.data.id !== null && e.data.currency !== null)).toBe(true)
    expect(context.some((e) => e.data.from_balance_after !== null)).toBe(true)
    expect(parallel.graph).toEqual(single.graph)
  }, 300_000)

  it('are refused for formats they cannot splice, not quietly dropped', async () => {
    const config = parseConfig({ seed: 'lanes', counts: { persons: 50, companies: 10, accounts: 100 } })
    const lanes: Lanes = {
      count: 1,
      encode: () => Promise.reject(new Error('not reached: the run is refused first')),
    }
    const run = (extra: object) => runGeneration(config, { format: 'csv', sink: createMemorySink(), lanes, ...extra })
    await expect(run({ format: 'json' })).rejects.toThrow(/cannot write format json/)
  })
})
