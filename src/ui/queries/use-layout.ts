import { useQuery } from '@tanstack/react-query'
import { engine } from '../../worker/client.ts'

/** Graph positions for a run, computed in the worker; keyed by run so going back to a run is instant. */
export function useLayout(runKey: string | null) {
  return useQuery({
    queryKey: ['layout', runKey],
    queryFn: () => engine.layoutGraph(runKey as string),
    enabled: runKey !== null,
    staleTime: Infinity,
    retry: false,
  })
}
