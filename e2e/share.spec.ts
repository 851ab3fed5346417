import { expect, test } from '@playwright/test'
import { applyPreset, field, generateAndWait, guardPage, openFresh, setField, waitForGraph } from './helpers.ts'

test('a shared link reproduces the run in a fresh tab', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const guard = guardPage(page)
  await openFresh(page)
  await applyPreset(page, 'Demo: one of each')
  await setField(page, 'seed', 'shared-demo')
  await generateAndWait(page)
  const rows = await page.getByTestId('total-rows').textContent()
  const narratives = await page.locator('.pattern-narrative').allTextContents()

  await page.getByRole('button', { name: 'Copy share link' }).click()
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link.startsWith(`${baseURL}/#config=`)).toBe(true)
  expect(link).toMatch(/#config=[A-Za-z0-9_-]+$/)

  const other = await context.newPage()
  const otherGuard = guardPage(other)
  await other.goto('/')
  await other.evaluate(() => localStorage.clear())
  await other.goto('about:blank') // a new document, as when the link is opened in a new tab
  await other.goto(link)
  await waitForGraph(other, 1)
  await expect(other.getByText('Settings loaded from the shared link; generating the same data.')).toBeVisible()
  await expect(field(other, 'seed')).toHaveValue('shared-demo')
  await expect(other.getByTestId('total-rows')).toHaveText(rows ?? '')
  expect(await other.locator('.pattern-narrative').allTextContents()).toEqual(narratives)
  expect(new URL(other.url()).hash).toBe('')

  for (const g of [guard, otherGuard]) {
    expect(g.offHost).toEqual([])
    expect(g.consoleErrors).toEqual([])
  }
})

test('the CLI command and the exported file carry the config; importing a file loads it', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await openFresh(page)
  await setField(page, 'seed', '7')
  await page.getByRole('button', { name: 'Copy as CLI command' }).click()
  const command = await page.evaluate(() => navigator.clipboard.readText())
  expect(command).toMatch(
    /^printf '%s\\n' '\{"version":1,"seed":7,.*\}' > fincrime-config\.json && npm run generate -- --config fincrime-config\.json --out \.\/data$/,
  )

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  expect(file.suggestedFilename()).toBe('fincrime-config.json')

  const imported = { seed: 'from-file', counts: { persons: 321 }, patterns: { structuring: { count: 4 } } }
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'my.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(imported)) })
  await expect(page.getByText('Loaded my.json.')).toBeVisible()
  await expect(field(page, 'seed')).toHaveValue('from-file')
  await expect(field(page, 'counts.persons')).toHaveValue('321')
  await expect(field(page, 'patterns.structuring.count')).toHaveValue('4')
  await expect(field(page, 'counts.companies')).toHaveValue('200')
})
