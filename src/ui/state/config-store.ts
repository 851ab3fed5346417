import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { defaultDraft, isRecord, mergeOntoDefaults, setAt, type Draft } from './draft.ts'
import { DENSE_DEMO, findPreset } from './presets.ts'

export const CONFIG_STORAGE_KEY = 'fincrime-synth.config'

export interface ConfigState {
  readonly draft: Draft
  /** The preset the draft came from, until the user edits a field. */
  readonly presetId: string | null
  setField(path: string, value: unknown): void
  applyPreset(id: string): void
  /** Replaces the draft with an imported or shared config; missing keys take defaults, as in the CLI. */
  replaceDraft(input: unknown): void
  reset(): void
}

/** The draft configuration, persisted so that a reload loses nothing the user entered. */
export const useConfigStore = create<ConfigState>()(
  persist(
    (set, get) => ({
      draft: defaultDraft(),
      presetId: DENSE_DEMO,
      setField: (path, value) => set({ draft: setAt(get().draft, path, value), presetId: null }),
      applyPreset: (id) => {
        const preset = findPreset(id)
        if (!preset) throw new Error(`unknown preset ${id}`)
        const seed = get().draft.seed
        const keep = typeof seed === 'number' || (typeof seed === 'string' && seed.length > 0) ? seed : 42
        set({ draft: preset.build(keep) as unknown as Draft, presetId: id })
      },
      replaceDraft: (input) => {
        if (!isRecord(input))
          throw new Error('A configuration must be a JSON object, like the one "Export JSON" saves.')
        set({ draft: mergeOntoDefaults(input), presetId: null })
      },
      reset: () => set({ draft: defaultDraft(), presetId: DENSE_DEMO }),
    }),
    {
      name: CONFIG_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ draft: s.draft, presetId: s.presetId }),
      // A draft saved by an older version gets any settings added since then, at their defaults.
      merge: (persisted, current) => {
        const saved = isRecord(persisted) ? persisted : {}
        return {
          ...current,
          draft: isRecord(saved.draft) ? mergeOntoDefaults(saved.draft) : current.draft,
          presetId: typeof saved.presetId === 'string' ? saved.presetId : null,
        }
      },
    },
  ),
)
