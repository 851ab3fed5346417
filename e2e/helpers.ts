import { expect, type Page } from '@playwright/test'
import type { Core } from 'cytoscape'

/** Every request the page makes must stay on this machine; console errors fail the test. */
export function guardPage(page: Page): { offHost: string[]; consoleErrors: string[] } {
  const offHost: string[] = []
  const consoleErrors: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'blob:' || url.protocol === 'data:') return
    if (url.hostname !== '127.0.0.1') offHost.push(request.url())
  })
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  return { offHost, consoleErrors }
}

/** Opens the app with no saved settings, as a newcomer would. */
export async function openFresh(page: Page, hash = ''): Promise<void> {
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
  await page.goto(`/${hash}`)
  await expect(page.getByRole('heading', { name: 'Fincrime Synth' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeEnabled({ timeout: 30_000 })
}

export function generateButton(page: Page) {
  return page.getByRole('button', { name: 'Generate', exact: true })
}

/** How many runs have completed on this page (0 before the first). */
export async function runSeq(page: Page): Promise<number> {
  const results = page.getByTestId('results')
  return (await results.count()) === 0 ? 0 : Number(await results.getAttribute('data-seq'))
}

/** Waits until the graph of run number `seq` is drawn. */
export async function waitForGraph(page: Page, seq: number, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('graph')).toHaveAttribute('data-drawn-seq', String(seq), { timeout })
}

/** Clicks Generate and waits for that run's graph; returns the run's number. */
export async function generateAndWait(page: Page, timeout = 60_000): Promise<number> {
  const next = (await runSeq(page)) + 1
  await generateButton(page).click()
  await waitForGraph(page, next, timeout)
  return next
}

export async function shownKinds(page: Page): Promise<string[]> {
  const kinds = await page.getByTestId('graph').getAttribute('data-kinds')
  return (kinds ?? '').split(' ').filter(Boolean)
}

export function field(page: Page, path: string) {
  return page.locator(`#field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`)
}

export async function setField(page: Page, path: string, value: string): Promise<void> {
  const input = field(page, path)
  await input.fill(value)
  await input.blur()
}

export async function applyPreset(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click()
}

/** Model positions of the drawn nodes, read from the cytoscape instance the canvas container is registered with. */
export async function nodePositions(page: Page): Promise<Record<string, { x: number; y: number; member: boolean }>> {
  return page.locator('.graph-canvas').evaluate((el) => {
    const reg = (el as unknown as { _cyreg?: { cy?: Core } })._cyreg
    const out: Record<string, { x: number; y: number; member: boolean }> = {}
    reg?.cy?.nodes().forEach((n) => {
      out[n.id()] = { ...n.position(), member: n.hasClass('member') }
    })
    return out
  })
}
