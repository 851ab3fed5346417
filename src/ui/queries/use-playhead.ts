import { useCallback, useMemo, useState } from 'react'
import type { GraphIndex } from '../graph/graph-elements.ts'
import { ringTimeline } from '../graph/timeline-events.ts'

/** The focused ring's events in time order and the timeline's position in them; another ring starts from "all shown". */
export function usePlayhead(index: GraphIndex | undefined, patternId: string | null) {
  const [play, setPlay] = useState<{ patternId: string | null; at: number | null }>({ patternId: null, at: null })
  const at = play.patternId === patternId ? play.at : null
  const events = useMemo(
    () => (index && patternId ? ringTimeline(index.edges.values(), patternId) : []),
    [index, patternId],
  )
  const playhead = useMemo(() => (at === null ? null : { order: events.map((e) => e.edgeId), at }), [events, at])
  const onAt = useCallback((next: number | null) => setPlay({ patternId, at: next }), [patternId])
  return { events, at, playhead, onAt }
}
