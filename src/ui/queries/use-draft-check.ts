import { useMemo } from 'react'
import { validateConfig } from '../../engine/config/validate.ts'
import { useConfigStore } from '../state/config-store.ts'

/**
 * The draft checked by the engine's own validator, with the key the worker gives a run of it (the resolved config
 * as JSON): when it differs from the shown run's key, the results on screen are out of date.
 */
export function useDraftCheck() {
  const draft = useConfigStore((s) => s.draft)
  return useMemo(() => {
    const validation = validateConfig(draft)
    return { draft, validation, runKey: validation.ok ? JSON.stringify(validation.config) : null }
  }, [draft])
}
