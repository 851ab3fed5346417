import { describe, expect, it } from 'vitest'
import { createMemorySink, parseConfig, runGeneration, type OutputFormat } from '../src/engine/index.ts'
import { smallConfig } from './helpers/dataset.ts'

async function files(format: OutputFormat, shard?: { index: number; count: number }) {
  const sink = createMemorySink()
  await runGeneration(parseConfig(smallConfig('shards', 2)), { format, sink, shard })
  return new Map([...sink.files.keys()].map((name) => [name, sink.bytes(name)]))
}

/** Shard i of n, each generated alone (as an array of batch tasks would), concatenates to the single run's files. */
describe('shards', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`${format}: 3 shards concatenate to the whole run, injected rows included, byte for byte`, async () => {
      const whole = await files(format)
      const shards = [
        await files(format, { index: 0, count: 3 }),
        await files(format, { index: 1, count: 3 }),
        await files(format, { index: 2, count: 3 }),
      ]
      for (const [name, bytes] of whole) {
        // realism.json holds whole-dataset figures, so a shard writes none (the merged folders have none either).
        if (name === 'manifest.json' || name === 'realism.json') continue
        const parts = shards.map((s) => s.get(name)).filter((p): p is Uint8Array => p !== undefined)
        expect(Buffer.concat(parts).equals(Buffer.from(bytes)), name).toBe(true)
      }
      // Event tables are split across every shard; the small tables travel with the first one only.
      expect(shards.every((s) => s.has(`transactions.${format}`))).toBe(true)
      expect(shards[1].has(`persons.${format}`)).toBe(false)
      expect(whole.has('realism.json')).toBe(true)
      expect(shards.some((s) => s.has('realism.json'))).toBe(false)
      const manifest = JSON.parse(new TextDecoder().decode(shards[2].get('manifest.json'))) as {
        shard: unknown
        files: { name: string; rows: number }[]
      }
      expect(manifest.shard).toEqual({ index: 3, count: 3 })
      const lines = new TextDecoder().decode(shards[2].get(`transactions.${format}`)).split('\n').length - 1
      expect(manifest.files.find((f) => f.name === `transactions.${format}`)?.rows).toBe(lines)
    })
  }

  it('refuses to split dataset.json', async () => {
    await expect(files('json', { index: 0, count: 2 })).rejects.toThrow(/cannot split dataset.json/)
  })
})
