import type { Core } from 'cytoscape'
import { expect, test, type Page } from '@playwright/test'
import { field, generateAndWait, openFresh, setField, waitForGraph } from './helpers.ts'

const KINDS = ['structuring', 'fraudRing', 'muleChain', 'accountTakeover', 'insiderTrading', 'tbml']
const PER_KIND = 100

/** Ids of the drawn member nodes that are not dimmed, with the instances each belongs to. */
function shownMembers(page: Page) {
  return page.locator('.graph-canvas').evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    return cy
      .nodes('.member')
      .not('.dim')
      .map((n) => n.data('patterns') as string[])
  })
}

test('the gallery pages through 100 instances of each kind, and a tile focuses its ring in the main view', async ({
  page,
}) => {
  test.setTimeout(300_000)
  await openFresh(page)
  for (const kind of KINDS) await setField(page, `patterns.${kind}.count`, String(PER_KIND))
  await expect(field(page, 'patterns.tbml.count')).toHaveValue(String(PER_KIND))
  await generateAndWait(page, 180_000)

  const gallery = page.getByTestId('pattern-list')
  const show = page.getByRole('combobox', { name: 'Show' })
  const pager = page.getByTestId('gallery-page')
  const pages = Math.ceil(PER_KIND / 12)
  for (const kind of KINDS) {
    const option = show.locator('option', { hasText: `(${PER_KIND})` }).nth(KINDS.indexOf(kind))
    await show.selectOption({ label: (await option.textContent()) ?? '' })
    const label = ((await option.textContent()) ?? '').replace(/ \(\d+\)$/, '')
    const seen = new Set<string>()
    for (let p = 1; p <= pages; p++) {
      const last = p === pages
      await expect(pager).toHaveText(new RegExp(`^Page ${p} of ${pages} · `))
      const tiles = gallery.locator('.pattern-item')
      await expect(tiles).toHaveCount(last ? PER_KIND - 12 * (pages - 1) : 12)
      await expect(gallery.locator('.kind-chip').filter({ hasNotText: label })).toHaveCount(0)
      // Every tile on the page has its ring drawn, not an empty box.
      await expect
        .poll(() =>
          gallery.locator('.ring-thumb').evaluateAll((svgs) => svgs.filter((s) => s.children.length < 2).length),
        )
        .toBe(0)
      for (const id of await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-pattern-id') ?? '')))
        seen.add(id)
      if (!last) await page.getByRole('button', { name: 'Next' }).click()
    }
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()
    expect(seen.size, kind).toBe(PER_KIND)
  }

  // The last tile is an instance the capped overview leaves out: focusing it shows that ring, says why, and
  // every highlighted member belongs to it.
  const tile = gallery.locator('.pattern-item').last()
  const id = (await tile.getAttribute('data-pattern-id')) ?? ''
  await tile.click()
  await expect(tile).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('status').filter({ hasText: `${id} is not on the overview` })).toBeVisible()
  await waitForGraph(page, 1)
  await expect.poll(async () => (await shownMembers(page)).length).toBeGreaterThan(1)
  for (const patterns of await shownMembers(page)) expect(patterns).toContain(id)
  await expect(page.getByRole('combobox', { name: 'Instance' })).toHaveValue(id)
})
