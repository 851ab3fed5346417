import { copyFileSync, mkdirSync } from 'node:fs'
import type { Core } from 'cytoscape'
import { expect, test, type Page } from '@playwright/test'
import {
  applyPreset,
  field,
  generateAndWait,
  generateButton,
  openFresh,
  runSeq,
  setField,
  waitForGraph,
} from './helpers.ts'

const dir = 'screenshots'

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400) // let the last canvas frame and CSS transitions land
  await page.screenshot({ path: `${dir}/${name}.png` })
}

// Pictures of the main states at a projector's and a laptop's size, for a person to look at (screenshots/ is
// gitignored). The projector's presentation picture is also the README's screenshot when DOCS_SCREENSHOT=1.
for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`screenshots of the main states at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(240_000)
    const size = `${width}x${height}`
    mkdirSync(dir, { recursive: true })
    await page.setViewportSize({ width, height })
    await openFresh(page)
    await shot(page, `${size}-01-start`)

    await generateAndWait(page)
    await page.getByTestId('graph').scrollIntoViewIfNeeded()
    await shot(page, `${size}-02-default-run`)

    // The separability audit, opened: what a rule author reads before trusting the labels.
    const audit = page.getByTestId('audit-panel')
    await audit.locator('summary').click()
    await audit.scrollIntoViewIfNeeded()
    await shot(page, `${size}-02a-audit`)
    await audit.locator('summary').click()

    // Exploration: a ring member's counterparties from the whole dataset, drawn around it, then folded away.
    const member = await page
      .locator('.graph-canvas')
      .evaluate((el) => (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy.nodes('.member').first().id())
    const find = page.getByRole('combobox', { name: 'Find a node' })
    await find.fill(member)
    await find.press('Enter')
    await page.getByRole('button', { name: 'Show neighbours' }).click()
    await expect(page.getByText(/counterparties in the full dataset/)).toBeVisible()
    await shot(page, `${size}-02b-expanded-neighbours`)
    await page.getByRole('button', { name: 'Hide neighbours' }).click()

    // Tweak with the keyboard: one more structuring ring; the rest of the picture stays where it was.
    await field(page, 'patterns.structuring.count').press('ArrowUp')
    await shot(page, `${size}-03-out-of-date`)
    // Enter in a field runs, as in a form: clicking Generate as well would start a second run behind it.
    const tweaked = (await runSeq(page)) + 1
    await field(page, 'patterns.structuring.count').press('Enter')
    await waitForGraph(page, tweaked)
    await page.getByTestId('graph').scrollIntoViewIfNeeded()
    await shot(page, `${size}-04-tweaked-run`)

    await applyPreset(page, 'Demo: one of each')
    await generateAndWait(page)
    await page.getByRole('button', { name: 'Present' }).click()
    await shot(page, `${size}-05-present-overview`)
    await page.keyboard.press('ArrowRight')
    // Step to the tenth event by hand (the scrubber), as a presenter pausing mid-story would.
    const scrubber = page.getByRole('slider', { name: "Event in the ring's timeline" })
    await scrubber.focus()
    await page.keyboard.press('Home')
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('timeline-readout')).toHaveAttribute('data-at', '9')
    await scrubber.blur()
    await shot(page, `${size}-06-present-ring-timeline`)
    if (process.env.DOCS_SCREENSHOT && width === 1920)
      copyFileSync(`${dir}/${size}-06-present-ring-timeline.png`, 'docs/screenshot.png')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await shot(page, `${size}-07-present-third-ring`)
    await page.keyboard.press('Escape')

    for (const kind of ['structuring', 'fraudRing', 'muleChain', 'accountTakeover', 'insiderTrading', 'tbml'])
      await setField(page, `patterns.${kind}.count`, '20')
    await generateAndWait(page, 120_000)
    await page.getByTestId('graph').scrollIntoViewIfNeeded()
    await shot(page, `${size}-08-120-instances-overview`)
    await page.getByTestId('pattern-list').scrollIntoViewIfNeeded()
    await shot(page, `${size}-09-gallery`)
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ index: 3 })
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByTestId('pattern-list').locator('.pattern-item').first().click()
    await expect(page.getByText('is not on the overview')).toBeVisible()
    await shot(page, `${size}-10-ring-not-on-overview`)

    await setField(page, 'counts.persons', '-5')
    await field(page, 'counts.persons').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, `${size}-11-invalid-field`)
    await setField(page, 'counts.persons', '1000')

    await applyPreset(page, 'Bulk sample')
    await setField(page, 'counts.transactions', '2000000')
    await generateButton(page).click()
    await expect(page.getByTestId('run-eta')).toBeVisible({ timeout: 60_000 })
    await page.getByTestId('run-eta').scrollIntoViewIfNeeded()
    await shot(page, `${size}-12-running-with-eta`)
    await page.getByRole('button', { name: 'Cancel' }).first().click()
    await expect(page.getByText('Cancelled', { exact: true })).toBeVisible()
  })
}
