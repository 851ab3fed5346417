/** Spring length between linked ring members, in graph units (a node is 18 wide). */
const SPRING = 64
const ITERATIONS = 220

/** FNV-1a: a node's starting point comes from its id, so the same ring always starts, and ends, in the same shape. */
export function hashText(text: string): number {
  let h = 2_166_136_261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619)
  return h >>> 0
}

const unit = (id: string, salt: string) => hashText(salt + id) / 4_294_967_296

/**
 * A small deterministic force-directed layout (Fruchterman–Reingold with a fixed cooling schedule) for one ring,
 * centred on (0, 0) and scaled to fit `maxRadius`. No randomness: starting points are hashed from the ids, and the
 * ids are sorted first, so the result depends only on the ring's own nodes and links.
 */
export function relaxRing(
  nodeIds: readonly string[],
  links: readonly (readonly [string, string])[],
  maxRadius: number,
): Map<string, readonly [number, number]> {
  const ids = [...nodeIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const n = ids.length
  const index = new Map(ids.map((id, i) => [id, i]))
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const start = SPRING * Math.sqrt(n)
  ids.forEach((id, i) => {
    const angle = unit(id, 'a') * 2 * Math.PI
    const r = start * (0.3 + 0.7 * unit(id, 'r'))
    x[i] = r * Math.cos(angle)
    y[i] = r * Math.sin(angle)
  })
  const springs = links.flatMap(([a, b]) => {
    const i = index.get(a)
    const j = index.get(b)
    return i === undefined || j === undefined ? [] : [[i, j] as const]
  })
  const dx = new Float64Array(n)
  const dy = new Float64Array(n)
  const k2 = SPRING * SPRING
  for (let step = 0; step < ITERATIONS && n > 1; step++) {
    dx.fill(0)
    dy.fill(0)
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = x[i] - x[j]
        let ey = y[i] - y[j]
        let d2 = ex * ex + ey * ey
        if (d2 < 0.01) {
          ex = 0.1 * (i - j)
          ey = 0.1
          d2 = ex * ex + ey * ey
        }
        const f = k2 / d2
        dx[i] += ex * f
        dy[i] += ey * f
        dx[j] -= ex * f
        dy[j] -= ey * f
      }
    }
    for (const [i, j] of springs) {
      const ex = x[i] - x[j]
      const ey = y[i] - y[j]
      const f = Math.sqrt(ex * ex + ey * ey) / SPRING
      dx[i] -= ex * f
      dy[i] -= ey * f
      dx[j] += ex * f
      dy[j] += ey * f
    }
    // A gentle pull to the centre keeps unlinked members (a ring's loose persons) from drifting off.
    const temperature = (start * (ITERATIONS - step)) / ITERATIONS / 4 + 1
    for (let i = 0; i < n; i++) {
      dx[i] -= x[i] * 0.06
      dy[i] -= y[i] * 0.06
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
      if (len === 0) continue
      const move = Math.min(len, temperature) / len
      x[i] += dx[i] * move
      y[i] += dy[i] * move
    }
  }
  return centreAndFit(ids, x, y, maxRadius)
}

function centreAndFit(
  ids: readonly string[],
  x: Float64Array,
  y: Float64Array,
  maxRadius: number,
): Map<string, readonly [number, number]> {
  const n = ids.length
  let cx = 0
  let cy = 0
  for (let i = 0; i < n; i++) {
    cx += x[i] / n
    cy += y[i] / n
  }
  let radius = 0
  for (let i = 0; i < n; i++) radius = Math.max(radius, Math.hypot(x[i] - cx, y[i] - cy))
  const scale = radius > maxRadius ? maxRadius / radius : 1
  const out = new Map<string, readonly [number, number]>()
  ids.forEach((id, i) => out.set(id, [round((x[i] - cx) * scale), round((y[i] - cy) * scale)]))
  return out
}

/** Whole hundredths: positions print and compare the same everywhere. */
const round = (v: number) => Math.round(v * 100) / 100

/**
 * Where the k-th background neighbour of a placed node goes: just outside it, on the side away from its ring's
 * centre, fanned out so several neighbours of one node do not stack.
 */
export function placeAround(
  at: readonly [number, number],
  centre: { readonly x: number; readonly y: number },
  id: string,
  k: number,
): readonly [number, number] {
  const ox = at[0] - centre.x
  const oy = at[1] - centre.y
  const base = Math.hypot(ox, oy) < 1 ? unit(id, 'c') * 2 * Math.PI : Math.atan2(oy, ox)
  const angle = base + ((k % 7) - 3) * 0.34
  const distance = 46 + 28 * Math.floor(k / 7)
  return [round(at[0] + distance * Math.cos(angle)), round(at[1] + distance * Math.sin(angle))]
}
