import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli, ensureCliBuilt, errorLines, tinyFlags } from './helpers/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'fincrime-bench-'))
beforeAll(ensureCliBuilt, 120_000)

const flags = [...tinyFlags, '--pattern', 'structuring=2', '--pattern', 'muleChain=1', '--seed', '3']
const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')])) as Record<string, string>

describe('CLI --benchmark', () => {
  it('writes the public folder without labels and the answers beside it; the drawn secret reproduces the bytes', () => {
    const out = join(work, 'public')
    const r = cli(['--out', out, ...flags, '--benchmark'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`Answers (ground truth, label columns, audit and the secret): ${out}-answers`)
    const pub = files(out)
    const answers = files(`${out}-answers`)
    expect(Object.keys(pub)).not.toContain('patterns.csv')
    for (const [name, text] of Object.entries(pub))
      if (name.endsWith('.csv')) expect(text.split('\n')[0], name).not.toMatch(/pattern_id|pattern_role/)
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['patterns.csv', 'audit.json', 'manifest.json']))
    const secret = JSON.parse(answers['manifest.json']).benchmark.secret
    expect(secret).toMatch(/^[0-9a-f]{32}$/)
    const again = join(work, 'again')
    const answersAgain = join(work, 'answers-again')
    const r2 = cli(['--out', again, ...flags, '--benchmark', '--secret', secret, '--answers', answersAgain])
    expect(r2.code, r2.stderr).toBe(0)
    expect(files(again)).toEqual(pub)
    expect(files(answersAgain)).toEqual(answers)
  })

  it('refuses a bad secret, --secret without --benchmark and a format it cannot strip, in one line each', () => {
    const cases: [string[], RegExp][] = [
      [['--benchmark', '--secret', 'abc'], /--secret must be 32 to 64 hex digits/],
      [['--secret', '0123456789abcdef0123456789abcdef'], /--secret only applies with --benchmark/],
      [['--benchmark', '--format', 'parquet'], /--benchmark cannot withhold the labels of --format parquet/],
    ]
    for (const [extra, message] of cases) {
      const out = join(work, `refused-${extra.join('')}`)
      const r = cli(['--out', out, ...flags, ...extra])
      expect(r.code, extra.join(' ')).toBe(2)
      expect(errorLines(r.stderr)).toHaveLength(1)
      expect(r.stderr).toMatch(message)
      expect(readdirSync(work)).not.toContain(`refused-${extra.join('')}`)
    }
  })
})
