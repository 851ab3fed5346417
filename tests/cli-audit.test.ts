import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli, ensureCliBuilt, errorLines, tinyFlags } from './helpers/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'fincrime-audit-'))
beforeAll(ensureCliBuilt, 120_000)

const flags = [...tinyFlags, '--pattern', 'structuring=2', '--pattern', 'fraudRing=1', '--seed', '7']

describe('CLI separability audit', () => {
  it('writes audit.json, lists it in the manifest with its hash, and summarises it', () => {
    const out = join(work, 'audited')
    const r = cli(['--out', out, ...flags])
    expect(r.code, r.stderr).toBe(0)
    const bytes = readFileSync(join(out, 'audit.json'))
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    const entry = manifest.files.find((f: { name: string }) => f.name === 'audit.json')
    expect(entry).toMatchObject({ bytes: bytes.length, rows: null })
    expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    const audit = JSON.parse(bytes.toString('utf8'))
    expect(Object.keys(audit.levels)).toEqual(['transaction', 'account', 'person', 'company'])
    expect(audit.levels.account.per_kind.structuring.positives).toBeGreaterThan(0)
    expect(audit.rules.near_threshold_cash.target_kinds).toEqual(['structuring'])
    expect(r.stdout).toMatch(/^ {2}account +baseline AUC \d\.\d\d, best single feature \w+ \d\.\d\d/m)
    expect(r.stdout).toMatch(/near_threshold_cash P [\d.-]+ R [\d.-]+/)
    expect(r.stdout).toContain(join(out, 'audit.json'))
  })

  it('gives the same audit bytes on a second run', () => {
    const a = join(work, 'again-a')
    const b = join(work, 'again-b')
    expect(cli(['--out', a, ...flags]).code).toBe(0)
    expect(cli(['--out', b, ...flags]).code).toBe(0)
    expect(readFileSync(join(b, 'audit.json'))).toEqual(readFileSync(join(a, 'audit.json')))
  })

  it('leaves it out with --no-audit and from shards, and refuses --audit with --shard in one line', () => {
    const off = join(work, 'off')
    const r = cli(['--out', off, ...flags, '--no-audit'])
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(join(off, 'audit.json'))).toBe(false)
    expect(r.stdout).not.toMatch(/Separability audit/)
    const shard = join(work, 'shard')
    expect(cli(['--out', shard, ...flags, '--shard', '1/2']).code).toBe(0)
    expect(existsSync(join(shard, 'audit.json'))).toBe(false)
    const refused = cli(['--out', join(work, 'refused'), ...flags, '--shard', '1/2', '--audit'])
    expect(refused.code).toBe(2)
    expect(errorLines(refused.stderr)).toHaveLength(1)
    expect(refused.stderr).toMatch(/--audit needs the whole run: drop --shard/)
  })
})
