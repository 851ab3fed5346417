import { expect, test } from '@playwright/test'
import { field, generateButton, guardPage, openFresh, setField } from './helpers.ts'

test('a bad value shows its message by the field and disables Generate with the reason', async ({ page }) => {
  const guard = guardPage(page)
  await openFresh(page)

  await setField(page, 'counts.persons', 'lots')
  const persons = field(page, 'counts.persons')
  await expect(persons).toHaveAttribute('aria-invalid', 'true')
  const fieldBox = page.locator('.field[data-path="counts.persons"]')
  await expect(fieldBox.locator('.field-error')).toContainText('Must be a number')
  // The message is tied to the input for screen readers, too.
  const describedBy = (await persons.getAttribute('aria-describedby')) ?? ''
  const errorId = await fieldBox.locator('.field-error').getAttribute('id')
  expect(describedBy.split(' ')).toContain(errorId)

  await expect(generateButton(page)).toBeDisabled()
  await expect(page.locator('#generate-reason')).toContainText('Fix 1 setting to generate. Persons: must be a number')

  // A cross-field problem lands on the field the engine names.
  await setField(page, 'counts.persons', '1000')
  await setField(page, 'counts.accounts', '1')
  await expect(page.locator('.field[data-path="counts.transactions"] .field-error')).toContainText(
    'Needs at least 2 accounts',
  )
  await expect(generateButton(page)).toBeDisabled()

  await setField(page, 'counts.accounts', '2000')
  await expect(generateButton(page)).toBeEnabled()
  await expect(page.locator('#generate-reason')).toHaveCount(0)
  expect(guard.consoleErrors).toEqual([])
})

test('every control has an accessible name and the form works from the keyboard', async ({ page }) => {
  await openFresh(page)
  await generateButton(page).click()
  await expect(page.getByTestId('graph')).toHaveAttribute('data-drawn-seq', '1', { timeout: 60_000 })
  const unnamed = await page.locator('input, select, textarea, button').evaluateAll((els) =>
    els
      .filter((el) => {
        const e = el as HTMLInputElement
        const name =
          (e.labels?.length ?? 0) > 0 ||
          e.getAttribute('aria-label') ||
          e.getAttribute('aria-labelledby') ||
          (el.tagName === 'BUTTON' && el.textContent?.trim())
        return !name
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  )
  expect(unnamed).toEqual([])

  // Tab into the seed field, type, and the store follows.
  await field(page, 'seed').focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('keyboard-seed')
  await page.keyboard.press('Tab')
  await expect(field(page, 'startDate')).toBeFocused()
  await expect(field(page, 'seed')).toHaveValue('keyboard-seed')

  // The table list is an ARIA tab list: arrow keys move between tables.
  await page.getByRole('tab', { name: /^persons/ }).click()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('tab', { name: /^companies/ })).toBeFocused()
  await expect(page.getByRole('tab', { name: /^companies/ })).toHaveAttribute('aria-selected', 'true')
})

test('settings survive a reload', async ({ page }) => {
  await openFresh(page)
  await setField(page, 'seed', 'reload-check')
  await setField(page, 'counts.travels', '123')
  await page.reload()
  await expect(field(page, 'seed')).toHaveValue('reload-check')
  await expect(field(page, 'counts.travels')).toHaveValue('123')
})
