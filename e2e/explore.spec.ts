import type { Core } from 'cytoscape'
import { expect, test, type Page } from '@playwright/test'
import { applyPreset, generateAndWait, openFresh } from './helpers.ts'

/** Where a node is on the page, and which ids the canvas shows (not dimmed, not hidden). */
function canvas(page: Page) {
  return page.locator('.graph-canvas').evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    const box = el.getBoundingClientRect()
    const member = cy.nodes('.member').first()
    const at = member.renderedPosition()
    return {
      member: { id: member.id(), x: box.left + at.x, y: box.top + at.y },
      visible: cy
        .nodes(':visible')
        .not('.dim')
        .map((n) => n.id()),
      selected: cy.nodes(':selected').map((n) => n.id()),
      zoom: cy.zoom(),
    }
  })
}

test('hover, find by id, a keyboard list of the ring, and legend toggles', async ({ page }) => {
  await openFresh(page)
  await applyPreset(page, 'Demo: one of each')
  await generateAndWait(page)

  const { member } = await canvas(page)
  await page.mouse.move(member.x, member.y)
  await expect(page.getByRole('tooltip')).toContainText(member.id)
  await page.mouse.move(5, 5)
  await expect(page.getByRole('tooltip')).toHaveCount(0)

  // Find: an id typed in goes to that node and shows its record.
  const find = page.getByRole('combobox', { name: 'Find a node' })
  await find.fill(member.id)
  await find.press('Enter')
  await expect(page.locator('.details-title')).toBeVisible()
  await expect.poll(async () => (await canvas(page)).selected).toEqual([member.id])
  await find.fill('no such node anywhere')
  await find.press('Enter')
  await expect(page.getByText('No drawn node has an id or name containing')).toBeVisible()

  // Focus a ring: its members are a list of buttons, reachable by Tab, each selecting its node.
  await page.getByRole('combobox', { name: 'Instance' }).selectOption({ index: 1 })
  const list = page.getByRole('navigation', { name: /^Members of PAT-/ })
  await expect(list.getByRole('button').first()).toBeVisible()
  const count = await list.getByRole('button').count()
  expect(count).toBeGreaterThan(3)
  await list.getByRole('button').nth(2).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.details-title')).toBeVisible()
  const picked = (await canvas(page)).selected
  expect(picked).toHaveLength(1)

  // Legend: switching a kind off hides its rings and nothing else; on again brings them back.
  await page.getByRole('combobox', { name: 'Instance' }).selectOption({ index: 0 })
  const before = (await canvas(page)).visible.length
  const toggle = page.getByRole('button', { name: 'Fraud ring', exact: true })
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  const hidden = (await canvas(page)).visible.length
  expect(hidden).toBeLessThan(before)
  expect(hidden).toBeGreaterThan(before / 2)
  await toggle.click()
  await expect.poll(async () => (await canvas(page)).visible.length).toBe(before)

  // The look-alikes (ordinary activity, not suspicious) share one legend entry that switches them all.
  const benign = page.getByRole('button', { name: 'Benign look-alike (not suspicious)' })
  await expect(benign).toHaveAttribute('aria-pressed', 'true')
  await benign.click()
  await expect(benign).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(async () => (await canvas(page)).visible.length).toBeLessThan(before)
  await benign.click()
  await expect.poll(async () => (await canvas(page)).visible.length).toBe(before)
})

/** Positions of the expanded neighbours on the canvas, by id. */
function expanded(page: Page) {
  return page.locator('.graph-canvas').evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    return {
      nodes: Object.fromEntries(cy.nodes('.expanded').map((n) => [n.id(), n.position()])),
      edges: cy.edges('.expanded').length,
    }
  })
}

test('a node expands to its counterparties from the whole dataset, placed the same way each time, and folds away', async ({
  page,
}) => {
  await openFresh(page)
  await generateAndWait(page)
  const { member } = await canvas(page)
  const find = page.getByRole('combobox', { name: 'Find a node' })
  await find.fill(member.id)
  await find.press('Enter')
  const show = page.getByRole('button', { name: 'Show neighbours' })
  await show.click()
  await expect(page.getByText(/\d+ of \d+ counterparties in the full dataset/)).toBeVisible()
  await expect.poll(async () => (await expanded(page)).edges).toBeGreaterThan(0)
  const first = await expanded(page)
  // Every new neighbour sits around the node it was found for.
  const centre = await page.locator('.graph-canvas').evaluate((el, id) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    return cy.getElementById(id).position()
  }, member.id)
  for (const at of Object.values(first.nodes)) expect(Math.hypot(at.x - centre.x, at.y - centre.y)).toBeLessThan(400)

  await page.getByRole('button', { name: 'Hide neighbours' }).click()
  await expect.poll(async () => (await expanded(page)).edges).toBe(0)
  expect(Object.keys((await expanded(page)).nodes)).toEqual([])

  // Double-click does the same, and the same expansion draws the same picture.
  const box = await canvas(page)
  await page.mouse.dblclick(box.member.x, box.member.y)
  await expect.poll(async () => (await expanded(page)).edges).toBe(first.edges)
  expect((await expanded(page)).nodes).toEqual(first.nodes)
})
