import { expect, test } from '@playwright/test'
import { encodeConfigHash } from '../src/ui/state/share.ts'
import { generateButton, guardPage, openFresh, runSeq, setField } from './helpers.ts'

// 5M persons and 10M accounts: the run that crashed the tab at about 4.5 GB after 9.5 minutes.
const huge = { version: 1, seed: 3, counts: { persons: 5_000_000, companies: 1000, accounts: 10_000_000 } }

test('a shared link beyond the tab memory budget asks before it starts; declining starts nothing', async ({ page }) => {
  const guard = guardPage(page)
  const asked: string[] = []
  page.on('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  await openFresh(page, encodeConfigHash(huge))
  await expect.poll(() => asked.length).toBe(1)
  expect(asked[0]).toMatch(/need about [\d.]+ MB of memory, more than this tab's budget of 2048\.0 MB/)
  expect(asked[0]).toMatch(/npm run generate -- --config/)
  expect(asked[0]).toMatch(/Start in this tab anyway\?/)
  await expect(page.getByRole('alert').filter({ hasText: "this tab's budget" })).toBeVisible()
  await expect(page.getByText('Settings loaded from the shared link; not started')).toBeVisible()
  expect(await runSeq(page)).toBe(0)
  await expect(generateButton(page)).toBeEnabled()
  expect(guard.consoleErrors).toEqual([])
})

test('Generate with settings over the budget is refused with the estimate, the budget and the way out', async ({
  page,
}) => {
  await openFresh(page)
  await setField(page, 'counts.persons', '5000000')
  await setField(page, 'counts.accounts', '10000000')
  await generateButton(page).click()
  const refusal = page.getByRole('alert').filter({ hasText: "this tab's budget" })
  await expect(refusal).toContainText(/need about [\d.]+ MB of memory/)
  await expect(refusal).toContainText(/command line/)
  expect(await runSeq(page)).toBe(0)
})
