import { useCallback, useMemo, useState } from 'react'
import { engine } from '../../worker/client.ts'
import type { Expansion } from '../graph/graph-elements.ts'

/**
 * Nodes expanded to their counterparties in the full dataset, for the picture on screen: a new picture (another run,
 * another ring drawn alone) starts with none. Asking again for an expanded node removes its neighbours.
 */
export function useExpansions(runKey: string, picture: string) {
  const [state, setState] = useState<{ picture: string; map: ReadonlyMap<string, Expansion> }>({
    picture,
    map: new Map(),
  })
  const [error, setError] = useState<string | null>(null)
  const current = useMemo(
    () => (state.picture === picture ? state.map : new Map<string, Expansion>()),
    [state, picture],
  )

  const toggle = useCallback(
    async (id: string, at: { x: number; y: number }) => {
      setError(null)
      if (current.has(id)) {
        const map = new Map(current)
        map.delete(id)
        setState({ picture, map })
        return
      }
      try {
        const found = await engine.neighbours(runKey, id)
        if (!found) throw new Error('this run is no longer held by the engine; generate again')
        setState((s) => {
          const map = new Map(s.picture === picture ? s.map : [])
          map.set(id, { at, ...found })
          return { picture, map }
        })
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e))
      }
    },
    [current, picture, runKey],
  )
  return { expansions: current, toggle, error }
}
