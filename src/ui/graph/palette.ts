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

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * The kind's colour darkened just enough for white text on it to reach 4.5:1 (WCAG AA), for chips with a label.
 * The graph keeps the brighter colour, where it marks shapes rather than carrying text.
 */
export function chipColour(hex: string): string {
  let [r, g, b] = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16))
  let out = hex
  for (let step = 0; step < 40 && contrast(out, '#ffffff') < 4.5; step++) {
    ;[r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.94))
    out = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`
  }
  return out
}

export function kindChipColours(kinds: readonly string[]): Map<string, string> {
  return new Map([...kindColours(kinds)].map(([k, c]) => [k, chipColour(c)]))
}
