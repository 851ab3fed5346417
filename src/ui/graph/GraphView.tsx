import type { CollectionReturnValue, Core, ElementDefinition, NodeSingular } from 'cytoscape'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
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
import { replaceQuietly } from './quiet-load.ts'

export const GRAPH_DRAWN_MARK = 'fincrime:graph-drawn'

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
  /** Expanded nodes' neighbours, drawn on top of `elements`; filters leave them alone, as the user asked for them. */
  readonly extra: readonly ElementDefinition[]
  /** A node double-clicked: expand it to its neighbours (or fold them away again). */
  readonly onExpand: (id: string, at: { x: number; y: number }) => void
}

/**
 * Owns one cytoscape instance imperatively: React lays out the page, cytoscape owns the canvas. Elements arrive
 * with positions from the worker (the `preset` layout costs nothing here) and are added a chunk per frame with the
 * viewport already set, so the page never freezes while a graph appears.
 */
export function GraphView({
  elements,
  filter,
  cyRef,
  onSelect,
  label,
  presenting,
  playhead,
  onHover,
  onDrawn,
  extra,
  onExpand,
}: Props) {
  const container = useRef<HTMLDivElement>(null)
  const [ready, setReady] = useState(false)
  const [drawn, setDrawn] = useState(false)
  // Bumped when a filter changed while elements were still going in, to apply it once they are all there.
  const [filterTick, setFilterTick] = useState(0)
  const states = useRef<Map<string, FilterState>>(new Map())
  const loaded = useRef<readonly ElementDefinition[] | null>(null)
  const latest = useRef({ onSelect, onDrawn, onHover, onExpand, filter })
  const extraOn = useRef<CollectionReturnValue | null>(null)
  const wasPresenting = useRef(presenting)
  const focused = filter.patternId !== null
  // The zoom the stylesheet was last sized for, and what it was sized for: restyling touches every element.
  const zoomStyle = useRef({ at: -1, presenting, focused })
  useLayoutEffect(() => {
    latest.current = { onSelect, onDrawn, onHover, onExpand, filter }
  })
  /** Resizes labels for the current zoom, unless a few per cent of zoom would not change how they read. */
  const restyle = useCallback(
    (cy: Core) => {
      const zoom = cy.zoom()
      const s = zoomStyle.current
      if (s.presenting === presenting && s.focused === focused && Math.abs(zoom - s.at) / zoom < 0.03) return
      zoomStyle.current = { at: zoom, presenting, focused }
      cy.style(styleForZoom(zoom, presenting, focused))
    },
    [presenting, focused],
  )
  const restyleRef = useRef(restyle)
  useLayoutEffect(() => {
    restyleRef.current = restyle
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
      cy.on('dbltap', 'node', (event) => {
        const node = event.target as NodeSingular
        latest.current.onExpand(node.id(), { ...node.position() })
      })
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
    const prepare = () => {
      cy.viewport(fitViewport(defs, next, cy.width(), cy.height()))
      // Sized for the final zoom while the canvas is empty, so the elements are styled once, as they go in.
      restyleRef.current(cy)
    }
    void (async () => {
      if (!(await replaceQuietly(cy, defs, () => current, prepare))) return
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
    fitShown(cy, filter.patternId !== null)
  }, [ready, filter, elements, cyRef, filterTick])

  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy) return
    let frame = 0
    const schedule = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0
        restyle(cy)
      })
    }
    restyle(cy)
    cy.on('zoom', schedule)
    // Entering or leaving presentation resizes the canvas; refit once the page has its new size.
    const changed = wasPresenting.current !== presenting
    wasPresenting.current = presenting
    const refit = changed
      ? requestAnimationFrame(() => {
          cy.resize()
          fitShown(cy, filter.patternId !== null)
        })
      : 0
    return () => {
      cy.off('zoom', schedule)
      cancelAnimationFrame(frame)
      cancelAnimationFrame(refit)
    }
  }, [ready, presenting, restyle, cyRef, filter.patternId])

  useEffect(() => {
    const cy = cyRef.current
    if (!ready || !cy || !drawn) return
    // A handful of elements: swapped in one batch (a reload of `elements` has removed them already).
    cy.batch(() => {
      extraOn.current?.remove()
      extraOn.current = extra.length > 0 ? cy.add(extra as ElementDefinition[]) : null
    })
  }, [ready, drawn, extra, cyRef])

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
