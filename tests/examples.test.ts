import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { roundTrip } from '../examples/custom-pattern.ts'
import { integrityProblems, makeFixture } from './helpers/pattern-fixture.ts'

type Row = Record<string, string>
const csv = (dir: string, name: string) =>
  Papa.parse<Row>(readFileSync(join(dir, name), 'utf8'), { header: true, skipEmptyLines: true }).data

describe('examples/custom-pattern.ts (a pattern registered from outside src/engine)', () => {
  it('runs as a script and writes a dataset whose rings of transfers close on their first account', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fincrime-example-'))
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/custom-pattern.ts', dir], {
        encoding: 'utf8',
      })
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/2 roundTrip instances; 10 injected transactions/)
      const patterns = csv(dir, 'patterns.csv')
      expect(patterns.map((p) => p.kind)).toEqual(['roundTrip', 'roundTrip'])
      const txns = csv(dir, 'transactions.csv')
      for (const pattern of patterns) {
        const legs = txns.filter((t) => t.pattern_id === pattern.id)
        expect(legs).toHaveLength(5)
        expect(legs.at(-1)?.to_account_id).toBe(legs[0].from_account_id)
        for (let i = 1; i < legs.length; i++) expect(legs[i].from_account_id).toBe(legs[i - 1].to_account_id)
      }
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { config: unknown }
      expect(manifest.config).toMatchObject({ patterns: { roundTrip: { count: 2, params: { ring: 5 } } } })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it("its rows pass the same integrity checks as the built-in patterns'", () => {
    for (const seed of [1, 2, 3]) {
      const f = makeFixture(seed)
      const { out, ctx } = f.run(roundTrip, { ring: 6 })
      expect(integrityProblems(f.world, ctx, out)).toEqual([])
      expect(out.rows.transactions).toHaveLength(6)
    }
  })
})
