// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../engine/config/defaults.ts'
import { validateConfig } from '../../engine/config/validate.ts'
import { CONFIG_STORAGE_KEY, useConfigStore } from './config-store.ts'
import { presets } from './presets.ts'

const saved = () =>
  JSON.parse(localStorage.getItem(CONFIG_STORAGE_KEY) ?? 'null') as { state: { draft: Record<string, unknown> } } | null

describe('config store', () => {
  beforeEach(() => {
    localStorage.clear()
    useConfigStore.getState().reset()
  })

  it('persists every edit to localStorage, including text that is not valid yet', () => {
    useConfigStore.getState().setField('counts.persons', 321)
    useConfigStore.getState().setField('patterns.structuring.count', '3x')
    const state = saved()?.state
    expect((state?.draft.counts as Record<string, unknown>).persons).toBe(321)
    expect((state?.draft.patterns as Record<string, { count: unknown }>).structuring.count).toBe('3x')
  })

  it('restores a saved draft on rehydrate and fills settings added since it was saved', async () => {
    const old = { seed: 'workshop', counts: { persons: 77 }, patterns: { structuring: { count: 5, params: {} } } }
    localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify({ state: { draft: old, presetId: null }, version: 1 }))
    await useConfigStore.persist.rehydrate()
    const { draft } = useConfigStore.getState()
    expect(draft.seed).toBe('workshop')
    expect((draft.counts as Record<string, number>).persons).toBe(77)
    expect((draft.counts as Record<string, number>).transactions).toBe(defaultConfig().counts.transactions)
    const check = validateConfig(draft)
    expect(check.ok).toBe(true)
  })

  it('applies each preset as a valid config and keeps the seed', () => {
    useConfigStore.getState().setField('seed', 'my-seed')
    for (const preset of presets) {
      useConfigStore.getState().applyPreset(preset.id)
      const { draft, presetId } = useConfigStore.getState()
      expect(presetId).toBe(preset.id)
      expect(draft.seed).toBe('my-seed')
      const check = validateConfig(draft)
      expect(check.ok, `${preset.id}: ${JSON.stringify(check.ok ? [] : check.issues)}`).toBe(true)
    }
  })

  it('builds the presets the issue describes', () => {
    const store = useConfigStore.getState()
    store.applyPreset('demo')
    const demo = useConfigStore.getState().draft as unknown as ReturnType<typeof defaultConfig>
    expect(Object.values(demo.patterns).every((p) => p.count === 1)).toBe(true)
    expect(demo.counts.persons).toBeLessThan(defaultConfig().counts.persons)

    store.applyPreset('structuring')
    const workshop = useConfigStore.getState().draft as unknown as ReturnType<typeof defaultConfig>
    expect(Object.entries(workshop.patterns).filter(([, p]) => p.count > 0)).toEqual([
      ['structuring', expect.objectContaining({ count: 3 })],
    ])

    store.applyPreset('bulk')
    const bulk = useConfigStore.getState().draft as unknown as ReturnType<typeof defaultConfig>
    expect(bulk.counts.transactions).toBe(100_000)
    expect(bulk.patterns).toEqual(defaultConfig().patterns)
  })

  it('editing a field leaves the preset', () => {
    useConfigStore.getState().applyPreset('demo')
    useConfigStore.getState().setField('counts.travels', 10)
    expect(useConfigStore.getState().presetId).toBeNull()
  })

  it('imports a partial config like the CLI: missing keys take defaults, unknown keys stay for validation to report', () => {
    useConfigStore.getState().replaceDraft({ seed: 7, counts: { persns: 5 } })
    const { draft } = useConfigStore.getState()
    expect(draft.seed).toBe(7)
    expect(draft.startDate).toBe(defaultConfig().startDate)
    const check = validateConfig(draft)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.issues.map((i) => i.path)).toContain('counts.persns')
  })

  it('refuses to import something that is not a config object', () => {
    expect(() => useConfigStore.getState().replaceDraft([1, 2])).toThrow(/JSON object/)
  })
})
