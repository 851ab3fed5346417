import { readFileSync } from 'node:fs'
import { expect, test, type CDPSession, type Page } from '@playwright/test'
import { generateAndWait, guardPage, openFresh, setField } from './helpers.ts'

/** What the stand-in for the user's file received: size, an FNV-1a hash of every byte in order, and its end. */
interface Saved {
  readonly name: string
  readonly bytes: number
  readonly hash: number
  readonly blocks: number
  readonly closed: boolean
  readonly aborted: boolean
}

declare global {
  interface Window {
    saved: Saved | null
  }
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (const b of bytes) h = Math.imul(h ^ b, 16777619)
  return h >>> 0
}

/**
 * Headless Chromium has the File System Access API but closes its dialog at once; this stands in for the dialog and
 * the file: it hashes what is written and keeps none of it, as a file on disk would not be in the tab's memory.
 */
async function stubSavePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.saved = null
    const picker = async ({ suggestedName }: { suggestedName: string }) => ({
      async createWritable() {
        const state = { name: suggestedName, bytes: 0, hash: 0x811c9dc5, blocks: 0, closed: false, aborted: false }
        window.saved = state
        return {
          async write(chunk: Uint8Array) {
            let h = state.hash
            for (let i = 0; i < chunk.length; i++) h = Math.imul(h ^ chunk[i], 16777619)
            state.hash = h >>> 0
            state.bytes += chunk.length
            state.blocks++
          },
          async close() {
            state.closed = true
          },
          async abort() {
            state.aborted = true
          },
        }
      },
    })
    Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true })
  })
}

const toDisk = (page: Page) => page.getByRole('checkbox', { name: /Write straight to a file I choose/ })

async function savedToDisk(page: Page, timeout = 120_000): Promise<Saved> {
  await page.waitForFunction(() => window.saved?.closed === true, null, { timeout })
  return (await page.evaluate(() => window.saved)) as Saved
}

async function ordinaryDownload(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Download CSV (zip)' }).click(),
  ])
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) }
}

/**
 * What the page keeps alive (its JS heap plus the array buffers it holds, where Blob parts and zip blocks would
 * sit), sampled after a garbage collection each time: blocks already written are garbage, not memory the tab needs.
 */
async function heapWatcher(cdp: CDPSession) {
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const h = await cdp.send('Runtime.getHeapUsage')
    return h.usedSize + (h as { backingStorageSize?: number }).backingStorageSize!
  }
  const baseline = await used()
  let peak = baseline
  let running = true
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await used())
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  return {
    async stop(): Promise<number> {
      running = false
      await loop
      return peak - baseline
    },
  }
}

test('a download written to a file the user picks has the same bytes as the ordinary download', async ({ page }) => {
  const guard = guardPage(page)
  await stubSavePicker(page)
  await openFresh(page)
  await generateAndWait(page)
  // A small run keeps the one-click download unless asked.
  await expect(toDisk(page)).not.toBeChecked()
  await toDisk(page).check()
  await page.getByRole('button', { name: 'Download CSV (zip)' }).click()
  const saved = await savedToDisk(page)
  expect(saved.name).toBe('fincrime-synth-seed-42-csv.zip')
  expect(saved.aborted).toBe(false)

  await toDisk(page).uncheck()
  const blob = await ordinaryDownload(page)
  expect(blob.name).toBe(saved.name)
  expect(saved.bytes).toBe(blob.bytes.length)
  expect(saved.hash).toBe(fnv1a(blob.bytes))
  expect(guard.consoleErrors).toEqual([])
})

test('a big run written to disk never holds the zip in the tab, while the ordinary download does', async ({ page }) => {
  test.setTimeout(300_000)
  const guard = guardPage(page)
  await stubSavePicker(page)
  await openFresh(page)
  await setField(page, 'counts.transactions', '400000')
  await generateAndWait(page, 180_000)
  const cdp = await page.context().newCDPSession(page)

  await toDisk(page).check()
  const streamed = await heapWatcher(cdp)
  await page.getByRole('button', { name: 'Download CSV (zip)' }).click()
  // The button reports how far the zip has got while the worker writes it.
  await expect(page.getByRole('button', { name: /^Preparing… \d+ %$/ })).toBeVisible()
  const saved = await savedToDisk(page)
  const streamedPeak = await streamed.stop()

  await toDisk(page).uncheck()
  const held = await heapWatcher(cdp)
  const blob = await ordinaryDownload(page)
  const heldPeak = await held.stop()

  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`
  console.log(
    `zip ${mib(saved.bytes)} in ${saved.blocks} blocks; most the page kept alive above its baseline: written to disk ${mib(streamedPeak)}, ordinary download ${mib(heldPeak)}`,
  )
  expect(saved.hash).toBe(fnv1a(blob.bytes))
  expect(saved.blocks).toBeGreaterThan(4)
  expect(streamedPeak).toBeLessThan(saved.bytes / 4)
  // The measure can see a download held in the tab: the ordinary path gathers its parts there.
  expect(heldPeak).toBeGreaterThan(saved.bytes / 2)
  expect(guard.consoleErrors).toEqual([])
})
