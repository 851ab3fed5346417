import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, cli, ensureCliBuilt, root, tinyCounts } from './helpers/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'fincrime-cli-'))
beforeAll(ensureCliBuilt, 120_000)

function configFile(name: string, content: string): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

const tiny = { counts: tinyCounts }

describe('CLI', () => {
  const bad: [string, () => string[], RegExp][] = [
    ['bad JSON', () => ['--config', configFile('bad.json', '{ "seed": 1, }')], /not valid JSON/],
    [
      'an unknown key',
      () => ['--config', configFile('typo.json', JSON.stringify({ counts: { persns: 10 } }))],
      /counts\.persns is not a known setting: did you mean counts\.persons/,
    ],
    ['a negative count', () => ['--persons=-5'], /counts\.persons must be at least 0/],
    ['a non-integer count', () => ['--transactions', '12.5'], /counts\.transactions must be a whole number/],
    [
      'accounts with zero persons and companies',
      () => ['--persons', '0', '--companies', '0', '--accounts', '10'],
      /counts\.accounts needs persons or companies/,
    ],
    ['an impossible date', () => ['--start-date', '2025-02-30'], /startDate must be a real calendar date/],
    ['an unknown format', () => ['--format', 'xml'], /--format xml is not supported/],
    [
      'an unknown pattern subtype',
      () => ['--param', 'accountTakeover.subtype=teleport'],
      /patterns\.accountTakeover\.params\.subtype must be one of/,
    ],
    ['an unknown flag', () => ['--colour', 'red'], /unknown option/],
    ['a bad shard', () => ['--shard', '3/2'], /--shard 3\/2 must look like 2\/8/],
    ['a sharded dataset.json', () => ['--shard', '1/2', '--format', 'json'], /--shard cannot split dataset.json/],
    ['a bad thread count', () => ['--threads', '-1'], /--threads -1 must be a whole number from 0 to 64/],
  ]
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line and no output folder on ${what}`, () => {
      const out = join(work, `out-${what.replace(/\W+/g, '-')}`)
      const r = cli([...args(), '--out', out])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(message)
      expect(existsSync(out)).toBe(false)
    })
  }

  it('writes every file listed in the manifest with a matching sha256, atomically', () => {
    const out = join(work, 'good')
    const r = cli(['--config', configFile('tiny.json', JSON.stringify(tiny)), '--out', out, '--seed', '5', '--quiet'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/transactions\s+\d+/)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; bytes: number }[]
      seed: number
    }
    expect(manifest.seed).toBe(5)
    const onDisk = readdirSync(out).sort()
    expect(onDisk).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort())
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.name))
      expect(bytes.length, f.name).toBe(f.bytes)
      expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256)
    }
    expect(readdirSync(work).filter((n) => n.includes('.fincrime-synth-'))).toEqual([])
  })

  it('refuses a non-empty folder without --force; --force replaces an earlier output of this tool', () => {
    const out = join(work, 'occupied')
    const config = configFile('tiny2.json', JSON.stringify(tiny))
    expect(cli(['--config', config, '--out', out, '--quiet']).code).toBe(0)
    const refused = cli(['--config', config, '--out', out, '--quiet'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/already exists and is not empty.*--force/)
    const forced = cli(['--config', config, '--out', out, '--force', '--quiet', '--format', 'json'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['audit.json', 'dataset.json', 'manifest.json', 'realism.json'])
  })

  it('writes the same bytes with generation threads as without', () => {
    const big = [
      '--persons',
      '200',
      '--companies',
      '40',
      '--accounts',
      '450',
      '--transactions',
      '210000',
      '--communications',
      '100',
      '--trades',
      '50',
      '--travels',
      '20',
      '--documents',
      '40',
      '--access-events',
      '100',
      '--pattern',
      'structuring=2',
      '--pattern',
      'muleChain=2',
      '--pattern',
      'accountTakeover=2',
      '--quiet', // audited (the default at this size): the threads pack the rows the audit and realism.json read
    ]
    const one = join(work, 'threads-0')
    const two = join(work, 'threads-2')
    expect(cli([...big, '--threads', '0', '--out', one]).code).toBe(0)
    const r = cli([...big, '--threads', '2', '--out', two])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(one)).toEqual(expect.arrayContaining(['audit.json', 'realism.json']))
    for (const name of readdirSync(one))
      expect(readFileSync(join(two, name)).equals(readFileSync(join(one, name))), name).toBe(true)
  }, 120_000)

  it('writes shards whose parts concatenate to the whole dataset', () => {
    const config = configFile('tiny-shards.json', JSON.stringify(tiny))
    const whole = join(work, 'whole')
    expect(cli(['--config', config, '--out', whole, '--quiet']).code).toBe(0)
    const parts = [1, 2].map((i) => {
      const out = join(work, `part-${i}`)
      const r = cli(['--config', config, '--out', out, '--quiet', '--shard', `${i}/2`])
      expect(r.code, r.stderr).toBe(0)
      return out
    })
    const joined = Buffer.concat(parts.map((p) => readFileSync(join(p, 'transactions.csv'))))
    expect(joined.equals(readFileSync(join(whole, 'transactions.csv')))).toBe(true)
    expect(existsSync(join(parts[1], 'persons.csv'))).toBe(false)
  })

  it('stops cleanly on Ctrl-C: exit 130, no output folder, no temp folder', async () => {
    const out = join(work, 'interrupted')
    const child = spawn(process.execPath, [bin, '--out', out, '--transactions', '20000000', '--quiet'], { cwd: root })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // Wait until the temp folder exists, i.e. generation has started writing.
    for (
      let i = 0;
      i < 200 && !readdirSync(work).some((n) => n.startsWith('.interrupted.fincrime-synth-partial-'));
      i++
    )
      await new Promise((r) => setTimeout(r, 50))
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    expect(code, stderr).toBe(130)
    expect(stderr).toMatch(/Cancelled/)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(work).filter((n) => n.startsWith('.interrupted'))).toEqual([])
  }, 30_000)
})
