import { createHash } from 'node:crypto'
import { availableParallelism, freemem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify'
import {
  auditByDefault,
  estimateResources,
  isOutputFormat,
  issueText,
  outputFormats,
  runGeneration,
  validateConfig,
  type ByteSink,
  type OutputFormat,
  type Progress,
  type ResolvedConfig,
  type ValidConfig,
} from '../engine/index.ts'
import { runJobThread, type JobResult } from './job-runner.ts'
import { createJobRegistry, type JobState, type Outcome } from './jobs.ts'
import { createMetrics } from './metrics.ts'
import { openApiDocument } from './openapi.ts'
import { problem, PROBLEM_TYPE, type Problem } from './problem.ts'
import { createSlots } from './slots.ts'
import { createZipSink } from './zip-sink.ts'
import { nativeHasher } from './native-hasher.ts'

export interface ServerOptions {
  /** Jobs generating at once (default: one per core). */
  readonly concurrency?: number
  /** Jobs allowed to wait for a slot; more are refused with 503 (default 8). */
  readonly queue?: number
  /** Largest config accepted, in rows summed over the counts (default 5 million). */
  readonly maxRows?: number
  /** Memory one job may use, in bytes (default: the free memory shared by the slots, at most the heap limit). */
  readonly maxJobMemory?: number
  /** Run each job on its own worker thread (default); false runs them on the server's thread (tests, debugging). */
  readonly threads?: boolean
  /** Where the JSON log lines go (default stdout); false for none. */
  readonly log?: { write(line: string): void } | false
}

function send(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}) {
  return reply.code(p.status).headers(headers).type(PROBLEM_TYPE).send(p)
}

