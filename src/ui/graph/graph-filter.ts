import type { Core, ElementDefinition } from 'cytoscape'

export interface GraphFilter {
  readonly kind: string | null
  readonly patternId: string | null
  readonly showContext: boolean
  readonly hiddenKinds: readonly string[]
}

export const MIN_ZOOM = 0.02

export type FilterState = 'show' | 'dim' | 'hidden'

function matches(data: ElementDefinition['data'], filter: GraphFilter): boolean {
  if (filter.patternId) return (data.patterns as string[]).includes(filter.patternId)
  if (filter.kind) return (data.kinds as string[]).includes(filter.kind)
  return true
}

/**
 * What the filter does to each element, computed on plain definitions so new elements arrive already styled and a
 * filter change touches only what changes (every class change makes cytoscape restyle the element).
 * Left-out elements are dimmed, not removed, so positions never move and the picture stays the one the audience
 * has been looking at.
 */
export function classifyElements(
  elements: readonly ElementDefinition[],
  filter: GraphFilter,
): Map<string, FilterState> {
  const states = new Map<string, FilterState>()
  const active = filter.kind !== null || filter.patternId !== null
  const off = (data: ElementDefinition['data']) => {
    const kinds = data.kinds as string[]
    return kinds.length > 0 && kinds.every((k) => filter.hiddenKinds.includes(k))
  }
  for (const el of elements) {
    const id = el.data.id as string
    const context = (el.classes as string).includes('context')
    if ((context && !filter.showContext) || off(el.data)) states.set(id, 'hidden')
    else if (!active) states.set(id, 'show')
    else if (el.group === 'nodes') states.set(id, matches(el.data, filter) ? 'show' : 'dim')
  }
  if (!active) return states
  for (const el of elements) {
    const id = el.data.id as string
    if (el.group !== 'edges' || states.get(id) === 'hidden') continue
    const member = (el.classes as string).includes('member')
    const ends = states.get(el.data.source as string) === 'show' && states.get(el.data.target as string) === 'show'
    states.set(id, (member ? matches(el.data, filter) : ends) ? 'show' : 'dim')
  }
  return states
}

/** Definitions carrying their filter class, for adding. */
export function withFilterClasses(
  elements: readonly ElementDefinition[],
  states: ReadonlyMap<string, FilterState>,
): ElementDefinition[] {
  return elements.map((el) => {
    const state = states.get(el.data.id as string)
    return state && state !== 'show' ? { ...el, classes: `${el.classes as string} ${state}` } : el
  })
}

/** Moves elements between shown, dimmed and hidden, touching only those whose state changed. */
export function applyFilterChange(
  cy: Core,
  previous: ReadonlyMap<string, FilterState>,
  next: ReadonlyMap<string, FilterState>,
): void {
  cy.batch(() => {
    for (const [id, state] of next) {
      if (previous.get(id) === state) continue
      const el = cy.getElementById(id)
      el.removeClass('dim hidden')
      if (state !== 'show') el.addClass(state)
    }
  })
}

/** The viewport that fits the shown nodes, computed from positions before anything is drawn. */
export function fitViewport(
  elements: readonly ElementDefinition[],
  states: ReadonlyMap<string, FilterState>,
  width: number,
  height: number,
  padding = 30,
) {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const el of elements) {
    if (el.group !== 'nodes' || states.get(el.data.id as string) !== 'show' || !el.position) continue
    minX = Math.min(minX, el.position.x)
    maxX = Math.max(maxX, el.position.x)
    minY = Math.min(minY, el.position.y)
    maxY = Math.max(maxY, el.position.y)
  }
  if (!Number.isFinite(minX)) return { zoom: 1, pan: { x: width / 2, y: height / 2 } }
  // Never below the canvas's own minimum zoom, which would make cytoscape refuse the whole viewport.
  const zoom = Math.max(
    MIN_ZOOM,
    Math.min(2, (width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY)),
  )
  return { zoom, pan: { x: width / 2 - (zoom * (minX + maxX)) / 2, y: height / 2 - (zoom * (minY + maxY)) / 2 } }
}

/** How far from the focused ring's centre (graph units) the fit reaches: its cell, less the gap to the next one. */
const FOCUS_REACH = 350

/**
 * Fits what the filter shows (dimmed elements are visible to cytoscape but not part of the picture). With one ring
 * focused, it fits the ring where it is drawn: a member it shares with another ring is drawn in that ring's cell,
 * and fitting it too would shrink the focused ring to a speck at one end of a long edge.
 */
export function fitShown(cy: Core, focusedRing = false): void {
  const shown = cy.elements(':visible').not('.dim')
  if (!focusedRing) {
    cy.fit(shown, 30)
    return
  }
  const nodes = shown.nodes()
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? 0
  const mx = median(nodes.map((n) => n.position('x')))
  const my = median(nodes.map((n) => n.position('y')))
  const near = nodes.filter(
    (n) => Math.abs(n.position('x') - mx) <= FOCUS_REACH && Math.abs(n.position('y') - my) <= FOCUS_REACH,
  )
  cy.fit(near.length > 0 ? near : shown, 30)
}
