import { test, type Page } from '@playwright/test'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { applyPreset, openFresh, runSeq, setField } from './helpers.ts'

// Run with: BENCH=1 npx playwright test e2e/bench.spec.ts  (skipped by the normal e2e run through its @bench tag)

interface Sample {
  readonly clickToGraphMs: number
  readonly longestTaskMs: number
  readonly longTasks: number
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
async function measureRun(page: Page): Promise<Sample> {
  const seq = await runSeq(page)
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
  return page.evaluate(() => {
    const start = performance.getEntriesByName('fincrime:generate').at(-1)?.startTime ?? 0
    const drawn = performance.getEntriesByName('fincrime:graph-drawn').at(-1)?.startTime ?? Number.NaN
    const tasks = window.longTasks.filter((t) => t.start >= start)
    return {
      clickToGraphMs: drawn - start,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
    }
  })
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
  const loadTasks = await page.evaluate(() => window.longTasks.map((t) => Math.round(t.duration)))
  console.log(`page load: long tasks ${JSON.stringify(loadTasks)} ms`)

  const report: string[] = []
  for (const [name, preset, runs] of [
    ['default', 'Default settings', 5],
    ['bulk', 'Bulk sample', 3],
    ['100 of each pattern', 'Default settings', 3],
    ['1M transactions', 'Bulk sample', 1],
  ] as const) {
    await applyPreset(page, preset)
    // A graph far past the draw cap: the worker keeps whole instances up to MAX_GRAPH_NODES.
    if (name.startsWith('100'))
      for (const kind of Object.keys(defaultConfig().patterns)) await setField(page, `patterns.${kind}.count`, '100')
    // A big run: the page must stay responsive while the worker generates.
    if (name.startsWith('1M')) await setField(page, 'counts.transactions', '1000000')
    const samples: Sample[] = []
    for (let i = 0; i < runs; i++) samples.push(await measureRun(page))
    const engine = await page.getByTestId('run-time').textContent()
    const graph = await page.locator('.graph-card .card-meta').textContent()
    const line =
      `${name}: click→graph ${samples.map((s) => Math.round(s.clickToGraphMs)).join(' / ')} ms (median ${Math.round(median(samples.map((s) => s.clickToGraphMs)))}), ` +
      `longest task ${samples.map((s) => Math.round(s.longestTaskMs)).join(' / ')} ms (median ${Math.round(median(samples.map((s) => s.longestTaskMs)))}), long tasks per run ${samples.map((s) => s.longTasks).join(' / ')}; last run: engine ${engine}, graph ${graph}`
    console.log(line)
    report.push(line)
  }
  test.info().annotations.push({ type: 'bench', description: report.join('\n') })
})
