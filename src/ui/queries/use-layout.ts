import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { engine, type GraphLayout, type RunSummary } from '../../worker/client.ts'

export interface LaidOutRun {
  readonly seq: number
  readonly summary: RunSummary
  readonly layout: GraphLayout | null
}

/**
 * Graph positions for a run, computed in the worker. The answer carries the run it belongs to, and the previous
 * answer stays up while the next is computed, so the picture on screen always matches the run it was made for.
 */
export function useLayout(summary: RunSummary, seq: number) {
  return useQuery({
    queryKey: ['layout', summary.runKey, seq],
    queryFn: async (): Promise<LaidOutRun> => ({
      seq,
      summary,
      layout: summary.graph ? await engine.layoutGraph(summary.runKey) : null,
    }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  })
}
