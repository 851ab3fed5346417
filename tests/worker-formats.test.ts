import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createEngineApi } from '../src/worker/api.ts'
import { generate, smallConfig } from './helpers/dataset.ts'

/** The page's "Other format" download: the worker zips exactly the files the CLI writes in that format. */
describe('worker exportFormat', () => {
  for (const format of ['parquet', 'neo4j'] as const)
    it(`${format}: the zip holds the same files, byte for byte, as a run of the engine`, async () => {
      const config = smallConfig('worker-format', 1)
      const download = await createEngineApi().exportFormat(config, format)
      expect(download.name).toMatch(new RegExp(`-${format}\\.zip$`))
      expect(download.mime).toBe('application/zip')
      const entries = unzipSync(download.bytes)
      const direct = await generate(config, format)
      expect(Object.keys(entries).sort()).toEqual([...direct.files.keys()].sort())
      for (const [name, bytes] of direct.files)
        expect(Buffer.from(entries[name]).equals(Buffer.from(bytes)), name).toBe(true)
    }, 60_000)

  it('refuses, before generating, a format too big for a browser tab, and names the way out', async () => {
    const config = { counts: { persons: 10_000, accounts: 20_000, transactions: 3_000_000 } }
    await expect(createEngineApi().exportFormat(config, 'graphson')).rejects.toThrow(
      /graphson of this config needs about \d+ MiB, more than a browser tab should hold .*use the CLI \(--format graphson\)/,
    )
  })
})
