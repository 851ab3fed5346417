import type { StylesheetJson } from 'cytoscape'
import { graphStyle } from './graph-style.ts'

/** Role labels on screen, in CSS pixels: readable at a desk, and from the back of a room when presenting. */
export const LABEL_PX = { desk: 12, present: 18 } as const
/** At a desk, labels give way to the shape of the rings below this zoom. */
const DESK_LABELS_FROM_ZOOM = 0.45
/**
 * Presenting an overview of every ring, 18 px labels overlap into noise below this zoom (rings sit a cell apart);
 * a focused ring keeps its labels at any zoom, since that is what the room reads.
 */
const OVERVIEW_LABELS_FROM_ZOOM = 0.9
/** Smallest member node on screen when presenting, in CSS pixels. */
const PRESENT_NODE_PX = 16

/**
 * The stylesheet for a zoom level. Cytoscape sizes text in graph units, so a fixed font size shrinks to nothing on
 * an overview; dividing by the zoom keeps role labels the same size on screen at every zoom.
 */
export function styleForZoom(zoom: number, presenting: boolean, focused: boolean): StylesheetJson {
  const z = Math.max(zoom, 0.01)
  const px = presenting ? LABEL_PX.present : LABEL_PX.desk
  const labelsOn = presenting ? focused || z >= OVERVIEW_LABELS_FROM_ZOOM : z >= DESK_LABELS_FROM_ZOOM
  const rules: StylesheetJson = [
    {
      selector: 'node.member',
      style: {
        'font-size': px / z,
        'text-margin-y': 3 / z,
        'text-background-padding': `${2 / z}px`,
        // Off means no label at all: a transparent one would still be measured and laid out on every frame.
        label: labelsOn ? 'data(badge)' : '',
        'text-background-opacity': 0.88,
        'min-zoomed-font-size': 0,
        'font-weight': presenting ? 600 : 'normal',
      },
    },
  ]
  if (presenting) {
    const size = Math.max(26, PRESENT_NODE_PX / z)
    rules.push({ selector: 'node.member', style: { width: size, height: size } })
    rules.push({ selector: 'node.context', style: { width: size / 2, height: size / 2 } })
  }
  // Dimming must still win over the label rules, so it goes last again.
  return [...graphStyle, ...rules, ...graphStyle.filter((r) => r.selector === '.dim' || r.selector === '.hidden')]
}
