import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvHeader, csvRowWriter, neutraliseFormula } from '../src/engine/export/cells.ts'
import { FileWriter } from '../src/engine/export/file-writer.ts'
import { tables, tableNames } from '../src/engine/model/schema.ts'
import { generate, smallConfig } from './helpers/dataset.ts'

describe('CSV and JSON round trips', () => {
  it('every CSV cell read back with papaparse equals the row the engine produced', async () => {
    const g = await generate(smallConfig(8), 'csv', { previewRows: 1_000_000 })
    // Mismatches are collected and compared once: ~100k expect() calls cost seconds on a busy machine.
    const bad: string[] = []
    for (const name of tableNames) {
      const parsed = g.tables[name]
      const rows = g.result.preview[name] ?? []
      expect(parsed.length, name).toBe(rows.length)
      const table = tables[name]
      parsed.forEach((p, i) => {
        for (const c of table.columns) {
          const v = rows[i][c.name] as string | null
          const free = c.spec.kind === 'text' || c.spec.kind === 'list'
          const want = v === null ? '' : free ? neutraliseFormula(v) : v
          if (p[c.name] !== want)
            bad.push(`${name}[${i}].${c.name}: ${JSON.stringify(p[c.name])} ≠ ${JSON.stringify(want)}`)
        }
      })
    }
    expect(bad.slice(0, 20)).toEqual([])
  })

  it('dataset.json parses and holds the same values as the CSV files', async () => {
    const csv = await generate(smallConfig(8))
    const json = await generate(smallConfig(8), 'json')
    const doc = JSON.parse(json.text('dataset.json')) as {
      manifest: { counts: Record<string, number> }
      tables: Record<string, Record<string, unknown>[]>
    }
    const bad: string[] = []
    for (const name of tableNames) {
      expect(doc.tables[name].length, name).toBe(csv.tables[name].length)
      expect(doc.manifest.counts[name]).toBe(csv.tables[name].length)
      doc.tables[name].forEach((row, i) => {
        for (const c of tables[name].columns) {
          const cell = csv.tables[name][i][c.name]
          const v = row[c.name]
          const same =
            v === null
              ? cell === ''
              : typeof v === 'number'
                ? Number(cell) === v
                : Array.isArray(v)
                  ? cell === neutraliseFormula(v.join(';'))
                  : typeof v === 'boolean'
                    ? cell === String(v)
                    : cell === (c.spec.kind === 'text' ? neutraliseFormula(v as string) : v)
          if (!same) bad.push(`${name}[${i}].${c.name}: CSV ${JSON.stringify(cell)}, JSON ${JSON.stringify(v)}`)
        }
      })
    }
    expect(bad.slice(0, 20)).toEqual([])
  })

  it('JSON Lines files hold one parseable object per row', async () => {
    const g = await generate(smallConfig(8), 'jsonl')
    const lines = g.text('transactions.jsonl').trimEnd().split('\n')
    expect(lines.length).toBe(g.result.counts.transactions)
    for (const line of lines.slice(0, 200)) expect(typeof JSON.parse(line).id).toBe('string')
  })

  it('cells a spreadsheet would execute are neutralised; plain numbers and quotes survive', () => {
    const row = {
      id: 'MSG-1',
      timestamp: 0,
      channel: 'email',
      senderId: 'PER-1',
      recipientId: 'PER-2',
      subject: '=HYPERLINK("http://x","click")',
      body: '@SUM(A1:A9), "quoted"\nnext line',
      language: 'en',
      durationSeconds: null,
      isEncrypted: false,
      patternId: null,
      patternRole: '-2+3',
    }
    const out = FileWriter.memory()
    csvRowWriter(tables.communications)(row, out)
    const text = csvHeader(tables.communications) + '\n' + new TextDecoder().decode(out.takeBytes())
    const [parsed] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
    expect(parsed.subject).toBe('\'=HYPERLINK("http://x","click")')
    expect(parsed.body).toBe('\'@SUM(A1:A9), "quoted"\nnext line')
    expect(parsed.pattern_role).toBe("'-2+3")
    expect(neutraliseFormula('+441632960000')).toBe('+441632960000')
    expect(neutraliseFormula('-12.50')).toBe('-12.50')
    expect(parsed.duration_seconds).toBe('')
  })
})
