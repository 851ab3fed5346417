import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { applyPreset, field, generateAndWait, openFresh, setField } from './helpers.ts'

async function violations(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map(
    (v) => `${state}: ${v.id} (${v.impact}) ${v.help} × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`,
  )
}

// Every state a person reaches in a demo, checked by axe: colour contrast, names, roles, landmarks.
test('axe finds no violations in any state of the app', async ({ page }) => {
  test.setTimeout(240_000)
  const found: string[] = []
  await openFresh(page)
  found.push(...(await violations(page, 'start')))

  await generateAndWait(page)
  found.push(...(await violations(page, 'after a run')))

  await page.getByTestId('pattern-list').scrollIntoViewIfNeeded()
  await page.getByTestId('pattern-list').locator('.pattern-item').first().click()
  await page.getByRole('button', { name: 'Play' }).click()
  await page.waitForTimeout(1200)
  found.push(...(await violations(page, 'a ring focused, its timeline playing')))
  await page.getByRole('button', { name: 'Pause' }).click()

  await page.getByRole('button', { name: 'Present' }).click()
  await page.waitForTimeout(500)
  found.push(...(await violations(page, 'presentation mode')))
  await page.keyboard.press('Escape')

  await setField(page, 'counts.transactions', '12000')
  found.push(...(await violations(page, 'out of date')))
  await setField(page, 'counts.persons', '-5')
  await expect(field(page, 'counts.persons')).toHaveAttribute('aria-invalid', 'true')
  found.push(...(await violations(page, 'an invalid field')))
  await setField(page, 'counts.persons', '1000')

  for (const kind of ['structuring', 'fraudRing', 'muleChain', 'accountTakeover', 'insiderTrading', 'tbml'])
    await setField(page, `patterns.${kind}.count`, '20')
  await generateAndWait(page, 120_000)
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ index: 2 })
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByTestId('pattern-list').locator('.pattern-item').last().click()
  await expect(page.getByText('is not on the overview')).toBeVisible()
  found.push(...(await violations(page, 'gallery page 2, a ring the overview leaves out')))

  await applyPreset(page, 'Demo: one of each')
  await page.getByRole('checkbox', { name: /Regenerate on change/ }).waitFor()
  found.push(...(await violations(page, 'preset applied')))
  expect(found).toEqual([])
})
