import { expect, test } from '@playwright/test'
import { applyPreset, field, generateAndWait, openFresh, runSeq, waitForGraph } from './helpers.ts'

test('Enter in a field runs; any edit marks the results out of date until the next run', async ({ page }) => {
  await openFresh(page)
  await field(page, 'counts.transactions').fill('12000')
  await field(page, 'counts.transactions').press('Enter')
  await waitForGraph(page, 1)
  const results = page.getByTestId('results')
  await expect(results).not.toHaveAttribute('data-outdated', 'true')
  await expect(page.getByTestId('outdated')).toHaveCount(0)

  await field(page, 'patterns.structuring.count').fill('3')
  await expect(results).toHaveAttribute('data-outdated', 'true')
  await expect(page.getByTestId('outdated')).toContainText('Out of date')
  // Putting the old value back makes the shown run current again: the state follows the settings, not the typing.
  await field(page, 'patterns.structuring.count').fill('2')
  await expect(results).not.toHaveAttribute('data-outdated', 'true')

  await field(page, 'seed').fill('tweaked')
  await expect(results).toHaveAttribute('data-outdated', 'true')
  await field(page, 'seed').press('Enter')
  await waitForGraph(page, 2)
  await expect(results).not.toHaveAttribute('data-outdated', 'true')
})

test('arrow keys, Page Up and the steppers change counts within their bounds', async ({ page }) => {
  await openFresh(page)
  const transactions = field(page, 'counts.transactions')
  await transactions.press('ArrowUp')
  await expect(transactions).toHaveValue('11000')
  await transactions.press('ArrowDown')
  await expect(transactions).toHaveValue('10000')
  await transactions.press('PageUp')
  await expect(transactions).toHaveValue('20000')
  await page.getByRole('button', { name: 'Decrease Transactions' }).click()
  await expect(transactions).toHaveValue('19000')

  const rings = field(page, 'patterns.fraudRing.count')
  await rings.fill('1')
  await rings.press('ArrowDown')
  await rings.press('ArrowDown')
  await expect(rings).toHaveValue('0')
  await rings.press('ArrowUp')
  await expect(rings).toHaveValue('1')
  // The stepped value is the setting: a run uses it.
  await rings.press('Enter')
  await waitForGraph(page, 1)
  // Crimes of the kind, not the look-alikes of it ("Look-alike of Fraud ring").
  await expect(
    page
      .locator('[data-testid="pattern-list"] .pattern-item')
      .filter({ has: page.locator('.kind-chip').getByText(/^Fraud ring/) }),
  ).toHaveCount(1)
})

test('regenerate on change reruns a fast config after an edit, with no click', async ({ page }) => {
  await openFresh(page)
  await applyPreset(page, 'Demo: one of each')
  const toggle = page.getByRole('checkbox', { name: /Regenerate on change/ })
  // It is offered after a run under a second: a cold first run on a busy machine can miss that, a warm one does not.
  for (let tries = 0; tries < 3 && !(await toggle.isEnabled()); tries++) await generateAndWait(page)
  await expect(toggle).toBeEnabled()
  await toggle.check()
  const before = await runSeq(page)
  await field(page, 'patterns.muleChain.count').press('ArrowUp')
  await waitForGraph(page, before + 1)
  await expect(page.getByTestId('results')).not.toHaveAttribute('data-outdated', 'true')
  // Crimes of the kind, not the look-alikes of it ("Look-alike of Mule chain").
  await expect(
    page
      .locator('[data-testid="pattern-list"] .pattern-item')
      .filter({ has: page.locator('.kind-chip').getByText(/^Mule chain/) }),
  ).toHaveCount(2)
})
