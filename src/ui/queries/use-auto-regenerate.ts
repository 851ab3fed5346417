import { useEffect } from 'react'
import type { ResolvedConfig } from '../../engine/index.ts'
import { isFastRun, useLiveStore } from '../state/live-store.ts'
import { useRunStore } from '../state/run-store.ts'
import { useDraftCheck } from './use-draft-check.ts'

/** Pause after the last keystroke before a run starts, so typing "12000" runs once, not five times. */
const SETTLE_MS = 400

/** With "regenerate on change" on and a fast config, every valid edit reruns; a new run supersedes a running one. */
export function useAutoRegenerate(generate: (config: ResolvedConfig) => void): void {
  const autoRun = useLiveStore((s) => s.autoRun)
  const shownKey = useRunStore((s) => s.summary?.runKey ?? null)
  const fast = useRunStore((s) => isFastRun(s.wallMs))
  const { validation, runKey } = useDraftCheck()
  useEffect(() => {
    if (!autoRun || !fast || !validation.ok || runKey === shownKey) return
    const config = validation.config
    const timer = window.setTimeout(() => generate(config), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [autoRun, fast, validation, runKey, shownKey, generate])
}
