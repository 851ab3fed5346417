import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { thisHost } from '../src/cli/temp-names.ts'
import { bin, cli, ensureCliBuilt, errorLines, tinyFlags } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)

const tiny = tinyFlags

/** Every file under `dir` with its content: what a user would miss if it were destroyed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return out
}

function userFolder(): string {
  const d = mkdtempSync(join(tmpdir(), 'fincrime-force-'))
  mkdirSync(join(d, 'Documents/taxes'), { recursive: true })
  writeFileSync(join(d, 'Documents/taxes/2024.pdf'), 'secret')
  writeFileSync(join(d, 'notes.txt'), 'mine')
  return d
}

function earlierOutput(): string {
  const parent = mkdtempSync(join(tmpdir(), 'fincrime-force-'))
  const out = join(parent, 'out')
  const r = cli(['--out', out, ...tiny])
  expect(r.code, r.stderr).toBe(0)
  return out
}

function expectRefused(r: ReturnType<typeof cli>, names: RegExp) {
  expect(r.code, r.stderr).toBe(2)
  expect(errorLines(r.stderr)).toHaveLength(1)
  expect(r.stderr).toMatch(names)
  expect(r.stderr).toMatch(/choose|move/)
}

describe('--force replaces only what this tool wrote', () => {
  it("refuses a folder of the user's files and names one of them", () => {
    const d = userFolder()
    const before = snapshot(d)
    expectRefused(cli(['--out', d, '--force', ...tiny]), /Documents\/taxes\/2024\.pdf|notes\.txt/)
    expect(snapshot(d)).toEqual(before)
  })

  it('refuses an earlier output to which the user added a file or folder, or from which a listed file is gone', () => {
    const out = earlierOutput()
    writeFileSync(join(out, 'my-analysis.ipynb'), '{}')
    const before = snapshot(out)
    expectRefused(cli(['--out', out, '--force', ...tiny]), /my-analysis\.ipynb/)
    expect(snapshot(out)).toEqual(before)

    const other = earlierOutput()
    mkdirSync(join(other, 'persons.csv.d'))
    writeFileSync(join(other, 'persons.csv.d/keep'), 'x')
    expectRefused(cli(['--out', other, '--force', ...tiny]), /persons\.csv\.d\/keep/)
    expect(readFileSync(join(other, 'persons.csv.d/keep'), 'utf8')).toBe('x')

    const partial = earlierOutput()
    rmSync(join(partial, 'travels.csv'))
    expectRefused(cli(['--out', partial, '--force', ...tiny]), /lacks travels\.csv/)
    expect(existsSync(join(partial, 'persons.csv'))).toBe(true)
  })

  it("refuses a folder whose manifest.json is another product's", () => {
    const d = mkdtempSync(join(tmpdir(), 'fincrime-force-'))
    writeFileSync(join(d, 'manifest.json'), JSON.stringify({ product: 'other', files: [{ name: 'a.csv' }] }))
    writeFileSync(join(d, 'a.csv'), 'x')
    const before = snapshot(d)
    expectRefused(cli(['--out', d, '--force', ...tiny]), /a\.csv|manifest\.json/)
    expect(snapshot(d)).toEqual(before)
  })

  it('never replaces a file, the current folder, its parents, the home folder or /', () => {
    const d = userFolder()
    const before = snapshot(d)
    const home = join(d, 'Documents')
    const env = { ...process.env, HOME: home }
    const run = (args: string[], cwd: string) =>
      spawnSync(process.execPath, [bin, ...args, '--force', ...tiny], { cwd, env, encoding: 'utf8' })
    for (const [out, cwd, message] of [
      ['notes.txt', d, /is a file, not a folder/],
      ['.', d, /current folder/],
      ['..', join(d, 'Documents'), /current folder or one of its parents/],
      [d, join(d, 'Documents/taxes'), /current folder or one of its parents/],
      [home, tmpdir(), /home folder/],
      ['/', d, /root folder/],
    ] as const) {
      const r = run(['--out', out], cwd)
      expect(r.status, `${out}: ${r.stderr}`).toBe(2)
      expect(errorLines(r.stderr), out).toHaveLength(1)
      expect(r.stderr, out).toMatch(message)
    }
    expect(snapshot(d)).toEqual(before)
  })

  it('replaces an earlier output of this tool, and an empty folder', () => {
    const out = earlierOutput()
    const r = cli(['--out', out, '--force', '--format', 'jsonl', ...tiny])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(out)).toContain('persons.jsonl')
    expect(readdirSync(out)).not.toContain('persons.csv')
    const empty = mkdtempSync(join(tmpdir(), 'fincrime-force-'))
    expect(cli(['--out', empty, ...tiny]).code).toBe(0)
    expect(readdirSync(empty)).toContain('manifest.json')
  })
})

describe('debris of a killed run', () => {
  it('is removed on the next run into the same folder once the run that made it is gone', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'fincrime-stale-'))
    const out = join(parent, 'out')
    const child = spawn(process.execPath, [
      bin,
      '--out',
      out,
      '--quiet',
      ...['--persons', '200000', '--companies', '20000', '--accounts', '400000'],
    ])
    const exited = new Promise((r) => child.on('exit', r))
    const temp = `.out.fincrime-synth-partial-${thisHost}-${child.pid}`
    for (let i = 0; i < 400 && !existsSync(join(parent, temp)); i++) await new Promise((r) => setTimeout(r, 25))
    expect(existsSync(join(parent, temp))).toBe(true)
    child.kill('SIGKILL') // no chance to clean up
    await exited
    expect(readdirSync(parent)).toEqual([temp])
    const r = cli(['--out', out, ...tiny])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`removed .*${temp.replace(/\./g, '\\.')}, left by an interrupted run`))
    expect(readdirSync(parent)).toEqual(['out'])
  }, 60_000)

  it("is reported and kept while its run is alive, and a user's look-alike folder is never touched", () => {
    const parent = mkdtempSync(join(tmpdir(), 'fincrime-stale-'))
    const live = `.out.fincrime-synth-partial-${thisHost}-${process.pid}` // this test process: certainly alive
    mkdirSync(join(parent, live))
    writeFileSync(join(parent, live, 'persons.csv'), 'id\n')
    const lookAlike = `.out.fincrime-synth-old-${thisHost}-999999`
    mkdirSync(join(parent, lookAlike, 'photos'), { recursive: true })
    writeFileSync(join(parent, lookAlike, 'photos/cat.jpg'), 'cat')
    const r = cli(['--out', join(parent, 'out'), ...tiny])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/still going \(pid \d+\): left it alone/)
    expect(r.stderr).toMatch(/left .* alone: it looks like a temp folder of ours but holds things we never write/)
    expect(readFileSync(join(parent, live, 'persons.csv'), 'utf8')).toBe('id\n')
    expect(readFileSync(join(parent, lookAlike, 'photos/cat.jpg'), 'utf8')).toBe('cat')
    expect(statSync(join(parent, 'out')).isDirectory()).toBe(true)
  })
})
