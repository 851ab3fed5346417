import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import type { Core } from 'cytoscape'
import { applyPreset, generateAndWait, openFresh } from './helpers.ts'

/** On-screen size of each drawn member's role label, in CSS pixels, with whether cytoscape draws it at all. */
function labelSizes(page: Page) {
  return page.locator('.graph-canvas').evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    return cy
      .nodes('.member')
      .not('.dim')
      .map((n) => ({
        px: parseFloat(n.style('font-size')) * cy.zoom(),
        opacity: Number(n.style('text-opacity')),
        minZoomed: parseFloat(n.style('min-zoomed-font-size')),
        label: String(n.style('label')),
      }))
  })
}

test.use({ viewport: { width: 1920, height: 1080 } })

test('presentation mode at 1920×1080: full window, role labels of at least 14 px, the narrative as caption', async ({
  page,
}) => {
  await openFresh(page)
  await applyPreset(page, 'Demo: one of each')
  await generateAndWait(page)
  await page.getByRole('button', { name: 'Present' }).click()
  const canvas = page.locator('.graph-canvas')
  await expect(page.locator('.graph-card')).toHaveAttribute('data-presenting', 'true')
  await expect
    .poll(async () => (await canvas.boundingBox())?.width ?? 0, { message: 'the canvas fills most of the screen' })
    .toBeGreaterThan(1400)

  // The overview shows every ring a cell apart: its 18 px role labels would overlap, so the rings' shapes and the
  // legend carry it until a ring is focused.
  await expect.poll(async () => (await labelSizes(page)).filter((l) => l.label !== '').length).toBe(0)
  expect((await labelSizes(page)).length).toBeGreaterThan(20)

  // Walk to the first ring with the keyboard: its narrative becomes the caption and every role label is large.
  await page.keyboard.press('ArrowRight')
  const first = (await page.locator('.graph-card h2').textContent()) ?? ''
  expect(first).toMatch(/PAT-/)
  await expect(page.getByTestId('graph-caption')).toHaveText(/\d/)
  await expect.poll(async () => Math.min(...(await labelSizes(page)).map((l) => l.px))).toBeGreaterThanOrEqual(14)
  const ring = await labelSizes(page)
  expect(ring.length).toBeGreaterThan(3)
  for (const l of ring) {
    expect(l.opacity).toBe(1)
    expect(l.minZoomed).toBe(0)
    expect(l.label.length).toBeGreaterThan(0)
  }
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.graph-card h2')).not.toHaveText(first)

  await page.keyboard.press('Escape')
  await expect(page.locator('.graph-card')).not.toHaveAttribute('data-presenting', 'true')
})

test('the PNG and SVG exports carry the title, the legend and the narrative', async ({ page }) => {
  await openFresh(page)
  await applyPreset(page, 'Structuring workshop')
  await generateAndWait(page)
  await page.getByRole('combobox', { name: 'Instance' }).selectOption({ index: 1 })
  const narrative = ((await page.locator('.pattern-narrative').first().textContent()) ?? '').trim()
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ])
  expect(svg.suggestedFilename()).toMatch(/^fincrime-synth-seed-42-graph-PAT-[A-Z0-9]+\.svg$/)
  const text = readFileSync(await svg.path(), 'utf8')
  expect(text).toContain('Structuring (smurfing)')
  expect(text).toContain('Background')
  const words = narrative.split(/\s+/).slice(0, 6).join(' ')
  expect(text.replace(/\s+/g, ' ')).toContain(words.replace(/&/g, '&amp;'))
  expect(text).toMatch(/<text[^>]*>smurf<\/text>/)

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ])
  expect(png.suggestedFilename()).toMatch(/-graph-PAT-[A-Z0-9]+\.png$/)
  const bytes = readFileSync(await png.path())
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
  expect(bytes.readUInt32BE(16)).toBe(3200) // 1600-wide slide at twice the size
})
