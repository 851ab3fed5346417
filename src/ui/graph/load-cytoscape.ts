import type cytoscape from 'cytoscape'
import type { ElementDefinition } from 'cytoscape'
import { graphStyle } from './graph-style.ts'

let loading: Promise<typeof cytoscape> | null = null

/**
 * Cytoscape is a third of the page's code and only the graph needs it, so it loads after first paint: on first use
 * or when the browser is idle. No fcose here: layouts run in the worker, the page only draws positions.
 */
export function loadCytoscape(): Promise<typeof cytoscape> {
  loading ??= import('cytoscape').then((m) => m.default)
  return loading
}

const idle = (fn: () => void) =>
  window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 3000 }) : window.setTimeout(fn, 1500)

/**
 * Loads cytoscape while the user reads the settings, then draws a small throwaway graph off screen: the first
 * frame cytoscape ever draws pays one-time costs (compiling its drawing code, building caches) that would
 * otherwise land in the middle of the first run's graph.
 */
export function preloadCytoscapeWhenIdle(): void {
  idle(() => {
    void loadCytoscape().then((cy) => idle(() => warmUp(cy)))
  })
}

function warmUp(create: typeof cytoscape): void {
  const host = document.createElement('div')
  host.setAttribute('aria-hidden', 'true')
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:480px;height:320px;pointer-events:none'
  document.body.append(host)
  const elements: ElementDefinition[] = []
  const types = ['person', 'company', 'account']
  for (let i = 0; i < 60; i++) {
    const member = i % 3 !== 0
    elements.push({
      group: 'nodes',
      data: {
        id: `w${i}`,
        badge: member ? 'role' : '',
        colour: member ? '#0072B2' : '#c4c9d1',
        kinds: [],
        patterns: [],
      },
      position: { x: (i % 10) * 40, y: Math.floor(i / 10) * 40 },
      classes: `n-${types[i % 3]} ${member ? 'member' : 'context'}`,
    })
  }
  for (let i = 0; i < 59; i++) {
    const member = i % 2 === 0
    elements.push({
      group: 'edges',
      data: { id: `we${i}`, source: `w${i}`, target: `w${i + 1}`, colour: '#0072B2', kinds: [], patterns: [] },
      classes: `e-transaction ${member ? 'member' : 'context'}`,
    })
  }
  const cy = create({ container: host, style: graphStyle, elements, layout: { name: 'preset' } })
  cy.one('render', () =>
    requestAnimationFrame(() => {
      cy.destroy()
      host.remove()
    }),
  )
}
