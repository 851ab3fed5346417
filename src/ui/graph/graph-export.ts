import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'

export interface SlideText {
  readonly title: string
  readonly subtitle: string
  /** The focused instance's narrative, or a line on what the picture shows. */
  readonly caption: string
  readonly legend: readonly { readonly label: string; readonly colour: string }[]
}

const W = 1600
const GRAPH_H = 860
const TOP = 96
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif'

const esc = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** Splits text into lines of at most `width` characters at spaces; a narrative is one or two sentences. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

function shapeOf(n: NodeSingular, x: number, y: number, r: number, fill: string): string {
  const stroke = n.hasClass('multi') ? ' stroke="#111827" stroke-width="2.5"' : ' stroke="#ffffff" stroke-width="1.5"'
  if (n.hasClass('n-account'))
    return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" rx="${r / 3}" fill="${fill}"${stroke}/>`
  if (n.hasClass('n-company')) {
    const pts = [0, 1, 2, 3, 4, 5].map((i) => {
      const a = (Math.PI / 3) * i
      return `${(x + r * 1.15 * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`
    })
    return `<polygon points="${pts.join(' ')}" fill="${fill}"${stroke}/>`
  }
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"${stroke}/>`
}

const dash = (classes: string) =>
  classes.includes('e-communication')
    ? ' stroke-dasharray="6 4"'
    : /e-(shared_attribute|access)/.test(classes)
      ? ' stroke-dasharray="2 3"'
      : ''

/**
 * The shown part of the graph as a standalone SVG slide: title, the rings with their role labels, a legend and the
 * narrative. Drawn from the cytoscape model, so it is the whole picture at slide size, not a screenshot of the canvas.
 */
export function slideSvg(cy: Core, text: SlideText): string {
  const nodes = cy.nodes(':visible').not('.dim').nodes()
  const box = nodes.boundingBox({ includeLabels: false })
  const scale = Math.min(3, (W - 80) / Math.max(1, box.w), (GRAPH_H - 60) / Math.max(1, box.h))
  const ox = (W - box.w * scale) / 2 - box.x1 * scale
  const oy = TOP + (GRAPH_H - box.h * scale) / 2 - box.y1 * scale
  const px = (n: NodeSingular) => [
    +(n.position('x') * scale + ox).toFixed(1),
    +(n.position('y') * scale + oy).toFixed(1),
  ]
  const shown = new Set(nodes.map((n) => n.id()))
  const edges = cy
    .edges(':visible')
    .not('.dim')
    .edges()
    .filter((e) => shown.has(e.source().id()) && shown.has(e.target().id()))
    .map((el) => {
      const e = el as EdgeSingular
      const [x1, y1] = px(e.source())
      const [x2, y2] = px(e.target())
      const member = e.hasClass('member')
      const colour = String(e.data('colour'))
      return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="${member ? 2.2 : 1}"${dash(String(e.classes()))} opacity="${member ? 0.95 : 0.7}"/>`
    })
  const marks = nodes.map((n) => {
    const [x, y] = px(n)
    const member = n.hasClass('member')
    const badge = String(n.data('badge') ?? '')
    const shape = shapeOf(n, x, y, member ? 11 : 5, String(n.data('colour')))
    return member && badge
      ? `${shape}<text x="${x}" y="${y + 28}" text-anchor="middle" font-size="15" font-weight="600" fill="#1f2937" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(badge)}</text>`
      : shape
  })
  const captionLines = wrap(text.caption, 128).slice(0, 3)
  const legendY = TOP + GRAPH_H + 24
  let lx = 40
  const legend = text.legend.map((k) => {
    const item = `<circle cx="${lx + 8}" cy="${legendY}" r="8" fill="${k.colour}"/><text x="${lx + 22}" y="${legendY + 6}" font-size="17" fill="#1f2937">${esc(k.label)}</text>`
    lx += 40 + k.label.length * 9
    return item
  })
  const captionY = legendY + 44
  const height = captionY + captionLines.length * 28 + 24
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="52" font-size="32" font-weight="700" fill="#12355b">${esc(text.title)}</text>`,
    `<text x="40" y="82" font-size="18" fill="#525e70">${esc(text.subtitle)}</text>`,
    `<g>${edges.join('')}</g><g>${marks.join('')}</g>`,
    `<line x1="40" y1="${TOP + GRAPH_H}" x2="${W - 40}" y2="${TOP + GRAPH_H}" stroke="#d5dbe3"/>`,
    legend.join(''),
    ...captionLines.map(
      (line, i) => `<text x="40" y="${captionY + i * 28}" font-size="21" fill="#152033">${esc(line)}</text>`,
    ),
    `</svg>`,
  ].join('\n')
}

/** The same slide as a PNG at twice its size: the SVG drawn onto a canvas, so both exports show one picture. */
export async function slidePng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width * 2
    canvas.height = image.height * 2
    const context = canvas.getContext('2d')
    if (!context) throw new Error('this browser cannot draw a PNG (no 2D canvas)')
    context.scale(2, 2)
    context.drawImage(image, 0, 0)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
