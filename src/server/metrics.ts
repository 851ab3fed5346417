/** Counters and gauges for /metrics, rendered in the Prometheus text exposition format (version 0.0.4). */
export interface Metrics {
  jobStarted(): void
  jobEnded(outcome: 'ok' | 'cancelled' | 'failed' | 'rejected', rows: number, bytes: number, ms: number): void
  patterns(requested: Record<string, number>, injected: Record<string, number>): void
  render(state: { running: number; queued: number }): string
}

export function createMetrics(): Metrics {
  const outcomes = { ok: 0, cancelled: 0, failed: 0, rejected: 0 }
  let rows = 0
  let bytes = 0
  let lastRowsPerSecond = 0
  let lastBytesPerSecond = 0
  let started = 0
  const requested = new Map<string, number>()
  const injected = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v)
  return {
    jobStarted: () => void started++,
    jobEnded(outcome, r, b, ms) {
      outcomes[outcome]++
      rows += r
      bytes += b
      if (outcome === 'ok' && ms > 0) {
        lastRowsPerSecond = (r / ms) * 1000
        lastBytesPerSecond = (b / ms) * 1000
      }
    },
    patterns(req, inj) {
      // Every kind asked about gets a sample, zero included, so rate() and ratios work from the first job.
      for (const [k, v] of Object.entries(req)) {
        add(requested, k, v)
        add(injected, k, 0)
      }
      for (const [k, v] of Object.entries(inj)) add(injected, k, v)
    },
    render({ running, queued }) {
      const mem = process.memoryUsage()
      const lines: string[] = []
      const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
        for (const [labels, v] of samples) lines.push(`${name}${labels} ${v}`)
      }
      metric('fincrime_jobs_started_total', 'counter', 'Generation jobs started.', [['', started]])
      metric(
        'fincrime_jobs_total',
        'counter',
        'Generation jobs ended, by outcome (rejected: queue full or over the size limit).',
        Object.entries(outcomes).map(([k, v]) => [`{outcome="${k}"}`, v]),
      )
      metric('fincrime_jobs_running', 'gauge', 'Jobs generating now.', [['', running]])
      metric('fincrime_jobs_queued', 'gauge', 'Jobs waiting for a free slot.', [['', queued]])
      metric('fincrime_rows_written_total', 'counter', 'Rows written by finished jobs.', [['', rows]])
      metric('fincrime_bytes_sent_total', 'counter', 'Response bytes sent by finished jobs.', [['', bytes]])
      metric('fincrime_last_job_rows_per_second', 'gauge', 'Rows per second of the last successful job.', [
        ['', Math.round(lastRowsPerSecond)],
      ])
      metric('fincrime_last_job_bytes_per_second', 'gauge', 'Bytes per second of the last successful job.', [
        ['', Math.round(lastBytesPerSecond)],
      ])
      metric('fincrime_errors_total', 'counter', 'Jobs that failed.', [['', outcomes.failed]])
      metric(
        'fincrime_pattern_instances_requested_total',
        'counter',
        'Pattern instances asked for, by kind.',
        [...requested].map(([k, v]) => [`{kind="${k}"}`, v]),
      )
      metric(
        'fincrime_pattern_instances_injected_total',
        'counter',
        'Pattern instances injected, by kind.',
        [...injected].map(([k, v]) => [`{kind="${k}"}`, v]),
      )
      metric('process_resident_memory_bytes', 'gauge', 'Resident memory.', [['', mem.rss]])
      metric('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', [['', mem.heapUsed]])
      return lines.join('\n') + '\n'
    },
  }
}
