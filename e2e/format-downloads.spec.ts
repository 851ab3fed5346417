import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { generateAndWait, guardPage, openFresh } from './helpers.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

test('the "Other format" menu downloads a zip of Parquet files listed with their hashes', async ({ page }) => {
  const guard = guardPage(page)
  await openFresh(page)
  await generateAndWait(page)
  await page.getByLabel('Other format').selectOption('parquet')
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download (zip)' }).click(),
  ])
  expect(file.suggestedFilename()).toMatch(/-parquet\.zip$/)
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())))
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as {
    format: string
    files: { name: string; sha256: string }[]
  }
  expect(manifest.format).toBe('parquet')
  expect(Object.keys(entries)).toContain('transactions.parquet')
  for (const f of manifest.files) {
    expect(sha256(entries[f.name]), f.name).toBe(f.sha256)
    // Parquet files start and end with the magic bytes PAR1 (realism.json rides along as JSON).
    if (f.name.endsWith('.parquet')) expect(strFromU8(entries[f.name].slice(0, 4)), f.name).toBe('PAR1')
  }
  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})
