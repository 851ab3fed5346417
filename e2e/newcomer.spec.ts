import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { DEFAULT_DIFFICULTY, difficultyPresets } from '../src/engine/config/difficulty.ts'
import { lookalikeRegistry } from '../src/engine/patterns/lookalikes/registry.ts'
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
  const asked = Object.entries(config.patterns).filter(([, p]) => p.count > 0)
  // The default difficulty adds benign look-alikes beside the configured crimes: rings of their own kinds.
  const ratio = difficultyPresets[DEFAULT_DIFFICULTY].lookalikeRatio
  const lookalikes = asked.flatMap(([kind, p]) => {
    const look = lookalikeRegistry[kind as keyof typeof lookalikeRegistry]
    return look ? [{ kind: look.kind, count: Math.round(p.count * ratio) }] : []
  })
  const configured = [...asked.map(([kind]) => kind), ...lookalikes.filter((l) => l.count > 0).map((l) => l.kind)]
  expect((await shownKinds(page)).sort()).toEqual(configured.sort())
  expect(Number(await page.getByTestId('graph').getAttribute('data-node-count'))).toBeGreaterThan(configured.length * 3)

  const instances =
    Object.values(config.patterns).reduce((n, p) => n + p.count, 0) + lookalikes.reduce((n, l) => n + l.count, 0)
  await expect(page.getByTestId('pattern-count')).toHaveText(String(instances))
  await expect(page.getByTestId('pattern-list').getByRole('listitem')).toHaveCount(Math.min(12, instances))
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

  // Tweak: one more structuring ring (and its share of look-alikes); the count and the graph follow.
  const before = config.patterns.structuring.count
  const added = 1 + Math.round((before + 1) * ratio) - Math.round(before * ratio)
  await setField(page, 'patterns.structuring.count', String(before + 1))
  await expect(field(page, 'patterns.structuring.count')).toHaveValue(String(before + 1))
  await generateAndWait(page)
  await expect(page.getByTestId('pattern-count')).toHaveText(String(instances + added))
  // The gallery pages its tiles: the new instances show up in its count, and a full first page.
  await expect(page.getByTestId('gallery-page')).toHaveText(new RegExp(` of ${instances + added}$`))
  await expect(page.getByTestId('pattern-list').getByRole('listitem')).toHaveCount(Math.min(12, instances + added))
  expect((await shownKinds(page)).sort()).toEqual(configured.sort())

  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})

test('clicking a node shows its record and pattern membership', async ({ page }) => {
  const guard = guardPage(page)
  await openFresh(page)
  await page.getByRole('button', { name: /^Demo: one of each/ }).click()
  await generateAndWait(page)
  // Focus the first ring, pick its first member from the keyboard list (which centres the view on it), then click
  // the canvas where it now sits: a click on a node keeps a node's record up, a click on empty canvas clears it.
  await page.getByTestId('pattern-list').getByRole('button').first().click()
  await page
    .getByRole('navigation', { name: /^Members of/ })
    .getByRole('button')
    .first()
    .click()
  const canvas = page.locator('.graph-canvas')
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no graph canvas')
  // The view glides to the node; on a busy machine it may still be moving, so click again until it has arrived.
  await expect(async () => {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect(page.locator('.details-kicker')).toHaveText(/^(person|company|account)$/i, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
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
