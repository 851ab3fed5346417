import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generate, sha256, smallConfig } from './helpers/dataset.ts'

/**
 * Golden hashes of a small config. If they change, the output for a given seed changed: that must be a
 * deliberate act, noted in the commit ("output for a given seed changed because …"), and the goldens
 * regenerated with `UPDATE_GOLDEN=1 npx vitest run tests/determinism.test.ts`.
 */
const goldenPath = new URL('./golden.json', import.meta.url)
const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as {
  config: unknown
  csv: Record<string, string>
  json: Record<string, string>
}

describe('determinism', () => {
  afterEach(() => vi.useRealTimers())

  it('the golden config produces the committed sha256 of every file (CSV and JSON)', async () => {
    const csv = await generate(golden.config as never, 'csv')
    const json = await generate(golden.config as never, 'json')
    if (process.env.UPDATE_GOLDEN) {
      const { writeFileSync } = await import('node:fs')
      writeFileSync(
        goldenPath,
        JSON.stringify({ config: golden.config, csv: csv.hashes, json: json.hashes }, null, 2) + '\n',
      )
      return
    }
    expect(csv.hashes).toEqual(golden.csv)
    expect(json.hashes).toEqual(golden.json)
  })

  it('the same config and seed give identical bytes; another seed gives different data', async () => {
    const a = await generate(smallConfig(99))
    const b = await generate(smallConfig(99))
    const c = await generate(smallConfig(100))
    expect(a.hashes).toEqual(b.hashes)
    for (const file of ['persons.csv', 'transactions.csv', 'patterns.csv'])
      expect(c.hashes[file]).not.toBe(a.hashes[file])
  })

  it('does not depend on the day it runs (system clock moved years ahead)', async () => {
    const today = await generate(smallConfig(5))
    vi.useFakeTimers({ now: new Date('2031-07-19T23:59:58Z'), toFake: ['Date'] })
    const later = await generate(smallConfig(5))
    expect(later.hashes).toEqual(today.hashes)
  })

  it('a string seed and the same digits as a number name the same dataset', async () => {
    const n = await generate({ ...smallConfig(1234, 0) })
    const s = await generate({ ...smallConfig('1234', 0) })
    expect(sha256(n.text('transactions.csv'))).toBe(sha256(s.text('transactions.csv')))
  })
})
