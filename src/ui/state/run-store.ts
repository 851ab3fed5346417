import { create } from 'zustand'
import type { ConfigIssue, Progress } from '../../engine/index.ts'
import type { RunSummary } from '../../worker/client.ts'

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'rejected'

export interface RunState {
  readonly status: RunStatus
  /** The latest progress, with the page time it arrived (for the remaining-time estimate). */
  readonly progress: (Progress & { readonly at: number }) | null
  /** Page time the running run started. */
  readonly startedAt: number | null
  /** The last run that completed; kept while a new one runs or after a cancel, so the page never goes blank. */
  readonly summary: RunSummary | null
  /** Counts completed runs; the same config run twice gives the same runKey, so views tell runs apart by this. */
  readonly seq: number
  readonly error: string | null
  /** Issues the worker found (it re-validates every config). */
  readonly issues: readonly ConfigIssue[]
  /** Wall time from click to summary, as the user felt it. */
  readonly wallMs: number | null
}

export const useRunStore = create<RunState>()(() => ({
  status: 'idle',
  progress: null,
  startedAt: null,
  summary: null,
  seq: 0,
  error: null,
  issues: [],
  wallMs: null,
}))
