import type { Core } from 'cytoscape'
import { useViewStore } from '../state/view-store.ts'

/**
 * A node found or picked from a list: shown (a focus or filter that hides it is lifted), selected in the details panel
 * and on the canvas, and centred.
 */
export function goToNode(cy: Core | null, id: string): void {
  const node = cy?.getElementById(id)
  if (!cy || !node || node.empty()) return
  const view = useViewStore.getState()
  if (node.hasClass('dim') || node.hasClass('hidden')) {
    view.setKind(null)
    if (node.hasClass('context')) view.setShowContext(true)
  }
  view.select({ group: 'node', id })
  cy.elements(':selected').unselect()
  node.select()
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 })
}
