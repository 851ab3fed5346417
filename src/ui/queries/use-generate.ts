import { useMutation } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import type { ResolvedConfig } from '../../engine/index.ts'
import { engine, isAbortError } from '../../worker/client.ts'
import { useRunStore } from '../state/run-store.ts'
import { useViewStore } from '../state/view-store.ts'

export const GENERATE_MARK = 'fincrime:generate'

/**
 * Runs the engine in the worker. Starting a run while one is going cancels the old one; only the newest run may
 * write to the store, so a late "cancelled" from a superseded run never hides the running one.
 */
export function useGenerate() {
  const current = useRef<{ token: number; controller: AbortController } | null>(null)
  const counter = useRef(0)

  const mutation = useMutation({
    mutationKey: ['generate'],
    mutationFn: async (config: ResolvedConfig) => {
      current.current?.controller.abort()
      const token = ++counter.current
      const controller = new AbortController()
      current.current = { token, controller }
      const isCurrent = () => current.current?.token === token
      performance.clearMarks(GENERATE_MARK)
      performance.mark(GENERATE_MARK)
      const started = performance.now()
      useRunStore.setState({ status: 'running', progress: null, error: null, issues: [], startedAt: started })
      try {
        const response = await engine.generate(
          config,
          (progress) => isCurrent() && useRunStore.setState({ progress: { ...progress, at: performance.now() } }),
          controller.signal,
        )
        if (!isCurrent()) return
        const wallMs = performance.now() - started
        if (response.ok) {
          useViewStore.getState().resetForRun(response.summary.patterns)
          useRunStore.setState((s) => ({
            status: 'done',
            summary: response.summary,
            seq: s.seq + 1,
            wallMs,
            progress: null,
          }))
        } else useRunStore.setState({ status: 'rejected', issues: response.issues, progress: null })
      } catch (error) {
        if (!isCurrent()) return
        if (isAbortError(error)) useRunStore.setState({ status: 'cancelled', progress: null })
        else
          useRunStore.setState({
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
            progress: null,
          })
      } finally {
        if (isCurrent()) current.current = null
      }
    },
  })

  const { mutate } = mutation
  const generate = useCallback((config: ResolvedConfig) => mutate(config), [mutate])
  const cancel = useCallback(() => current.current?.controller.abort(), [])
  return { generate, cancel }
}
