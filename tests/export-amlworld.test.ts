import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { typologyName } from '../src/engine/export/amlworld/vocabulary.ts'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'

const HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering'
const FORMATS = new Set(['Reinvestment', 'Cheque', 'Credit Card', 'ACH', 'Cash', 'Wire', 'Bitcoin'])

/** The Kaggle IT-AML layout, parsed by position exactly as IBM Multi-GNN's format_kaggle_files.py reads it. */
// easy without its few look-alikes: every injected transaction is suspicious (tests/labels.test.ts covers the rest).
const config = { ...smallConfig('amlworld', 2), difficulty: 'easy', difficultyKnobs: { lookalikeRatio: 0 } }

describe('amlworld export', () => {
  let g: Generated
  let trans: string[][]
  let lines: string[]
  beforeAll(async () => {
    g = await generate(config, 'amlworld')
    const text = g.text('fincrime_Trans.csv')
    lines = text.split('\n').slice(1, -1)
    trans = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
  }, 120_000)

  it('writes the exact header, the duplicate Account kept, and rows of eleven fields in the Kaggle formats', () => {
    expect(g.text('fincrime_Trans.csv').split('\n')[0]).toBe(HEADER)
    expect(trans[0].filter((h) => h === 'Account')).toHaveLength(2)
    const rows = trans.slice(1)
    expect(rows.length).toBe(g.result.counts.transactions)
    let previous = ''
    for (const r of rows) {
      expect(r).toHaveLength(11)
      expect(r[0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/)
      expect(r[0] >= previous, 'sorted by time').toBe(true)
      previous = r[0]
      expect(r[1]).toMatch(/^\d{6}$/)
      expect(r[3]).toMatch(/^\d{6}$/)
      expect(r[5]).toMatch(/^\d+\.\d{2}$/)
      expect(r[7]).toMatch(/^\d+\.\d{2}$/)
      expect(r[6]).toMatch(/^[A-Z][A-Za-z ]+$/) // full names, not ISO codes
      expect(FORMATS.has(r[9]), r[9]).toBe(true)
      expect(r[10]).toMatch(/^[01]$/)
    }
    expect(new Set(rows.map((r) => r[6]))).toContain('US Dollar')
  })

  it('labels exactly the injected transactions as laundering', () => {
    const laundering = trans.slice(1).filter((r) => r[10] === '1').length
    expect(laundering).toBe(g.result.injected.transactions)
    expect(laundering).toBeGreaterThan(0)
  })

  it('lists each laundering attempt in Patterns.txt with its transactions, as they appear in Trans.csv', () => {
    const text = g.text('fincrime_Patterns.txt')
    const blocks = [
      ...text.matchAll(/BEGIN LAUNDERING ATTEMPT - ([A-Z-]+): +(.*)\n([\s\S]*?)\nEND LAUNDERING ATTEMPT - \1\n/g),
    ]
    const inBlocks = blocks.flatMap((b) => b[3].split('\n'))
    const labelled = lines.filter((l) => l.endsWith(',1'))
    expect([...inBlocks].sort()).toEqual([...labelled].sort())
    expect(text.split('\n').filter((l) => l.startsWith('BEGIN')).length).toBe(blocks.length)
    // One block per instance that moved money, named by its pattern id.
    const ids = blocks.map((b) => /\((PAT-[0-9A-Z]+)\)$/.exec(b[2])?.[1])
    expect(new Set(ids).size).toBe(blocks.length)
    for (const id of ids) expect(g.result.patterns.some((p) => p.id === id)).toBe(true)
    expect(blocks.map((b) => b[1])).toContain('STRUCTURING')
  })

  it("names the laundering shapes as AMLworld does, also as a chain's layering", () => {
    expect(typologyName('launderingShape', 'stacked_bipartite')).toBe('STACK')
    expect(typologyName('launderingShape', 'layered_fan_in')).toBe('FAN-IN')
    expect(typologyName('launderingChain', 'cash_deposits.scatter_gather.payroll')).toBe('SCATTER-GATHER')
    expect(typologyName('muleChain', 'romance_scam')).toBe('MULE-CHAIN')
  })

  it('lists every account of Trans.csv in accounts.csv under its bank', () => {
    const accounts = Papa.parse<string[]>(g.text('fincrime_accounts.csv'), { skipEmptyLines: true }).data
    expect(accounts[0].join(',')).toBe('Bank Name,Bank ID,Account Number,Entity ID,Entity Name')
    const known = new Set(accounts.slice(1).map((a) => `${Number(a[1])}/${a[2]}`))
    for (const r of trans.slice(1)) {
      expect(known.has(`${Number(r[1])}/${r[2]}`), r[2]).toBe(true)
      expect(known.has(`${Number(r[3])}/${r[4]}`), r[4]).toBe(true)
    }
  })

  it('is deterministic and listed with hashes in the manifest', async () => {
    const again = await generate(config, 'amlworld')
    expect(again.hashes).toEqual(g.hashes)
    const manifest = JSON.parse(g.text('manifest.json')) as { files: { name: string; sha256: string }[] }
    for (const name of ['fincrime_Trans.csv', 'fincrime_accounts.csv', 'fincrime_Patterns.txt'])
      expect(manifest.files.find((f) => f.name === name)?.sha256).toBe(g.hashes[name])
  }, 60_000)
})
