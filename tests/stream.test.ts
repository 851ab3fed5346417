import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { streamEvents, streamTables } from '../src/engine/index.ts'
import { smallConfig } from './helpers/dataset.ts'
import { bin, ensureCliBuilt, root } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)

const args = (extra: string[]) => [
  bin,
  '--out',
  '-',
  '--seed',
  'stream',
  '--persons',
  '200',
  '--companies',
  '30',
  '--accounts',
  '400',
  '--transactions',
  '3000',
  '--communications',
  '400',
  '--trades',
  '200',
  '--travels',
  '100',
  '--documents',
  '100',
  '--access-events',
  '600',
  ...extra,
]
const eventTime = (e: Record<string, unknown>) =>
  (e.timestamp ?? e.departure_at ?? e.issued_at ?? null) as string | null

describe('live stream (--out -)', () => {
  it('writes every event table merged in non-decreasing event time, one JSON object per line with its table', () => {
    const r = spawnSync(process.execPath, args([]), {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 1 << 28,
    })
    expect(r.status, r.stderr).toBe(0)
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const seen = new Map<string, number>()
    let last = ''
    let lastTime = ''
    for (const e of events) {
      seen.set(e.table as string, (seen.get(e.table as string) ?? 0) + 1)
      // A document's lines follow it at the document's time.
      const t = e.table === 'document_lines' ? lastTime : eventTime(e)
      expect(t, JSON.stringify(e)).not.toBeNull()
      expect((t as string) >= last, `${t} after ${last}`).toBe(true)
      last = t as string
      lastTime = t as string
    }
    expect([...seen.keys()].sort()).toEqual([...streamTables].sort())
    expect(seen.get('transactions')).toBeGreaterThanOrEqual(3000)
    expect(events.filter((e) => e.pattern_id !== null && e.pattern_id !== undefined).length).toBeGreaterThan(0)
  }, 120_000)

  it('is the same stream for the same config, and labels the injected rows', () => {
    const a = [...streamEvents(smallConfig('stream', 1))]
    const b = [...streamEvents(smallConfig('stream', 1))]
    expect(b.map((e) => e.line)).toEqual(a.map((e) => e.line))
    for (let i = 1; i < a.length; i++) expect(a[i].time).toBeGreaterThanOrEqual(a[i - 1].time)
  }, 60_000)

  it('ends cleanly, exit code 0, when the reader closes the pipe early (| head)', async () => {
    const child = spawn(process.execPath, args([]), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    let text = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString()
        if (text.split('\n').length > 10) {
          child.stdout.destroy()
          resolve()
        }
      })
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  }, 120_000)

  it('paces the events with --rate (events per wall second)', async () => {
    const started = Date.now()
    const child = spawn(process.execPath, args(['--rate', '40']), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let lines = 0
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').length - 1
        if (lines >= 21) resolve()
      })
    })
    // Line k leaves at least k/40 s after the first, which left after the spawn: a lower bound that a busy machine
    // (late or merged chunks) can only make longer. Only that bound is tested.
    const elapsed = Date.now() - started
    child.kill('SIGTERM')
    await new Promise((resolve) => child.on('exit', resolve))
    expect(elapsed).toBeGreaterThanOrEqual((lines - 1) * 25)
  }, 120_000)

  it('replays simulated time with --speed (simulated seconds per wall second)', async () => {
    const speed = 86_400 * 4 // four simulated days per second
    const started = Date.now()
    const child = spawn(process.execPath, args(['--speed', String(speed)]), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString()
        if (text.split('\n').length > 30) resolve()
      })
    })
    // As with --rate: the 30th event leaves at least (its simulated time − the first's) / speed after the spawn.
    const elapsed = Date.now() - started
    child.kill('SIGTERM')
    await new Promise((resolve) => child.on('exit', resolve))
    const events = text
      .split('\n')
      .slice(0, 30)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const times = events
      .map(eventTime)
      .filter((t): t is string => t !== null)
      .map((t) => Date.parse(t))
    const simulated = (times[times.length - 1] - times[0]) / 1000
    expect(simulated).toBeGreaterThan(0)
    expect(elapsed).toBeGreaterThanOrEqual((simulated / speed) * 1000)
  }, 120_000)

  it('refuses pacing without the stream, and other formats with it, in one line', () => {
    const bad = (extra: string[], message: RegExp) => {
      const r = spawnSync(process.execPath, [bin, ...extra], { cwd: root, encoding: 'utf8' })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(message)
    }
    bad(['--out', join(root, 'never-written'), '--rate', '5'], /--rate only applies to the stream/)
    bad(['--out', '-', '--format', 'parquet'], /--out - streams JSON Lines: drop --format parquet/)
    bad(['--out', '-', '--speed', 'fast'], /--speed fast must be a positive number/)
  }, 60_000)
})