/** The same job on the server's own thread. */
async function runHere(
  config: ValidConfig,
  format: OutputFormat,
  sink: ByteSink,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<JobResult> {
  const result = await runGeneration(config, {
    format,
    sink,
    signal,
    onProgress,
    now: () => performance.now(),
    hasher: nativeHasher,
    // audit.json as the CLI writes it by default, so an API dataset is the CLI's, byte for byte.
    audit: auditByDefault(config.counts),
  })
  const injected: Record<string, number> = {}
  for (const p of result.patterns) injected[p.kind] = (injected[p.kind] ?? 0) + 1
  return { rows: Object.values(result.counts).reduce((n, v) => n + v, 0), injected }
}

function totalRows(config: ResolvedConfig): number {
  return Object.values(config.counts).reduce((n, v) => n + v, 0)
}

/**
 * The HTTP API (Fastify 5): POST /api/v1/datasets streams a generated dataset as a zip, progress comes as
 * Server-Sent Events, closing the connection cancels, every error is an RFC 9457 problem, /metrics speaks
 * Prometheus and every job ends with one structured log line. It reaches the engine through its public surface.
 */
export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const concurrency = options.concurrency ?? availableParallelism()
  const maxRows = options.maxRows ?? 5_000_000
  const slots = createSlots(concurrency, options.queue ?? 8)
  const metrics = createMetrics()
  const jobs = createJobRegistry()
  const app = Fastify({
    logger: options.log === false ? false : { level: 'info', stream: options.log ?? process.stdout },
    // One line per job (below) is the audit trail; Fastify's per-request lines would double it.
    logController: new LogController({ disableRequestLogging: true }),
  })

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return send(
      reply,
      status === 413
        ? problem(413, 'body-too-large', 'Request body too large', `${error.message}: send a smaller config`)
        : status < 500
          ? problem(status, 'bad-request', 'Bad request', `${error.message}: send a JSON config in the body`)
          : problem(500, 'internal', 'Internal error', 'the server failed; the log has the details'),
    )
  })
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      problem(
        404,
        'not-found',
        'Not found',
        `${request.method} ${request.url} does not exist: see /api/v1/openapi.json`,
      ),
    ),
  )

  app.get('/api/v1/openapi.json', async () => openApiDocument())

  app.get('/metrics', async (_request, reply) =>
    reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(metrics.render({ running: slots.running, queued: slots.queued })),
  )

  app.post<{ Querystring: { format?: string }; Body: unknown }>('/api/v1/datasets', async (request, reply) => {
    const format = request.query.format ?? 'csv'
    if (!isOutputFormat(format))
      return send(
        reply,
        problem(
          400,
          'unknown-format',
          'Unknown format',
          `format=${format} is not supported: use one of ${outputFormats.join(', ')}`,
        ),
      )
    const checked = validateConfig(request.body ?? {})
    if (!checked.ok)
      return send(
        reply,
        problem(400, 'invalid-config', 'Invalid config', issueText(checked.issues[0]), {
          errors: checked.issues.map((i) => ({ path: i.path, message: i.message, hint: i.hint })),
        }),
      )
    const config = checked.config
    const configHash = createHash('sha256').update(JSON.stringify(config)).digest('hex')
    // Refusals belong in the audit trail too: one line, like a job's, with the reason.
    const refuse = (reason: string) => {
      metrics.jobEnded('rejected', 0, 0, 0)
      request.log.info({ config_sha256: configHash, seed: config.seed, format, outcome: 'rejected', reason }, 'job')
    }
    const rows = totalRows(config)
    if (rows > maxRows) {
      refuse('too-large')
      return send(
        reply,
        problem(
          413,
          'too-large',
          'Config too large for this server',
          `the config asks for ${rows} rows; this server generates at most ${maxRows} per request: lower the counts or use the CLI`,
        ),
      )
    }

    // The resource guard (the CLI's estimate): refuse before generating what would not fit in memory.
    const need = estimateResources(config, { format }).peakMemoryBytes
    const budget = options.maxJobMemory ?? Math.min(freemem() / concurrency, getHeapStatistics().heap_size_limit)
    if (need > budget) {
      refuse('resource-guard')
      const mib = (b: number) => `${Math.ceil(b / 1048576)} MiB`
      return send(
        reply,
        problem(
          413,
          'resource-guard',
          'Not enough memory for this config',
          `the config needs about ${mib(need)} of memory; a job here may use ${mib(budget)}: lower counts.persons, counts.companies or counts.accounts`,
        ),
      )
    }

    const controller = new AbortController()
    const res = reply.raw
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const acquired = slots.acquire(controller.signal)
    if (acquired === null) {
      refuse('busy')
      return send(
        reply,
        problem(503, 'busy', 'Server busy', `all ${concurrency} slots are busy and the queue is full: retry later`),
        { 'retry-after': '5' },
      )
    }

    const job = jobs.create()
    reply.hijack()
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="fincrime-${format}.zip"`,
      'x-job-id': job.id,
      'x-config-sha256': configHash,
    })
    res.flushHeaders()
    const release = await acquired
    const started = performance.now()
    let outcome: Outcome = 'ok'
    let detail: string | undefined
    let written = 0
    const sink = createZipSink(res)
    try {
      if (!release) throw Object.assign(new Error('client left while queued'), { name: 'AbortError' })
      metrics.jobStarted()
      const onProgress = (p: Progress) => jobs.progress(job, p)
      const result: JobResult =
        options.threads === false
          ? await runHere(config, format, sink, onProgress, controller.signal)
          : await runJobThread(config, format, sink, onProgress, controller.signal)
      await sink.end()
      res.end()
      written = result.rows
      const requested = Object.fromEntries(Object.entries(config.patterns).map(([k, p]) => [k, p.count]))
      metrics.patterns(requested, result.injected)
    } catch (e) {
      outcome = (e as Error).name === 'AbortError' ? 'cancelled' : 'failed'
      detail = (e as Error).message
      // Headers are gone: the only honest signal left is a connection that does not end cleanly.
      res.destroy()
    } finally {
      release?.()
    }
    const ms = performance.now() - started
    metrics.jobEnded(outcome, written, sink.bytes(), ms)
    jobs.end(job, outcome, detail)
    request.log.info(
      {
        job: job.id,
        config_sha256: configHash,
        seed: config.seed,
        format,
        counts: config.counts,
        rows: written,
        bytes: sink.bytes(),
        duration_ms: Math.round(ms),
        outcome,
        ...(detail && outcome === 'failed' ? { error: detail } : {}),
      },
      'job',
    )
  })

  app.get<{ Params: { id: string } }>('/api/v1/jobs/:id/events', async (request, reply) => {
    const job = jobs.get(request.params.id)
    if (!job)
      return send(
        reply,
        problem(404, 'no-such-job', 'No such job', `job ${request.params.id} is unknown or ended long ago`),
      )
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    const emit = (kind: 'progress' | 'end', state: JobState) => {
      const data = kind === 'end' ? state.end : state.progress
      res.write(`event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`)
      if (kind === 'end') res.end()
    }
    if (job.progress) emit('progress', job)
    if (job.end) return emit('end', job)
    const listener = (kind: 'progress' | 'end') => emit(kind, job)
    job.listeners.add(listener)
    res.on('close', () => job.listeners.delete(listener))
  })

  return app
}
