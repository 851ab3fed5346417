import { create } from 'zustand'

/** Runs quicker than this may regenerate on every edit; slower ones would queue up behind the typing. */
export const AUTO_RUN_MAX_MS = 1_000

export interface LiveState {
  /** Regenerate on change: every valid edit starts a run after a short pause. */
  readonly autoRun: boolean
  setAutoRun(on: boolean): void
}

export const useLiveStore = create<LiveState>()((set) => ({
  autoRun: false,
  setAutoRun: (autoRun) => set({ autoRun }),
}))
