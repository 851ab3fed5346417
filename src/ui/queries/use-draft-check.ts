import { validateConfig } from '../../engine/config/validate.ts'
import type { Draft } from '../state/draft.ts'
import { useConfigStore } from '../state/config-store.ts'

type DraftCheck = {
  readonly draft: Draft
  readonly validation: ReturnType<typeof validateConfig>
  readonly runKey: string | null
}

let last: DraftCheck | null = null

/** The check of one draft, made once however many components ask (the settings, the results, auto-run). */
function checkDraft(draft: Draft): DraftCheck {
  if (last?.draft === draft) return last
  const validation = validateConfig(draft)
  last = { draft, validation, runKey: validation.ok ? JSON.stringify(validation.config) : null }
  return last
}

/**
 * The draft checked by the engine's own validator, with the key the worker gives a run of it (the resolved config
 * as JSON): when it differs from the shown run's key, the results on screen are out of date.
 */
export function useDraftCheck(): DraftCheck {
  return checkDraft(useConfigStore((s) => s.draft))
}
