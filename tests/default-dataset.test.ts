import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patternKinds } from '../src/engine/config/schema.ts'
import { DATASET_COUNTS, DATASET_PREVALENCE } from '../src/engine/config/defaults.ts'
import { cli, ensureCliBuilt } from './helpers/cli.ts'

type Row = Record<string, string>
const work = mkdtempSync(join(tmpdir(), 'fincrime-default-'))
const out = join(work, 'out')
const table = (name: string) =>
  Papa.parse<Row>(readFileSync(join(out, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data

beforeAll(ensureCliBuilt, 120_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** What a data scientist gets from `fincrime-synth generate` with no config: labels as rare as a bank's, every kind. */
describe('the default CLI dataset', () => {
  it('has about 0.1 % suspicious transactions (within ±10 %) and every pattern kind', () => {
    // --no-audit only saves time: the audit reads the tables and never changes them.
    const r = cli(['--out', out, '--quiet', '--no-audit'])
    expect(r.code, r.stderr).toBe(0)
    const tx = table('transactions')
    expect(tx.length).toBeGreaterThanOrEqual(DATASET_COUNTS.transactions)
    const share = tx.filter((t) => t.is_suspicious === 'true').length / tx.length
    expect(share).toBeGreaterThanOrEqual(DATASET_PREVALENCE * 0.9)
    expect(share).toBeLessThanOrEqual(DATASET_PREVALENCE * 1.1)
    const kinds = new Set(
      table('patterns')
        .filter((p) => p.is_suspicious === 'true')
        .map((p) => p.kind),
    )
    expect([...kinds].sort()).toEqual([...patternKinds].sort())
  }, 600_000)
})
