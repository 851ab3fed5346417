import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { applyPreset, field, generateAndWait, generateButton, openFresh, setField } from './helpers.ts'

const dir = 'screenshots'

// Pictures of the main states, for a person to look at (screenshots/ is gitignored).
test('screenshots of the main states', async ({ page }) => {
  mkdirSync(dir, { recursive: true })
  await openFresh(page)
  await page.screenshot({ path: `${dir}/01-start.png` })

  await generateAndWait(page)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/02-default-run.png` })

  // Tweak live: one more structuring ring; the rest of the picture should stay where it was.
  await setField(page, 'patterns.structuring.count', '3')
  await generateAndWait(page)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/02b-tweaked-run.png` })

  await page.getByTestId('pattern-list').getByRole('button').first().click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/03-instance-focus.png` })

  const canvas = page.locator('.graph-canvas')
  const box = await canvas.boundingBox()
  if (box) {
    // Click near the centre of the focused ring, where a member node is likely to be.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  }
  await page.getByRole('tab').nth(4).click()
  await page.locator('.results').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await page.screenshot({ path: `${dir}/04-patterns-and-tables.png` })

  await page.locator('.results').evaluate((el) => el.scrollTo(0, 0))
  await setField(page, 'counts.persons', '-5')
  await expect(field(page, 'counts.persons')).toHaveAttribute('aria-invalid', 'true')
  await field(page, 'counts.persons').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await page.screenshot({ path: `${dir}/05-invalid-field.png` })
  await setField(page, 'counts.persons', '1000')

  await applyPreset(page, 'Structuring workshop')
  await generateAndWait(page)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/06-structuring-workshop.png` })

  await applyPreset(page, 'Bulk sample')
  await setField(page, 'counts.transactions', '2000000')
  await generateButton(page).click()
  await expect(page.getByRole('progressbar', { name: 'Generation progress' })).toHaveAttribute('aria-valuenow', /\d+/, {
    timeout: 30_000,
  })
  await page.waitForTimeout(800)
  await page.screenshot({ path: `${dir}/07-running.png` })
  await page.getByRole('button', { name: 'Cancel' }).first().click()
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible()
  await page.screenshot({ path: `${dir}/08-cancelled.png` })

  await page.setViewportSize({ width: 1280, height: 720 })
  await applyPreset(page, 'Demo: one of each')
  await generateAndWait(page)
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/09-demo-1280x720.png` })
})
