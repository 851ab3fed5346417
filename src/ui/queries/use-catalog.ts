import { useQuery } from '@tanstack/react-query'
import { engine } from '../../worker/client.ts'

/** The engine's descriptors (settings, patterns, data dictionary); they never change while the page is open. */
export function useCatalog() {
  return useQuery({
    queryKey: ['catalog'],
    queryFn: () => engine.describeCatalog(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
  })
}
