import { create } from 'zustand'

/** Runs quicker than this may regenerate on every edit; slower ones would queue up behind the typing. */
export const AUTO_RUN_MAX_MS = 1_000

/** Whether a run that took `wallMs` (null: none yet) is quick enough to regenerate on every edit. */
export function isFastRun(wallMs: number | null): boolean {
  return wallMs !== null && wallMs <= AUTO_RUN_MAX_MS
}

export interface LiveState {
  /** Regenerate on change: every valid edit starts a run after a short pause. */
  readonly autoRun: boolean
  setAutoRun(on: boolean): void
}

export const useLiveStore = create<LiveState>()((set) => ({
  autoRun: false,
  setAutoRun: (autoRun) => set({ autoRun }),
}))
