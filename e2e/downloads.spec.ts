import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { defaultConfig } from '../src/engine/config/defaults.ts'
import { createMemorySink, parseConfig, runGeneration } from '../src/engine/index.ts'
import { generateAndWait, guardPage, openFresh } from './helpers.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) }
}

async function shownCount(page: Page, table: string): Promise<number> {
  return Number(((await page.getByTestId(`count-${table}`).textContent()) ?? '').replace(/,/g, ''))
}

test('the CSV zip holds exactly the manifest’s files, with its hashes and the row counts on screen', async ({
  page,
}) => {
  const guard = guardPage(page)
  await openFresh(page)
  await generateAndWait(page)
  const zip = await download(page, 'Download CSV (zip)')
  expect(zip.name).toMatch(/^fincrime-synth-seed-42-csv\.zip$/)
  const entries = unzipSync(zip.bytes)
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as {
    files: { name: string; sha256: string; bytes: number; rows: number }[]
    counts: Record<string, number>
  }
  // Besides the data and its manifest, two documents for people: a README and the data dictionary.
  const docs = ['README.md', 'dictionary.csv']
  expect(Object.keys(entries).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json', ...docs].sort())
  const dictionary = Papa.parse<string[]>(strFromU8(entries['dictionary.csv']), { skipEmptyLines: true })
  expect(dictionary.errors).toEqual([])
  expect(dictionary.data[0].slice(0, 3)).toEqual(['table', 'column', 'type'])
  // Every table's header is described column by column (load.py and load.sql are scripts, not tables).
  for (const file of manifest.files.filter((f) => f.name.endsWith('.csv'))) {
    const table = file.name.replace(/\.csv$/, '')
    const header = strFromU8(entries[file.name]).split('\n')[0].split(',')
    const described = dictionary.data.filter((r) => r[0] === table).map((r) => r[1])
    expect(described, table).toEqual(header)
  }
  expect(strFromU8(entries['README.md'])).toContain(
    `transactions.csv\` (${manifest.files.find((f) => f.name === 'transactions.csv')?.rows} rows)`,
  )
  for (const file of manifest.files) {
    expect(sha256(entries[file.name]), file.name).toBe(file.sha256)
    expect(entries[file.name].length, file.name).toBe(file.bytes)
    if (!file.name.endsWith('.csv')) continue // load.py and load.sql travel with the CSV files
    const table = file.name.replace(/\.csv$/, '')
    const parsed = Papa.parse(strFromU8(entries[file.name]), { skipEmptyLines: true })
    expect(parsed.data.length - 1, file.name).toBe(file.rows)
    expect(await shownCount(page, table), table).toBe(file.rows)
  }
  // The same files, byte for byte, as the engine writes in Node (and so the CLI) for the same config; the tab
  // audits a run this size, so audit.json is among them (Chromium's floating point gives the same report).
  const sink = createMemorySink()
  await runGeneration(parseConfig(defaultConfig()), { format: 'csv', sink, audit: true })
  expect([...sink.files.keys(), ...docs].sort()).toEqual(Object.keys(entries).sort())
  for (const name of sink.files.keys()) expect(sha256(entries[name]), name).toBe(sha256(sink.bytes(name)))
  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})

test('dataset.json from the browser is byte-identical to the engine run in Node for the same config', async ({
  page,
}) => {
  const guard = guardPage(page)
  await openFresh(page)
  await generateAndWait(page)
  const json = await download(page, 'Download JSON')
  expect(json.name).toBe('fincrime-synth-seed-42-dataset.json')
  const dataset = JSON.parse(strFromU8(json.bytes)) as { manifest: unknown; tables: Record<string, unknown[]> }
  for (const [table, rows] of Object.entries(dataset.tables))
    expect(rows.length, table).toBe(await shownCount(page, table))

  const sink = createMemorySink()
  await runGeneration(parseConfig(defaultConfig()), { format: 'json', sink })
  expect(sha256(json.bytes)).toBe(sha256(sink.bytes('dataset.json')))
  expect(guard.offHost).toEqual([])
  expect(guard.consoleErrors).toEqual([])
})
