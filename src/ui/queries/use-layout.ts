import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { engine, type GraphLayout, type RunSummary } from '../../worker/client.ts'

export interface LaidOutRun {
  readonly seq: number
  readonly summary: RunSummary
  readonly layout: GraphLayout | null
  /** Set when the picture is one instance the capped overview leaves out, drawn on its own. */
  readonly alone: string | null
}

/**
 * Graph positions for a run, computed in the worker. The answer carries the run it belongs to, and the previous
 * answer stays up while the next is computed, so the picture on screen always matches the run it was made for.
 */
export function useLayout(summary: RunSummary, seq: number, focus: string | null) {
  const alone = focus && summary.graphPatterns && !summary.graphPatterns.includes(focus) ? focus : null
  return useQuery({
    queryKey: ['layout', summary.runKey, seq, alone],
    queryFn: async (): Promise<LaidOutRun> => {
      if (!summary.graph) return { seq, summary, layout: null, alone: null }
      if (!alone) return { seq, summary, layout: await engine.layoutGraph(summary.runKey), alone }
      const ring = await engine.ringGraph(summary.runKey, alone)
      if (!ring) throw new Error(`${alone} is not part of this run`)
      return { seq, summary: { ...summary, graph: ring.graph }, layout: ring.layout, alone }
    },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  })
}
