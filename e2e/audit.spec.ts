import { expect, test } from '@playwright/test'
import { generateAndWait, openFresh } from './helpers.ts'

// The audit computed in the worker shows next to the downloads, with the numbers audit.json holds.
test('a run shows its separability audit beside the downloads', async ({ page }) => {
  test.setTimeout(180_000)
  await openFresh(page)
  await generateAndWait(page)
  const panel = page.getByTestId('audit-panel')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('audit-account-auc')).toHaveText(/^(0\.[5-9]\d|1\.00)$/)
  await panel.locator('summary').click()
  await expect(panel.getByRole('rowheader', { name: 'transaction' })).toBeVisible()
  await expect(panel.getByRole('rowheader', { name: 'near threshold cash' })).toBeVisible()
})
