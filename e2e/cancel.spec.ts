import { expect, test } from '@playwright/test'
import { applyPreset, generateAndWait, generateButton, guardPage, openFresh } from './helpers.ts'

test('cancelling a large run stops it at once and says "Cancelled"; the previous run stays usable', async ({
  page,
}) => {
  const guard = guardPage(page)
  await openFresh(page)
  await applyPreset(page, 'Demo: one of each')
  await generateAndWait(page)
  const before = await page.getByTestId('total-rows').textContent()

  await applyPreset(page, 'Bulk sample')
  await generateButton(page).click()
  const bar = page.getByRole('progressbar', { name: 'Generation progress' })
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/, { timeout: 30_000 })

  const clicked = Date.now()
  await page.locator('.run-status').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 2_000 })
  expect(Date.now() - clicked).toBeLessThan(1_000)
  await expect(page.locator('[role="alert"]')).toHaveCount(0)
  await expect(generateButton(page)).toBeEnabled()

  // The last completed run is still on screen, and its download still works (the new worker makes it again).
  await expect(page.getByTestId('total-rows')).toHaveText(before ?? '')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV (zip)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.zip$/)

  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})
