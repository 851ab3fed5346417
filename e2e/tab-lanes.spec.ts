import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { encodeConfigHash } from '../src/ui/state/share.ts'
import { generateButton, guardPage, openFresh, runSeq, setField, waitForGraph } from './helpers.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

// At the size a run gets lanes from (tab-lanes.ts: 1,000,000 rows of the biggest event table), in two lane tables.
const base = defaultConfig()
const config = { ...base, seed: 1414, counts: { ...base.counts, transactions: 1_000_000, accessEvents: 210_000 } }

/** The threads the last run used, as the page says beside its engine time ("… on 2 threads"), 1 when it says none. */
async function shownThreads(page: Page): Promise<number> {
  const note = (await page.getByTestId('run-time').locator('..').textContent()) ?? ''
  return Number(/on (\d+) threads/.exec(note)?.[1] ?? 1)
}

test('a run with lanes in Chromium zips the same files, byte for byte, as the CLI with threads writes', async ({
  page,
}) => {
  test.setTimeout(600_000)
  const guard = guardPage(page)
  await openFresh(page)
  test.skip((await page.evaluate(() => navigator.hardwareConcurrency)) < 2, 'one core: the tab runs no lanes')
  // A shared link starts its run at once when it fits the tab.
  await page.goto(`/${encodeConfigHash(config)}`)
  await waitForGraph(page, 1, 300_000)
  expect(await shownThreads(page)).toBeGreaterThan(1)
  await page.getByRole('checkbox', { name: /Write straight to a file/ }).uncheck()
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.getByRole('button', { name: 'Download CSV (zip)' }).click(),
  ])
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())))

  // The command line's own lanes (worker_threads), from the compiled CLI the e2e build made.
  const dir = mkdtempSync(join(tmpdir(), 'tab-lanes-'))
  try {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
    const out = join(dir, 'out')
    const args = ['bin/fincrime-synth.mjs', '--config', join(dir, 'config.json'), '--out', out, '--threads', '2']
    execFileSync(process.execPath, [...args, '--quiet'], { stdio: 'pipe', timeout: 300_000 })
    const written = readdirSync(out).sort()
    // Over 1M rows in all neither side audits by default (downloads.spec.ts compares audit.json without lanes).
    expect(written).not.toContain('audit.json')
    expect(Object.keys(entries).sort()).toEqual([...written, 'README.md', 'dictionary.csv'].sort())
    for (const name of written) expect(sha256(entries[name]), name).toBe(sha256(readFileSync(join(out, name))))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})

test('Cancel stops a run with lanes at once, and the next run (with lanes again) completes', async ({ page }) => {
  test.setTimeout(600_000)
  const guard = guardPage(page)
  await openFresh(page)
  test.skip((await page.evaluate(() => navigator.hardwareConcurrency)) < 2, 'one core: the tab runs no lanes')
  await setField(page, 'counts.transactions', '1000000')
  await generateButton(page).click()
  const bar = page.getByRole('progressbar', { name: 'Generation progress' })
  // Well into the run: the lanes are building their populations or encoding the event tables.
  await expect(bar).toHaveAttribute('aria-valuenow', /^([2-9]\d)$/, { timeout: 300_000 })
  const clicked = Date.now()
  await page.locator('.run-status').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 2_000 })
  expect(Date.now() - clicked).toBeLessThan(2_000)
  await expect(generateButton(page)).toBeEnabled()
  expect(await runSeq(page)).toBe(0)

  await generateButton(page).click()
  await waitForGraph(page, 1, 300_000)
  expect(await shownThreads(page)).toBeGreaterThan(1)
  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})
