import type { StylesheetJson } from 'cytoscape'

/**
 * Shape says what an entity is (person ●, company ⬢, account ■); colour says which pattern kind it belongs to;
 * the badge under a member names its role. Labels appear only when zoomed in far enough to read them, which also
 * keeps drawing cheap at overview zoom.
 */
export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 18,
      height: 18,
      'background-color': 'data(colour)',
      'border-width': 1.5,
      'border-color': '#ffffff',
    },
  },
  {
    // Only members carry a badge: text properties on every node would be applied (and checked) for nothing.
    selector: 'node.member',
    style: {
      label: 'data(badge)',
      'font-size': 9,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.n-person', style: { shape: 'ellipse' } },
  { selector: 'node.n-company', style: { shape: 'hexagon', width: 22, height: 20 } },
  { selector: 'node.n-account', style: { shape: 'round-rectangle', width: 14, height: 14 } },
  { selector: 'node.context', style: { width: 9, height: 9, 'border-width': 0 } },
  { selector: 'node.expanded', style: { width: 12, height: 12, 'border-width': 2, 'border-color': '#4b5563' } },
  { selector: 'node.multi', style: { 'border-width': 3, 'border-color': '#111827' } },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': 'data(colour)',
      // Straight lines: repeated flows between the same two nodes (twenty deposits) draw as one line instead of a
      // fan of loops, and they cost a fraction of bezier curves to draw.
      'curve-style': 'straight',
      'target-arrow-shape': 'none',
      opacity: 0.9,
    },
  },
  { selector: 'edge.context', style: { width: 0.8, 'curve-style': 'haystack', opacity: 0.8 } },
  {
    selector: 'edge.member.e-transaction, edge.member.e-trade, edge.member.e-document',
    style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.7, width: 1.8 },
  },
  { selector: 'edge.e-communication', style: { 'line-style': 'dashed' } },
  { selector: 'edge.e-shared_attribute', style: { 'line-style': 'dotted', width: 2 } },
  { selector: 'edge.e-access', style: { 'line-style': 'dotted' } },
  {
    selector: 'edge.e-ownership',
    style: {
      'line-style': 'solid',
      'target-arrow-shape': 'tee',
      'target-arrow-color': 'data(colour)',
      'arrow-scale': 0.6,
    },
  },
  { selector: 'edge.e-holds', style: { width: 1 } },
  { selector: 'edge.future', style: { opacity: 0.12 } },
  {
    selector: 'edge.now',
    style: { width: 6, 'line-color': '#111827', 'target-arrow-color': '#111827', opacity: 1, 'z-index': 10 },
  },
  { selector: '.dim', style: { opacity: 0.08, label: '', events: 'no' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111827', 'overlay-opacity': 0 } },
  {
    selector: 'edge:selected',
    style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827', opacity: 1 },
  },
]
