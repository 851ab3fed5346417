import { describe, expect, it } from 'vitest'
import { createMemorySink, runGeneration, validateConfig, type Progress } from '../src/engine/index.ts'

function config() {
  const r = validateConfig({
    seed: 4,
    counts: {
      persons: 30_000,
      companies: 3000,
      accounts: 60_000,
      transactions: 100,
      communications: 0,
      trades: 0,
      travels: 0,
      documents: 0,
      accessEvents: 0,
    },
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.config
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('the population phase', () => {
  it('reports real progress while it builds, rising from 0 before the patterns start', async () => {
    const reports: Progress[] = []
    let clock = 0
    await runGeneration(config(), {
      format: 'csv',
      sink: createMemorySink(),
      onProgress: (p) => reports.push(p),
      now: () => (clock += 1000), // every report passes the throttle
    })
    const during = reports.filter((p) => p.phase === 'population').map((p) => p.fraction)
    expect(during.length).toBeGreaterThan(10)
    for (let i = 1; i < during.length; i++) expect(during[i]).toBeGreaterThanOrEqual(during[i - 1])
    const injectionStart = reports.find((p) => p.phase === 'injection')!.fraction
    expect(during.at(-1)! - during[0]).toBeGreaterThan(injectionStart * 0.8)
  }, 60_000)

  it('is cancelled part-way through: an abort lands while the population is still being built', async () => {
    const controller = new AbortController()
    const phases: string[] = []
    let populationReports = 0
    const run = runGeneration(config(), {
      format: 'csv',
      sink: createMemorySink(),
      signal: controller.signal,
      pause,
      onProgress: (p) => {
        phases.push(p.phase)
        if (p.phase === 'population' && ++populationReports === 3) setImmediate(() => controller.abort())
      },
      now: (() => {
        let t = 0
        return () => (t += 1000)
      })(),
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(phases).not.toContain('injection')
  }, 60_000)
})
