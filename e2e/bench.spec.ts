import { test, type CDPSession, type Page } from '@playwright/test'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { applyPreset, openFresh, runSeq, setField } from './helpers.ts'

// Run with: BENCH=1 npx playwright test e2e/bench.spec.ts  (skipped by the normal e2e run through its @bench tag)

interface Sample {
  readonly clickToGraphMs: number
  readonly longestTaskMs: number
  readonly longTasks: number
  /** The longest main-thread task in thread (CPU) time: what the page itself costs, whatever the machine's load. */
  readonly longestCpuMs: number
  readonly cpuOver50: number
}

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly tdur?: number
  readonly args?: { readonly name?: string }
}

/**
 * Main-thread tasks' CPU time from a Chromium trace. On a busy machine a task's wall time (what the long-task
 * observer reports) includes the time the thread waited for a core; its thread time does not.
 */
async function traceCpu(cdp: CDPSession, during: () => Promise<void>): Promise<number[]> {
  const events: TraceEvent[] = []
  // The protocol types trace events loosely (string maps); they carry numbers for pid, tid and tdur.
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  })
  await during()
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  await complete
  cdp.off('Tracing.dataCollected', collect)
  const tasksOf = (m: TraceEvent) =>
    events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'RunTask')
  const cpu = (tasks: TraceEvent[]) => tasks.map((t) => (t.tdur ?? 0) / 1000)
  const total = (ms: number[]) => ms.reduce((a, b) => a + b, 0)
  // The renderer main thread that worked hardest in the window is the page's (the browser may run others).
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  return mains.map((m) => cpu(tasksOf(m))).sort((a, b) => total(b) - total(a))[0] ?? []
}

declare global {
  interface Window {
    longTasks: { start: number; duration: number }[]
  }
}

/**
 * Clicks Generate and waits for the drawn graph from inside the page: Playwright's own locator polling runs on the
 * page's main thread and would show up as long tasks of its own.
 */
async function measureRun(page: Page, cdp: CDPSession): Promise<Sample> {
  const seq = await runSeq(page)
  const cpu = await traceCpu(cdp, () => clickAndWait(page, seq))
  const wall = await page.evaluate(() => {
    const start = performance.getEntriesByName('fincrime:generate').at(-1)?.startTime ?? 0
    const drawn = performance.getEntriesByName('fincrime:graph-drawn').at(-1)?.startTime ?? Number.NaN
    const tasks = window.longTasks.filter((t) => t.start >= start)
    return {
      clickToGraphMs: drawn - start,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
    }
  })
  return { ...wall, longestCpuMs: Math.max(0, ...cpu), cpuOver50: cpu.filter((ms) => ms > 50).length }
}

async function clickAndWait(page: Page, seq: number): Promise<void> {
  await page.evaluate(
    (target) =>
      new Promise<void>((resolve) => {
        const done = () => document.querySelector(`[data-testid="graph"][data-drawn-seq="${target}"]`) !== null
        const observer = new MutationObserver(() => {
          if (!done()) return
          observer.disconnect()
          resolve()
        })
        observer.observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-drawn-seq'],
          childList: true,
        })
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Generate')
        if (!button) throw new Error('no Generate button')
        button.click()
      }),
    seq + 1,
  )
  await page.waitForTimeout(500) // let trailing work (React commits, cytoscape frames) report its long tasks
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

test('@bench click→graph time and longest main-thread task', async ({ page }) => {
  test.setTimeout(600_000)
  await page.addInitScript(() => {
    window.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  await openFresh(page)
  const cdp = await page.context().newCDPSession(page)
  const loadTasks = await page.evaluate(() => window.longTasks.map((t) => Math.round(t.duration)))
  console.log(`page load: long tasks ${JSON.stringify(loadTasks)} ms`)

  const report: string[] = []
  for (const [name, preset, runs] of [
    ['default', 'Dense demo', 5],
    ['bulk', 'Bulk sample', 3],
    ['100 of each pattern', 'Dense demo', 3],
    ['1M transactions', 'Bulk sample', 1],
  ] as const) {
    await applyPreset(page, preset)
    // A graph far past the draw cap: the worker keeps whole instances up to MAX_GRAPH_NODES.
    if (name.startsWith('100'))
      for (const kind of Object.keys(defaultConfig().patterns)) await setField(page, `patterns.${kind}.count`, '100')
    // A big run: the page must stay responsive while the worker generates.
    if (name.startsWith('1M')) await setField(page, 'counts.transactions', '1000000')
    const samples: Sample[] = []
    for (let i = 0; i < runs; i++) samples.push(await measureRun(page, cdp))
    const engine = await page.getByTestId('run-time').textContent()
    const graph = await page.locator('.graph-card .card-meta').textContent()
    const line =
      `${name}: click→graph ${samples.map((s) => Math.round(s.clickToGraphMs)).join(' / ')} ms (median ${Math.round(median(samples.map((s) => s.clickToGraphMs)))}), ` +
      `longest task ${samples.map((s) => Math.round(s.longestTaskMs)).join(' / ')} ms (median ${Math.round(median(samples.map((s) => s.longestTaskMs)))}), long tasks per run ${samples.map((s) => s.longTasks).join(' / ')}; ` +
      `longest task in CPU time ${samples.map((s) => Math.round(s.longestCpuMs)).join(' / ')} ms (median ${Math.round(median(samples.map((s) => s.longestCpuMs)))}), tasks over 50 ms CPU ${samples.map((s) => s.cpuOver50).join(' / ')}; last run: engine ${engine}, graph ${graph}`
    console.log(line)
    report.push(line)
  }
  test.info().annotations.push({ type: 'bench', description: report.join('\n') })
})
