import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, ensureCliBuilt, errorLines, root } from './helpers/cli.ts'
import { groupMembers, waitForGroupGone } from './helpers/process-group.ts'
import { prng } from './helpers/prng.ts'

beforeAll(ensureCliBuilt, 120_000)

const EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
type Sig = keyof typeof EXIT

// Two shapes of run: a big population (the long synchronous build) and big event tables written by two threads.
const population = ['--persons', '120000', '--companies', '12000', '--accounts', '240000', '--threads', '0']
const lanes = ['--persons', '3000', '--companies', '300', '--accounts', '6000', '--transactions', '400000']
lanes.push('--threads', '2', '--no-audit') // no audit: the test is about the threads' own signals

function outputIsWhole(out: string): boolean {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    files: { name: string; sha256: string }[]
  }
  const names = readdirSync(out).sort()
  if (names.join() !== [...manifest.files.map((f) => f.name), 'manifest.json'].sort().join()) return false
  return manifest.files.every(
    (f) =>
      createHash('sha256')
        .update(readFileSync(join(out, f.name)))
        .digest('hex') === f.sha256,
  )
}

interface Outcome {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  groupGone: boolean
}

/** Starts the CLI as the leader of its own process group and sends `sig` to the whole group after `delayMs`. */
async function interrupt(
  command: string[],
  sig: Sig,
  delayMs: number,
  repeatAfterMs?: number,
  leaderOnly = false,
): Promise<Outcome> {
  const child = spawn(command[0], command.slice(1), { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const stderrClosed = new Promise((r) => child.stderr.on('close', r))
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (code, signal) => resolve([code, signal])),
  )
  await new Promise((r) => setTimeout(r, delayMs))
  const pgid = child.pid!
  try {
    process.kill(leaderOnly ? pgid : -pgid, sig)
    if (repeatAfterMs !== undefined) {
      await new Promise((r) => setTimeout(r, repeatAfterMs))
      if (groupMembers(pgid).length > 0) process.kill(-pgid, sig)
    }
  } catch {
    // The run had already finished: the outcome must then be a whole output.
  }
  const [code, signal] = await exited
  // npm may exit before its child: the folder is judged once every process of the group is gone.
  const groupGone = await waitForGroupGone(pgid, 20_000)
  await stderrClosed
  return { code, signal, stderr, groupGone }
}

function expectClean(work: string, out: string, sig: Sig, r: Outcome, how: string): 'cancelled' | 'finished' {
  expect(r.groupGone, `${how}: processes left running`).toBe(true)
  expect(
    readdirSync(work).filter((n) => n !== 'out'),
    `${how}: debris`,
  ).toEqual([])
  expect(r.stderr, how).not.toMatch(/DEP0137|Warning:|at .*\(.*:\d+:\d+\)/)
  const finished = r.code === 0
  if (finished) {
    expect(outputIsWhole(out), `${how}: finished but the output is not whole`).toBe(true)
    return 'finished'
  }
  // Through npm the exit status may come from npm itself killed by the signal: 128 + n either way.
  const status = r.code ?? (r.signal ? EXIT[r.signal as Sig] : null)
  expect(status, `${how}: ${r.stderr}`).toBe(EXIT[sig])
  expect(existsSync(out), `${how}: an output folder was left`).toBe(false)
  // A signal that lands before the CLI has started (npm still launching node on a busy machine) ends it silently,
  // with nothing made; once started, it says so in one line.
  if (r.stderr.trim() === '') return 'cancelled'
  const lines = errorLines(r.stderr).filter((l) => /Cancelled|Stopped/.test(l))
  expect(lines, `${how}: ${r.stderr}`).toHaveLength(1)
  expect(lines[0]).toContain(sig)
  return 'cancelled'
}

describe('CLI interrupted by real signals', () => {
  it('leaves nothing at seeded random moments through npm run generate, the bin and plain node', async () => {
    const random = prng(8)
    const signals: Sig[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
    const launchers: [string, (args: string[]) => string[]][] = [
      ['npm run generate', (args) => ['npm', 'run', '--silent', 'generate', '--', ...args]],
      ['the bin', (args) => [bin, ...args]],
      ['plain node', (args) => [process.execPath, join(root, 'dist-cli/main.cjs'), ...args]],
    ]
    const tally = { cancelled: 0, finished: 0 }
    // 9 moments: every launcher × every signal, alternating the two run shapes, at a seeded moment within 0.3–4.5 s.
    for (let i = 0; i < 9; i++) {
      const [name, launch] = launchers[i % 3]
      const sig = signals[Math.floor(i / 3)]
      const shape = i % 2 === 0 ? population : lanes
      const delay = Math.round(300 + random() * 4200)
      const work = mkdtempSync(join(tmpdir(), 'fincrime-sig-'))
      const out = join(work, 'out')
      const r = await interrupt(launch(['--out', out, '--quiet', ...shape]), sig, delay)
      tally[expectClean(work, out, sig, r, `${name}, ${sig} after ${delay} ms`)]++
    }
    console.log(`signal moments: ${tally.cancelled} cancelled cleanly, ${tally.finished} finished whole`)
    // The moments are meant to land mostly inside runs: most runs must really have been cancelled.
    expect(tally.cancelled).toBeGreaterThanOrEqual(6)
  }, 180_000)

  it('a signal to npm alone (not its group) still stops the run and leaves nothing', async () => {
    const random = prng(5)
    // A run far too long to finish on its own while the test waits: it must be stopped.
    const long = ['--transactions', '20000000', '--threads', '1']
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as Sig[]) {
      const work = mkdtempSync(join(tmpdir(), 'fincrime-npm-'))
      const out = join(work, 'out')
      const delay = Math.round(1000 + random() * 2000)
      const command = ['npm', 'run', '--silent', 'generate', '--', '--out', out, '--quiet', ...long]
      const r = await interrupt(command, sig, delay, undefined, true)
      expect(expectClean(work, out, sig, r, `npm alone, ${sig} after ${delay} ms`)).toBe('cancelled')
    }
  }, 90_000)

  it('a second signal cleans up and exits at once', async () => {
    const random = prng(21)
    for (const sig of ['SIGINT', 'SIGTERM'] as Sig[]) {
      const work = mkdtempSync(join(tmpdir(), 'fincrime-sig2-'))
      const out = join(work, 'out')
      const delay = Math.round(800 + random() * 1500)
      const r = await interrupt([bin, '--out', out, '--quiet', ...lanes], sig, delay, 5)
      expectClean(work, out, sig, r, `${sig} twice after ${delay} ms`)
    }
  }, 60_000)
})
