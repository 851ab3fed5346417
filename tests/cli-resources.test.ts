import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { estimateResources, validateConfig, type InputConfig, type ResolvedConfig } from '../src/engine/index.ts'
import { cli, ensureCliBuilt, errorLines } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)
const work = mkdtempSync(join(tmpdir(), 'fincrime-guard-'))
const MiB = 1024 * 1024

function resolved(input: InputConfig): ResolvedConfig {
  const r = validateConfig(input)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.config
}

const medium = {
  persons: 3000,
  companies: 300,
  accounts: 6000,
  transactions: 20_000,
  communications: 3000,
  trades: 1000,
  travels: 500,
  documents: 1000,
  accessEvents: 3000,
}
const flagsOf = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, String(v)])

describe('the resource estimate', () => {
  it('grows with every count and with generation threads, and shrinks the output per shard', () => {
    const counts = { ...medium, accounts: 14_000 }
    const base = estimateResources(resolved({ counts }), { format: 'csv' })
    for (const key of Object.keys(medium) as (keyof typeof medium)[]) {
      const more = estimateResources(resolved({ counts: { ...counts, [key]: counts[key] * 2 } }), { format: 'csv' })
      expect(more.outputBytes, key).toBeGreaterThan(base.outputBytes)
    }
    const people = estimateResources(resolved({ counts: { ...counts, persons: 6000 } }), { format: 'csv' })
    expect(people.peakMemoryBytes).toBeGreaterThan(base.peakMemoryBytes)
    const lanes = estimateResources(resolved({ counts }), { format: 'csv', lanes: 3 })
    expect(lanes.peakMemoryBytes).toBeGreaterThan(base.peakMemoryBytes)
    const shard = estimateResources(resolved({ counts }), { format: 'csv', shardCount: 4 })
    expect(shard.outputBytes).toBeLessThan(base.outputBytes)
  })

  for (const format of ['csv', 'jsonl'] as const)
    it(`predicts the bytes a ${format} run writes within 25 %`, () => {
      const out = join(work, `size-${format}`)
      const r = cli(['--out', out, '--format', format, '--quiet', '--seed', '3', ...flagsOf(medium)])
      expect(r.code, r.stderr).toBe(0)
      const written = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0)
      const { outputBytes } = estimateResources(resolved({ counts: medium }), { format })
      expect(outputBytes / written).toBeGreaterThan(0.75)
      expect(outputBytes / written).toBeLessThan(1.25)
    })
})

describe('the CLI refuses a run that cannot fit, before it starts', () => {
  function expectRefusal(args: string[], message: RegExp) {
    const out = join(work, 'never')
    const r = cli(['--out', out, ...args])
    expect(r.code, r.stderr).toBe(2)
    expect(errorLines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toMatch(message)
    expect(readdirSync(work).filter((n) => n.includes('never'))).toEqual([])
  }

  it('5M persons and 10M accounts: the estimate, the limit and the way out', () => {
    expectRefusal(
      ['--persons', '5000000', '--accounts', '10000000'],
      /this run needs about [\d.]+ GiB of memory.*more than .*(heap limit|free memory).*lower counts\.persons/,
    )
  })

  it('a run over --max-memory, naming the flag; the same run under a higher limit goes ahead', () => {
    expectRefusal(
      ['--max-memory', '64', ...flagsOf(medium)],
      /needs about \d+ MiB of memory, more than --max-memory 64 \(64 MiB\): .*raise the limit with --max-memory/,
    )
    const r = cli(['--max-memory', '100000', '--out', join(work, 'fits'), '--quiet', ...flagsOf(medium)])
    expect(r.code, r.stderr).toBe(0)
  })

  it('suggests --threads 0 when only the extra threads make the run too big', () => {
    const counts = { ...medium, persons: 100_000, accounts: 200_000, transactions: 300_000 }
    const config = resolved({ counts })
    const alone = estimateResources(config, { format: 'csv', lanes: 0 }).peakMemoryBytes
    const threaded = estimateResources(config, { format: 'csv', lanes: 3 }).peakMemoryBytes
    const limit = Math.ceil((alone + threaded) / 2 / MiB)
    expectRefusal(
      ['--max-memory', String(limit), '--threads', '3', '--no-audit', ...flagsOf(counts)],
      /more than --max-memory \d+ .*: add --threads 0 \(about \d+ MiB\)/,
    )
  })
})
