import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../engine/config/defaults.ts'
import { createEngineApi } from './api.ts'

describe('the separability audit in the worker', () => {
  it('comes with a tab-sized run: the summary on the page, audit.json in the zip and the manifest', async () => {
    const api = createEngineApi()
    const config = defaultConfig()
    const response = await api.generate(config)
    if (!response.ok) throw new Error(JSON.stringify(response.issues))
    const audit = response.summary.audit
    expect(audit?.levels.map((l) => l.level)).toEqual(['transaction', 'account', 'person', 'company'])
    const account = audit?.levels.find((l) => l.level === 'account')
    expect(account?.positives).toBeGreaterThan(0)
    expect(account?.baselineAuc).toBeGreaterThanOrEqual(0.5)
    expect(audit?.rules.map((r) => r.name)).toContain('near_threshold_cash')
    const zip = unzipSync((await api.exportZip(config)).bytes)
    const report = JSON.parse(strFromU8(zip['audit.json']))
    expect(report.levels.account.baseline.roc_auc).toBe(account?.baselineAuc)
    const manifest = JSON.parse(strFromU8(zip['manifest.json']))
    expect(manifest.files.map((f: { name: string }) => f.name)).toContain('audit.json')
  }, 120_000)
})
