import { useEffect, useState } from 'react'
import { validateConfig } from '../../engine/config/validate.ts'
import type { ResolvedConfig } from '../../engine/index.ts'
import { useConfigStore } from '../state/config-store.ts'
import { decodeConfigHash } from '../state/share.ts'

/** Starts a run; false when it did not start (the user declined a run over the tab's memory budget). */
type Generate = (config: ResolvedConfig) => boolean | void

/**
 * Opening a shared link (`#config=…`) loads its settings and, when they are valid, reproduces the run. The hash is
 * then removed, so a reload shows the user's own (persisted) settings rather than re-running the link.
 */
export function useSharedLink(generate: Generate): string | null {
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    const load = () => loadFromHash(generate, setNotice)
    load()
    // Pasting a link into the address bar of an open tab changes only the hash; no reload follows.
    window.addEventListener('hashchange', load)
    return () => window.removeEventListener('hashchange', load)
  }, [generate])
  return notice
}

function loadFromHash(generate: Generate, setNotice: (notice: string) => void): void {
  let shared: unknown
  try {
    shared = decodeConfigHash(window.location.hash)
  } catch (error) {
    setNotice(error instanceof Error ? error.message : String(error))
    return
  }
  if (shared === null) return
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
  try {
    useConfigStore.getState().replaceDraft(shared)
  } catch (error) {
    setNotice(`The shared link could not be used: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  const checked = validateConfig(useConfigStore.getState().draft)
  if (checked.ok) {
    setNotice('Settings loaded from the shared link; generating the same data.')
    if (generate(checked.config) === false)
      setNotice('Settings loaded from the shared link; not started, as they need more memory than this tab allows.')
  } else setNotice('Settings loaded from the shared link. Fix the marked settings to generate.')
}
