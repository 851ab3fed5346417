/**
 * One colour per pattern kind, in catalog order, shared by the settings and the graph so a kind looks the same
 * everywhere. Okabe–Ito based: distinguishable with the common colour-vision deficiencies and on a projector.
 */
const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#B8860B',
  '#56B4E9',
  '#7F3C8D',
  '#8C564B',
  '#E41A1C',
  '#4D4D4D',
]

export const CONTEXT_NODE = '#c4c9d1'
export const CONTEXT_EDGE = '#d9dde3'

export function kindColours(kinds: readonly string[]): Map<string, string> {
  return new Map(kinds.map((k, i) => [k, PALETTE[i % PALETTE.length]]))
}
