import { useQuery } from '@tanstack/react-query'
import { engine } from '../../worker/client.ts'

/** Events per day or week of a run, counted in the worker from the CSV it holds; asked for once per run. */
export function useActivity(runKey: string) {
  return useQuery({
    queryKey: ['activity', runKey],
    queryFn: () => engine.activity(runKey),
    staleTime: Infinity,
    retry: false,
  })
}
