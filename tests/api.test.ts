import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server/app.ts'
import { bin, ensureCliBuilt, root } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)

const tiny = {
  seed: 'api',
  counts: {
    persons: 120,
    companies: 20,
    accounts: 250,
    transactions: 800,
    communications: 80,
    trades: 40,
    travels: 20,
    documents: 20,
    accessEvents: 80,
  },
  patterns: { structuring: { count: 1 }, fraudRing: { count: 1 } },
}
/** Big enough to still be running while the test acts on it (cancelled before it ends). */
const slow = { ...tiny, counts: { ...tiny.counts, persons: 20_000, accounts: 40_000, transactions: 3_000_000 } }

describe('HTTP API', () => {
  let app: FastifyInstance
  let base: string
  const log: Record<string, unknown>[] = []
  const post = (body: unknown, query = '', init: RequestInit = {}) =>
    fetch(`${base}/api/v1/datasets${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    })
  const jobLines = () => log.filter((l) => l.msg === 'job')
  const until = async (cond: () => boolean | Promise<boolean>, ms = 60_000) => {
    const end = Date.now() + ms
    while (!(await cond())) {
      if (Date.now() > end) throw new Error('timed out waiting')
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  beforeAll(async () => {
    app = buildServer({
      concurrency: 1,
      queue: 1,
      maxRows: 5_000_000,
      log: { write: (line: string) => void log.push(JSON.parse(line) as Record<string, unknown>) },
    })
    base = await app.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(() => app?.close())

  it('streams a zip whose files are byte for byte what the CLI writes, and logs one line for the job', async () => {
    const sent = performance.now()
    const res = await post(tiny, '?format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const took = performance.now() - sent
    const dir = join(mkdtempSync(join(tmpdir(), 'fincrime-api-')), 'out')
    const config = join(dir + '.json')
    writeFileSync(config, JSON.stringify(tiny))
    const cli = spawnSync(process.execPath, [bin, '--config', config, '--out', dir, '--quiet'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(cli.status, cli.stderr).toBe(0)
    const names = readdirSync(dir).sort()
    expect(Object.keys(files).sort()).toEqual(names)
    for (const name of names) expect(Buffer.from(files[name]).equals(readFileSync(join(dir, name))), name).toBe(true)
    await until(() => jobLines().length > 0)
    const line = jobLines().at(-1) as Record<string, unknown>
    expect(line).toMatchObject({ job: res.headers.get('x-job-id'), seed: 'api', format: 'csv', outcome: 'ok' })
    expect(line.config_sha256).toBe(res.headers.get('x-config-sha256'))
    expect(line.rows).toBeGreaterThan(1000)
    // The job's own time: positive, and no longer than the request took as the client saw it.
    expect(line.duration_ms).toBeGreaterThan(0)
    expect(line.duration_ms).toBeLessThanOrEqual(Math.ceil(took))
  }, 120_000)

  it('gives the same zip with jobs on the server thread as on job threads', async () => {
    const inline = buildServer({ threads: false, log: false })
    const url = await inline.listen({ host: '127.0.0.1', port: 0 })
    const a = new Uint8Array(await (await post(tiny, '?format=neo4j')).arrayBuffer())
    const res = await fetch(`${url}/api/v1/datasets?format=neo4j`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tiny),
    })
    const b = new Uint8Array(await res.arrayBuffer())
    await inline.close()
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    expect(Object.keys(unzipSync(a))).toContain('import.sh')
  }, 120_000)

  it('reports progress as Server-Sent Events, ending with the outcome', async () => {
    const res = await post({ ...tiny, counts: { ...tiny.counts, transactions: 60_000 } }, '?format=jsonl')
    const id = res.headers.get('x-job-id') as string
    const events = await fetch(`${base}/api/v1/jobs/${id}/events`)
    expect(events.headers.get('content-type')).toBe('text/event-stream')
    const body = res.arrayBuffer() // keep the dataset flowing while we listen
    const text = await events.text()
    await body
    const parsed = [...text.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2]),
    }))
    const progress = parsed.filter((e) => e.event === 'progress')
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)?.data.fraction).toBeGreaterThan(0)
    expect(parsed.at(-1)).toEqual({ event: 'end', data: { outcome: 'ok' } })
  }, 120_000)

  it('cancels the job when the client closes the connection, and frees the slot', async () => {
    const abort = new AbortController()
    const res = await post(slow, '?format=csv', { signal: abort.signal })
    const id = res.headers.get('x-job-id') as string
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    await reader.read() // the first bytes: the job is running
    abort.abort()
    await until(() => jobLines().some((l) => l.job === id))
    expect(jobLines().find((l) => l.job === id)?.outcome).toBe('cancelled')
    const again = await post(tiny, '?format=jsonl')
    expect(again.status).toBe(200)
    await again.arrayBuffer()
  }, 120_000)

  it('answers bad input with RFC 9457 problem details naming what to fix', async () => {
    const check = async (res: Response, status: number, detail: RegExp) => {
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const p = (await res.json()) as { type: string; title: string; status: number; detail: string }
      expect(p.status).toBe(status)
      expect(p.type).toMatch(/^https?:\/\//)
      expect(p.title.length).toBeGreaterThan(0)
      expect(p.detail).toMatch(detail)
      return p
    }
    await check(await post(tiny, '?format=xml'), 400, /format=xml is not supported: use one of csv/)
    const invalid = (await check(await post({ counts: { persons: -5 } }), 400, /counts\.persons/)) as unknown as {
      errors: { path: string }[]
    }
    expect(invalid.errors[0].path).toBe('counts.persons')
    await check(await post({ colour: 'blue' }), 400, /colour/)
    await check(await post('{not json'), 400, /JSON/)
    await check(await post({ counts: { transactions: 4_999_999, persons: 10 } }), 413, /at most 5000000/)
    const guarded = buildServer({ maxJobMemory: 64 * 1048576, log: false })
    const url = await guarded.listen({ host: '127.0.0.1', port: 0 })
    const big = await fetch(`${url}/api/v1/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counts: { persons: 1_000_000, accounts: 2_000_000 } }),
    })
    await check(big, 413, /needs about \d+ MiB of memory; a job here may use 64 MiB: lower counts.persons/)
    await guarded.close()
    await check(await fetch(`${base}/api/v1/jobs/job-nope/events`), 404, /unknown/)
    await check(await fetch(`${base}/nowhere`), 404, /openapi/)
  })

  it('queues requests beyond the slots and refuses those beyond the queue, and keeps serving', async () => {
    const aborts = [new AbortController(), new AbortController()]
    const running = await post(slow, '', { signal: aborts[0].signal })
    expect(running.status).toBe(200)
    const queued = await post(slow, '', { signal: aborts[1].signal })
    expect(queued.status).toBe(200) // headers at once; it waits for the slot
    const refused = await post(slow)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/queue is full/)
    expect(jobLines().at(-1)).toMatchObject({ outcome: 'rejected', reason: 'busy', seed: 'api' })
    const metrics = await (await fetch(`${base}/metrics`)).text()
    expect(metrics).toMatch(/^fincrime_jobs_running 1$/m)
    expect(metrics).toMatch(/^fincrime_jobs_queued 1$/m)
    for (const a of aborts) a.abort()
    await until(async () => /^fincrime_jobs_running 0$/m.test(await (await fetch(`${base}/metrics`)).text()))
  }, 120_000)

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const text = await (await fetch(`${base}/metrics`)).text()
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{\w+="[^"]*"\})? -?\d+(\.\d+)?(e[+-]?\d+)?)$/)
    expect(text).toMatch(/^fincrime_jobs_total\{outcome="ok"\} [1-9]/m)
    expect(text).toMatch(/^fincrime_jobs_total\{outcome="cancelled"\} [1-9]/m)
    expect(text).toMatch(/^fincrime_pattern_instances_injected_total\{kind="structuring"\} [1-9]/m)
    expect(text).toMatch(/^fincrime_pattern_instances_requested_total\{kind="structuring"\} [1-9]/m)
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m)
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { openapi: string; paths: object }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/api/v1/datasets')
  })
})
