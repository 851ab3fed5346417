import type { Core } from 'cytoscape'
import { expect, test, type Page } from '@playwright/test'
import { applyPreset, generateAndWait, openFresh } from './helpers.ts'

/** The focused ring's edges as the canvas draws them: how many are faded as still to come, and which is current. */
function playState(page: Page, id: string) {
  return page.locator('.graph-canvas').evaluate((el, ring) => {
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
    const own = cy.edges().filter((e) => (e.data('patterns') as string[]).includes(ring))
    return { total: own.length, future: own.filter('.future').length, now: own.filter('.now').map((e) => e.id()) }
  }, id)
}

test('the timeline plays a structuring ring in time order: deposits first, then the money moves on', async ({
  page,
}) => {
  await openFresh(page)
  await applyPreset(page, 'Structuring workshop')
  await generateAndWait(page)
  const instance = page.getByRole('combobox', { name: 'Instance' })
  await instance.selectOption({ index: 1 })
  const id = await instance.inputValue()
  const readout = page.getByTestId('timeline-readout')
  await expect(readout).toContainText('Press Play')

  const ticks = await page
    .locator('.timeline-strip rect')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-time'))))
  const { total } = await playState(page, id)
  expect(ticks.length).toBe(total)
  expect(ticks.length).toBeGreaterThan(5)
  expect([...ticks].sort((a, b) => a - b)).toEqual(ticks)

  // Play runs to the end by itself.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '4×' })
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(readout).toHaveAttribute('data-at', String(total - 1), { timeout: 60_000 })
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible()

  // Each step of the playback, read while it holds still (the scrubber walks the same playhead Play advances), so a
  // busy machine cannot make a reading straddle two steps.
  const scrubber = page.getByRole('slider', { name: "Event in the ring's timeline" })
  await scrubber.focus()
  await page.keyboard.press('Home')
  const seen: { at: number; time: number; label: string }[] = []
  for (let at = 0; at < total; at++) {
    if (at > 0) await page.keyboard.press('ArrowRight')
    await expect(readout).toHaveAttribute('data-at', String(at))
    seen.push({ at, time: Number(await readout.getAttribute('data-time')), label: (await readout.textContent()) ?? '' })
    const state = await playState(page, id)
    expect(state.now.length, `one current edge at step ${at}`).toBe(1)
    expect(state.future, `edges still to come at step ${at}`).toBe(total - 1 - at)
  }

  expect(seen.length).toBeGreaterThan(3)
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i].at).toBeGreaterThan(seen[i - 1].at)
    expect(seen[i].time).toBeGreaterThanOrEqual(seen[i - 1].time)
  }
  expect(seen[0].at).toBe(0)
  expect(seen[0].label).toMatch(/deposit/)
  expect(seen.at(-1)?.label).not.toMatch(/deposit/)

  // The scrubber steps by hand; Show all clears the playhead.
  await page.keyboard.press('Home')
  await expect(readout).toHaveAttribute('data-at', '0')
  await page.keyboard.press('ArrowRight')
  await expect(readout).toHaveAttribute('data-at', '1')
  await page.getByRole('button', { name: 'Show all' }).click()
  await expect.poll(async () => (await playState(page, id)).future).toBe(0)
  await expect(page.locator('.histogram figcaption')).toContainText('labelled')
})
