import { expect, test } from '@playwright/test'
import { generateAndWait, nodePositions, openFresh, setField } from './helpers.ts'

// The picture is a function of the config: a shared link or a reload shows the rings exactly where they were.
test('the same config in two fresh pages puts every node in the same place', async ({ browser }) => {
  const seen = []
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await openFresh(page)
    await generateAndWait(page)
    seen.push(await nodePositions(page))
    await context.close()
  }
  const [a, b] = seen
  const ids = Object.keys(a)
  expect(ids.length).toBeGreaterThan(50)
  expect(Object.keys(b).sort()).toEqual(ids.sort())
  for (const id of ids) expect(b[id], id).toEqual(a[id])
})

test('a background tweak and an extra ring keep every existing ring where it was', async ({ page }) => {
  await openFresh(page)
  // Room on the graph for one more ring: the dense demo fills it (its caption then says how many instances it drew).
  await setField(page, 'patterns.insiderTrading.count', '1')
  await generateAndWait(page)
  const before = await nodePositions(page)
  await setField(page, 'counts.transactions', '12000')
  await setField(page, 'patterns.fraudRing.count', '3')
  await generateAndWait(page)
  const after = await nodePositions(page)
  const members = Object.keys(before).filter((id) => before[id].member)
  expect(members.length).toBeGreaterThan(30)
  for (const id of members) expect(after[id], id).toEqual(before[id])
  const added = Object.keys(after).filter((id) => after[id].member && !before[id])
  expect(added.length).toBeGreaterThan(0)
  // The new ring goes into free space: none of its members sits on an old member's spot.
  const taken = new Set(members.map((id) => `${before[id].x},${before[id].y}`))
  for (const id of added) expect(taken.has(`${after[id].x},${after[id].y}`), id).toBe(false)
})
