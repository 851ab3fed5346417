import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { engine } from '../../worker/client.ts'

/** Thumbnails for one gallery page, from the worker's copy of the whole graph; a page seen before comes back at once. */
export function useRingThumbs(runKey: string, ids: readonly string[]) {
  return useQuery({
    queryKey: ['ring-thumbs', runKey, ids],
    queryFn: async () => new Map(((await engine.ringThumbs(runKey, ids)) ?? []).map((t) => [t.id, t])),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  })
}
