import { expect, test } from '@playwright/test'
import { generateAndWait, guardPage, openFresh } from './helpers.ts'

declare global {
  interface Window {
    __cspViolations: string[]
  }
}

test('the app generates, draws and downloads under the server’s Content-Security-Policy with no violation', async ({
  page,
}) => {
  const guard = guardPage(page)
  const workerErrors: string[] = []
  page.on('worker', (worker) => {
    worker.on('console', (m) => {
      if (m.type() === 'error') workerErrors.push(m.text())
    })
  })
  // A probe at the top of the engine worker's own script (so it runs as the worker's code, under the worker's
  // policy, not as a DevTools evaluation, which CSP exempts): does this worker allow eval?
  await page.route(/engine\.worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch()
    const probe = 'try { new Function("")(); self.__evalAllowed = true } catch { self.__evalAllowed = false }\n'
    await route.fulfill({ response, body: probe + (await response.text()) })
  })
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  const response = await page.goto('/')
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe-eval')
  await openFresh(page)
  await generateAndWait(page)
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV (zip)' }).click(),
  ])
  expect(file.suggestedFilename()).toMatch(/\.zip$/)
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([])
  expect(guard.consoleErrors).toEqual([])
  expect(workerErrors).toEqual([])
  // The engine worker runs under the policy too: eval is refused there, so its CSV writer took the fallback path
  // (and downloads.spec.ts's browser-vs-Node hash checks cover that path).
  const [worker] = page.workers()
  expect(worker, 'the engine worker').toBeDefined()
  expect(await worker.evaluate(() => (self as unknown as { __evalAllowed?: boolean }).__evalAllowed)).toBe(false)
})
