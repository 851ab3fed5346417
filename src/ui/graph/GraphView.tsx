import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Selection } from '../state/view-store.ts'
import {
  applyFilterChange,
  classifyElements,
  fitShown,
  fitViewport,
  MIN_ZOOM,
  withFilterClasses,
  type FilterState,
  type GraphFilter,
} from './graph-filter.ts'
import { graphStyle } from './graph-style.ts'
import { styleForZoom } from './label-scale.ts'
import { loadCytoscape } from './load-cytoscape.ts'

export const GRAPH_DRAWN_MARK = 'fincrime:graph-drawn'

/**
 * Elements go in a slice at a time, as many slices per frame as fit in a few milliseconds: cytoscape styles each added
 * element synchronously, so all at once would be a long task, while a fixed small slice per frame spends most of the
 * time redrawing the canvas between slices.
 */
const SLICE = 20
const FRAME_BUDGET_MS = 10

export interface Hover {
  readonly id: string
  readonly x: number
  readonly y: number
}

export interface Playhead {
  /** The ring's event edges in time order. */
  readonly order: readonly string[]
  readonly at: number
}

interface Props {
  readonly elements: readonly ElementDefinition[]
  readonly filter: GraphFilter
  readonly cyRef: RefObject<Core | null>
  readonly onSelect: (selection: Selection) => void
  readonly label: string
  /** Presentation mode: big always-on labels and nodes, and the canvas refits when its size changes. */
  readonly presenting: boolean
  /** The timeline's position in a ring's events: later events fade, the current one stands out. */
  readonly playhead: Playhead | null
  /** Pointer over a node (its id and on-screen centre), or off every node. */
  readonly onHover: (hover: Hover | null) => void
  /** Called once the canvas has painted the current elements. */
  readonly onDrawn: () => void
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Owns one cytoscape instance imperatively: React lays out the page, cytoscape owns the canvas. Elements arrive
 * with positions from the worker (the `preset` layout costs nothing here) and are added a chunk per frame with the
 * viewport already set, so the page never freezes while a graph appears.
 */
export function GraphView({ elements, filter, cyRef, onSelect, label, presenting, playhead, onHover, onDrawn }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const [ready, setReady] = useState(false)
  const [drawn, setDrawn] = useState(false)
  // Bumped when a filter changed while elements were still going in, to apply it once they are all there.
  const [filterTick, setFilterTick] = useState(0)
  const states = useRef<Map<string, FilterState>>(new Map())
  const loaded = useRef<readonly ElementDefinition[] | null>(null)
  const latest = useRef({ onSelect, onDrawn, onHover, filter })
  const wasPresenting = useRef(presenting)
  useLayoutEffect(() => {
    latest.current = { onSelect, onDrawn, onHover, filter }
  })

  useEffect(() => {
    let disposed = false
    void loadCytoscape().then((cytoscape) => {
      if (disposed || !container.current) return
      const cy = cytoscape({
        container: container.current,
        style: graphStyle,
        layout: { name: 'preset' },
        minZoom: MIN_ZOOM,
        maxZoom: 4,
        textureOnViewport: true,
        boxSelectionEnabled: false,
      })
      cy.on('tap', (event) => {
        const target = event.target as Core | { isNode(): boolean; id(): string }
        if (target === cy) latest.current.onSelect(null)
        else if ('isNode' in target)
          latest.current.onSelect({ group: target.isNode() ? 'node' : 'edge', id: target.id() })
      })
      cy.on('mouseover', 'node', (event) => {
        const node = event.target as NodeSingular
        const at = node.renderedPosition()
        latest.current.onHover({ id: node.id(), x: at.x, y: at.y })
      })
      cy.on('mouseout', 'node', () => latest.current.onHover(null))
      cy.on('viewport', () => latest.current.onHover(null))
      cyRef.current = cy
      setReady(true)
    })
    return () => {
      disposed = true
      cyRef.current?.destroy()
      cyRef.current = null
    }
  }, [cyRef])

  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy) return
    let current = true
    setDrawn(false)
    loaded.current = null
    const used = latest.current.filter
    const next = classifyElements(elements, used)
    const defs = withFilterClasses(elements, next)
    cy.elements().remove()
    cy.viewport(fitViewport(defs, next, cy.width(), cy.height()))
    void (async () => {
      for (let i = 0; i < defs.length;) {
        const started = performance.now()
        do {
          cy.add(defs.slice(i, i + SLICE))
          i += SLICE
        } while (i < defs.length && performance.now() - started < FRAME_BUDGET_MS)
        await nextFrame()
        if (!current) return
      }
      states.current = next
      loaded.current = elements
      cy.one('render', () => {
        if (!current) return
        performance.clearMarks(GRAPH_DRAWN_MARK)
        performance.mark(GRAPH_DRAWN_MARK)
        setDrawn(true)
        latest.current.onDrawn()
      })
      // A filter chosen while the chunks went in is applied now.
      if (latest.current.filter !== used) setFilterTick((n) => n + 1)
      cy.forceRender()
    })()
    return () => {
      current = false
    }
    // The filter is read through `latest` on purpose: a filter change must not reload the elements.
  }, [ready, elements, cyRef])

  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy || loaded.current !== elements) return
    const next = classifyElements(elements, filter)
    applyFilterChange(cy, states.current, next)
    states.current = next
    fitShown(cy)
  }, [ready, filter, elements, cyRef, filterTick])

  const focused = filter.patternId !== null
  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy) return
    let frame = 0
    let styledAt = -1
    const restyle = () => {
      frame = 0
      const zoom = cy.zoom()
      // Restyling touches every element; a few per cent of zoom does not change how a label reads.
      if (Math.abs(zoom - styledAt) / zoom < 0.03) return
      styledAt = zoom
      cy.style(styleForZoom(zoom, presenting, focused))
    }
    const schedule = () => {
      frame ||= requestAnimationFrame(restyle)
    }
    restyle()
    cy.on('zoom', schedule)
    // Entering or leaving presentation resizes the canvas; refit once the page has its new size.
    const changed = wasPresenting.current !== presenting
    wasPresenting.current = presenting
    const refit = changed
      ? requestAnimationFrame(() => {
          cy.resize()
          fitShown(cy)
        })
      : 0
    return () => {
      cy.off('zoom', schedule)
      cancelAnimationFrame(frame)
      cancelAnimationFrame(refit)
    }
  }, [ready, presenting, focused, cyRef])

  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy || !drawn || !playhead) return
    const touched = cy.collection()
    cy.batch(() => {
      playhead.order.forEach((id, i) => {
        const edge = cy.getElementById(id)
        if (edge.empty()) return
        touched.merge(edge)
        if (i > playhead.at) edge.addClass('future')
        else if (i === playhead.at) edge.addClass('now')
      })
    })
    return () => {
      cy.batch(() => touched.removeClass('future now'))
    }
  }, [ready, drawn, playhead, cyRef])

  return (
    <div
      ref={container}
      className="graph-canvas"
      role="img"
      aria-label={label}
      data-state={drawn ? 'drawn' : 'drawing'}
      // Cytoscape reports leaving a node only while the pointer is still over the canvas.
      onMouseLeave={() => onHover(null)}
    />
  )
}
