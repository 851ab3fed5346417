import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { field, generateAndWait, guardPage, openFresh, setField, shownKinds } from './helpers.ts'

test('a newcomer generates the default config, sees progress, the rings and matching counts, then tweaks and regenerates', async ({
  page,
}) => {
  const guard = guardPage(page)
  await openFresh(page)
  await expect(page.getByText('Runs entirely in your browser; nothing leaves this machine.')).toBeVisible()

  // Record every progress value the bar shows: a default run is quick, so polling could miss it.
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { progressSeen: number[] }).progressSeen = seen
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Generation progress"]')
      if (bar) seen.push(Number(bar.getAttribute('aria-valuenow') ?? -1))
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  await generateAndWait(page)
  const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen)
  expect(progressSeen.length).toBeGreaterThan(0)
  expect(Math.max(...progressSeen)).toBeGreaterThan(0)

  const config = defaultConfig()
  const configured = Object.entries(config.patterns)
    .filter(([, p]) => p.count > 0)
    .map(([kind]) => kind)
  expect((await shownKinds(page)).sort()).toEqual(configured.sort())
  expect(Number(await page.getByTestId('graph').getAttribute('data-node-count'))).toBeGreaterThan(configured.length * 3)

  const instances = Object.values(config.patterns).reduce((n, p) => n + p.count, 0)
  await expect(page.getByTestId('pattern-count')).toHaveText(String(instances))
  await expect(page.getByTestId('pattern-list').getByRole('listitem')).toHaveCount(instances)
  await expect(page.getByTestId('count-patterns')).toHaveText(String(instances))
  await expect(page.getByTestId('count-persons')).toHaveText(/^1,0\d\d$/) // background plus what patterns add
  const tabCounts = await page.locator('[data-testid^="count-"]').allTextContents()
  const total = tabCounts.reduce((n, t) => n + Number(t.replace(/,/g, '')), 0)
  await expect(page.getByTestId('total-rows')).toHaveText(total.toLocaleString('en-US'))

  // Every pattern instance has a narrative a person can read aloud.
  for (const narrative of await page.locator('.pattern-narrative').allTextContents())
    expect(narrative.length).toBeGreaterThan(30)

  // The preview shows the first rows of the selected table, parsed from the CSV.
  await page.getByRole('tab', { name: /transactions/ }).click()
  await expect(page.getByTestId('preview-table').locator('tbody tr')).toHaveCount(30)
  await expect(page.getByTestId('preview-table').locator('thead th').first()).toHaveText('id')

  // Tweak: one more structuring ring; the count and the graph follow.
  await setField(page, 'patterns.structuring.count', '3')
  await expect(field(page, 'patterns.structuring.count')).toHaveValue('3')
  await generateAndWait(page)
  await expect(page.getByTestId('pattern-count')).toHaveText(String(instances + 1))
  // The gallery pages its tiles: the new instance shows up in its count, and a full first page.
  await expect(page.getByTestId('gallery-page')).toHaveText(new RegExp(` of ${instances + 1}$`))
  await expect(page.getByTestId('pattern-list').getByRole('listitem')).toHaveCount(Math.min(12, instances + 1))
  expect((await shownKinds(page)).sort()).toEqual(configured.sort())

  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})

test('clicking a node shows its record and pattern membership', async ({ page }) => {
  const guard = guardPage(page)
  await openFresh(page)
  await page.getByRole('button', { name: /^Demo: one of each/ }).click()
  await generateAndWait(page)
  // Cytoscape draws on a canvas; ask it (through the page) where a member node is, then click there.
  await page.getByTestId('pattern-list').getByRole('button').first().click()
  await page.waitForTimeout(400)
  const canvas = page.locator('.graph-canvas')
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no graph canvas')
  let found = false
  // Scan a coarse grid until a click selects something; the focused ring fills most of the view.
  for (let y = 0.2; y <= 0.8 && !found; y += 0.05) {
    for (let x = 0.2; x <= 0.8 && !found; x += 0.05) {
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y)
      const kicker = page.locator('.details-kicker')
      found = (await kicker.count()) > 0 && /^(person|company|account)$/i.test((await kicker.textContent()) ?? '')
    }
  }
  expect(found).toBe(true)
  await expect(page.locator('.details .kv tr').first()).toBeVisible()
  await expect(page.locator('.details .membership .kind-chip').first()).toBeVisible()

  // The current view exports as a PNG for a slide.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ])
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const bytes = readFileSync(await png.path())
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.length).toBeGreaterThan(5_000)
  expect(guard.consoleErrors).toEqual([])
})
