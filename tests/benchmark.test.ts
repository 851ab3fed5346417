import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { createMemorySink, parseConfig, runGeneration } from '../src/engine/index.ts'
import { combine, hashString } from '../src/engine/random/hash.ts'
import { createRng } from '../src/engine/random/rng.ts'
import { sha256, smallConfig } from './helpers/dataset.ts'

const SECRET = '0123456789abcdef0123456789abcdef'
const EVENT_TABLES = ['transactions', 'communications', 'trades', 'travels', 'documents', 'access_events', 'ownership']
const decoder = new TextDecoder()

type Folder = Map<string, string>

async function run(benchmark: string | null) {
  const sink = createMemorySink()
  const answers = createMemorySink()
  await runGeneration(parseConfig(smallConfig(11, 2)), {
    format: 'csv',
    sink,
    audit: true,
    benchmark: benchmark ? { secret: benchmark, answers } : undefined,
  })
  const read = (s: typeof sink): Folder => new Map([...s.files.keys()].map((n) => [n, decoder.decode(s.bytes(n))]))
  return { public: read(sink), answers: read(answers) }
}

const rows = (folder: Folder, name: string) =>
  Papa.parse<Record<string, string>>(folder.get(name) ?? '', { header: true, skipEmptyLines: true }).data

/**
 * The attack the issue measured: with the seed from manifest.json and the public code, invert every id's keyed
 * Feistel permutation; an id whose stream is not 0 (the background) names an injected row.
 */
function decodeStream(id: string, seed: string | number): { stream: number; index: number } {
  const [prefix, body] = id.split('-')
  const seedKey = createRng(seed).key[0]
  const k = [0, 1, 2, 3].map((r) => combine(combine(seedKey, hashString(prefix)), r))
  let v = 0
  for (const ch of body) v = v * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch)
  let left = Math.floor(v / 2 ** 24)
  let right = v - left * 2 ** 24
  for (let r = 3; r >= 0; r--) {
    const prevRight = left
    left = (right ^ (combine(prevRight, k[r]) & 0xffffff)) & 0xffffff
    right = prevRight
  }
  const x = left * 2 ** 24 + right
  return { stream: Math.floor(x / 2 ** 32), index: x % 2 ** 32 }
}

function attack(folder: Folder): Set<string> {
  const seed = JSON.parse(folder.get('manifest.json') as string).seed
  const claimed = new Set<string>()
  for (const t of EVENT_TABLES)
    for (const row of rows(folder, `${t}.csv`)) {
      const { stream, index } = decodeStream(row.id, seed)
      // Instance streams are 1 + slot × 4096 + i for small i; background is stream 0 with index < its row count.
      if (stream > 0 && stream < 16 * 4096 && index < 1_000_000) claimed.add(row.id)
    }
  return claimed
}

describe('benchmark mode', () => {
  it('the decode attack works on an ordinary dataset: every labelled row, nothing else', async () => {
    const plain = await run(null)
    const labelled = new Set(
      EVENT_TABLES.flatMap((t) => rows(plain.public, `${t}.csv`).filter((r) => r.pattern_id !== '')).map((r) => r.id),
    )
    expect(labelled.size).toBeGreaterThan(20)
    expect(attack(plain.public)).toEqual(labelled)
  }, 120_000)

  it('publishes no label column and no ground truth; the answers hold it all', async () => {
    const b = await run(SECRET)
    const names = [...b.public.keys()]
    expect(names).not.toContain('patterns.csv')
    expect(names).not.toContain('pattern_members.csv')
    expect(names).not.toContain('audit.json')
    expect(names).not.toContain('realism.json')
    for (const [name, text] of b.public)
      if (name.endsWith('.csv')) expect(text.split('\n')[0], name).not.toMatch(/pattern_id|pattern_role|is_suspicious/)
    const manifest = JSON.parse(b.public.get('manifest.json') as string)
    expect(manifest.benchmark).toBe(true)
    expect(manifest.injected).toBeUndefined()
    expect(JSON.stringify(manifest.dictionary)).not.toMatch(/pattern_id|pattern_role/)
    expect(JSON.stringify(manifest)).not.toContain(SECRET)
    const answers = JSON.parse(b.answers.get('manifest.json') as string)
    expect(answers.benchmark.secret).toBe(SECRET)
    expect(answers.benchmark.public_manifest_sha256).toBe(sha256(b.public.get('manifest.json') as string))
    for (const t of ['patterns.csv', 'pattern_members.csv', 'transactions_labels.csv', 'audit.json'])
      expect(b.answers.has(t), t).toBe(true)
    expect(rows(b.answers, 'patterns.csv').length).toBeGreaterThan(0)
  }, 120_000)

  it('with only the public folder, the seed and the code, decoding the ids recovers none of the injected rows', async () => {
    const b = await run(SECRET)
    const injected = new Set(
      EVENT_TABLES.flatMap((t) => rows(b.answers, `${t}_labels.csv`).map((r) => r.id)).filter(Boolean),
    )
    expect(injected.size).toBeGreaterThan(20)
    const claimed = attack(b.public)
    expect([...claimed].filter((id) => injected.has(id))).toEqual([])
    // Nor does regenerating the background from the seed find the public rows: the rows are keyed by the secret too.
    const plain = await run(null)
    const key = (r: Record<string, string>) => `${r.timestamp}|${r.amount}|${r.kind}`
    const background = new Set(rows(plain.public, 'transactions.csv').map(key))
    const published = rows(b.public, 'transactions.csv')
    expect(published.filter((r) => background.has(key(r))).length / published.length).toBeLessThan(0.01)
  }, 120_000)

  it('the same secret reproduces the same bytes in both folders; another secret does not', async () => {
    const a = await run(SECRET)
    const again = await run(SECRET)
    expect(again.public).toEqual(a.public)
    expect(again.answers).toEqual(a.answers)
    const other = await run('fedcba9876543210fedcba9876543210')
    expect(other.public.get('transactions.csv')).not.toBe(a.public.get('transactions.csv'))
  }, 120_000)

  it('refuses a secret that is not hex, and formats it cannot strip', async () => {
    const config = parseConfig(smallConfig(1))
    const answers = createMemorySink()
    await expect(
      runGeneration(config, { format: 'csv', sink: createMemorySink(), benchmark: { secret: 'xyz', answers } }),
    ).rejects.toThrow(/hex digits/)
    await expect(
      runGeneration(config, { format: 'parquet', sink: createMemorySink(), benchmark: { secret: SECRET, answers } }),
    ).rejects.toThrow(/csv or jsonl/)
  })
})
