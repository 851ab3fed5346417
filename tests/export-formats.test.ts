import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  createMemorySink,
  parseConfig,
  estimateResources,
  formatInfo,
  outputFormats,
  runGeneration,
  validateConfig,
} from '../src/engine/index.ts'
import { generate, smallConfig } from './helpers/dataset.ts'

/** Registry-wide: every output format gives the same bytes twice and lists every file it wrote in the manifest. */
describe('every output format', () => {
  it('has a description and the registry lists it', () => {
    expect(outputFormats).toEqual(
      expect.arrayContaining(['csv', 'json', 'jsonl', 'parquet', 'neo4j', 'amlworld', 'graphson', 'graph-ml']),
    )
    for (const f of outputFormats) expect(formatInfo[f].description.length, f).toBeGreaterThan(10)
  })

  it('refuses an unknown format, naming each known one once', async () => {
    const run = runGeneration(parseConfig(smallConfig('formats', 1)), { format: 'xlsx', sink: createMemorySink() })
    const error = (await run.catch((e: unknown) => e)) as ConfigError
    expect(error).toBeInstanceOf(ConfigError)
    const named = /use one of (.*)$/.exec(error.message)![1].split(', ')
    expect([...named].sort()).toEqual([...outputFormats].sort())
  })

  it('tells the resource guard what each format holds in memory and writes', () => {
    const checked = validateConfig({ counts: { persons: 10_000, accounts: 20_000, transactions: 1_000_000 } })
    if (!checked.ok) throw new Error('invalid config')
    const of = (format: (typeof outputFormats)[number]) => estimateResources(checked.config, { format })
    // GraphSON holds the whole graph until the last table and writes several times the CSV.
    expect(of('graphson').peakMemoryBytes).toBeGreaterThan(of('csv').peakMemoryBytes + 5e8)
    expect(of('graphson').outputBytes).toBeGreaterThan(4 * of('csv').outputBytes)
    expect(of('parquet').outputBytes).toBeLessThan(of('csv').outputBytes / 2)
  })

  for (const format of outputFormats)
    it(`${format}: same bytes for the same config, every file in the manifest with its hash`, async () => {
      const a = await generate(smallConfig('formats', 1), format)
      const b = await generate(smallConfig('formats', 1), format)
      expect(b.hashes).toEqual(a.hashes)
      const manifest = JSON.parse(a.text('manifest.json')) as {
        format: string
        files: { name: string; sha256: string }[]
      }
      expect(manifest.format).toBe(format)
      const listed = Object.fromEntries(manifest.files.map((f) => [f.name, f.sha256]))
      const written = Object.fromEntries(Object.entries(a.hashes).filter(([name]) => name !== 'manifest.json'))
      expect(listed).toEqual(written)
    }, 60_000)
})
