import { readdirSync, readFileSync, statSync } from 'node:fs'
import { test, type Page } from '@playwright/test'
import { applyPreset, openFresh, runSeq, setField, waitForGraph } from './helpers.ts'

// Run with: BENCH=1 npx playwright test e2e/tab-lanes-bench.spec.ts  (skipped by the normal e2e run: @bench)
// Issue 14 "in the tab": 1M transactions over the CLI default's population (10,000 persons, 20,000 accounts, its
// patterns), from Generate to the zip saved.

const ROUNDS = Number(process.env.ROUNDS ?? 3)

/**
 * CPU seconds (user + system) of this process's descendants: the Chromium it launched, every thread of it. The
 * machine is shared and loaded, so wall times mostly measure the queue for a core; this measures the work.
 */
function browserCpuSeconds(): number {
  const stats = new Map<number, { ppid: number; ticks: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8')
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) })
    } catch {
      // gone already
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p !== undefined && p > 1; p = stats.get(p)?.ppid)
      if (p === process.pid) return true
    return false
  }
  let ticks = 0
  for (const [pid, s] of stats) if (mine(pid)) ticks += s.ticks
  return ticks / 100
}

interface Sample {
  readonly toGraphMs: number
  readonly engine: string
  readonly zipMs: number
  readonly totalMs: number
  readonly zipBytes: number
  readonly cpuToGraph: number
  readonly cpuZip: number
}

async function once(page: Page): Promise<Sample> {
  const seq = (await runSeq(page)) + 1
  const cpu0 = browserCpuSeconds()
  const started = Date.now()
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await waitForGraph(page, seq, 600_000)
  const graphAt = Date.now()
  const cpu1 = browserCpuSeconds()
  const engine = (await page.getByTestId('run-time').locator('..').textContent()) ?? ''
  // The zip as one click makes it (a Blob), not through a file picker no one is there to answer.
  await page.getByRole('checkbox', { name: /Write straight to a file/ }).uncheck()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: 'Download CSV (zip)' }).click(),
  ])
  const path = await download.path()
  const done = Date.now()
  const cpu2 = browserCpuSeconds()
  return {
    toGraphMs: graphAt - started,
    engine,
    zipMs: done - graphAt,
    totalMs: done - started,
    zipBytes: statSync(path).size,
    cpuToGraph: cpu1 - cpu0,
    cpuZip: cpu2 - cpu1,
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]

test('@bench 1M transactions: Generate → graph → zip ready', async ({ page }) => {
  test.setTimeout(1_800_000)
  await openFresh(page)
  await applyPreset(page, 'CLI default dataset')
  await setField(page, 'counts.transactions', '1000000')
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  const samples: Sample[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const s = await once(page)
    console.log(
      `round ${i + 1}: generate→graph ${s.toGraphMs} ms (engine ${s.engine}), zip ${s.zipMs} ms, total ${s.totalMs} ms, zip ${(s.zipBytes / 2 ** 20).toFixed(1)} MiB; Chromium CPU ${s.cpuToGraph.toFixed(1)} s + ${s.cpuZip.toFixed(1)} s`,
    )
    samples.push(s)
  }
  const line = `hardwareConcurrency ${cores}; medians of ${ROUNDS}: generate→graph ${median(samples.map((s) => s.toGraphMs))} ms, zip ${median(samples.map((s) => s.zipMs))} ms, total ${median(samples.map((s) => s.totalMs))} ms; Chromium CPU ${median(samples.map((s) => s.cpuToGraph)).toFixed(1)} s to the graph + ${median(samples.map((s) => s.cpuZip)).toFixed(1)} s zip`
  console.log(line)
  test.info().annotations.push({ type: 'bench', description: line })
})
