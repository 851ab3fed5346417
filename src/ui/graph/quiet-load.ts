import type { Core, ElementDefinition } from 'cytoscape'

/**
 * Cytoscape calls the quiet load needs that its typings leave out (present in 3.34: `Core#notifications`,
 * `Core#notify`, the canvas renderer's `flushRenderedStyleQueue`). Checked at run time, so a cytoscape that lacks
 * them degrades to plain adds instead of failing.
 */
interface QuietCore {
  notifications(on: boolean): void
  notify(event: string): void
  renderer(): { flushRenderedStyleQueue?: () => void } | null
}

function quietApi(cy: Core): QuietCore | null {
  const q = cy as unknown as Partial<QuietCore>
  const renderer = typeof q.renderer === 'function' ? q.renderer() : null
  const ok =
    typeof q.notifications === 'function' &&
    typeof q.notify === 'function' &&
    typeof renderer?.flushRenderedStyleQueue === 'function'
  return ok ? (q as QuietCore) : null
}

/** Elements per `cy.add`: small enough that a slice's styling stays a few milliseconds on a slow machine. */
const SLICE = 25
/** Main-thread time one frame may spend adding and styling, leaving the rest of the frame to the browser. */
const FRAME_BUDGET_MS = 8

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Replaces the canvas's elements, adding a few slices per frame without letting cytoscape draw in between. Left alone, cytoscape styles
 * new elements lazily inside its next frame and redraws the whole canvas every frame while they go in, so the cost
 * of styling everything lands in one or two long frames. Here the renderer is told nothing until the end; each
 * slice is styled (and its rendered geometry and box computed) right after it is added, inside this loop's frame budget,
 * and the finished graph is drawn once. Returns false when `isCurrent` turned false (a newer load owns the canvas).
 */
export async function replaceQuietly(
  cy: Core,
  defs: readonly ElementDefinition[],
  isCurrent: () => boolean,
  /** Runs on the emptied canvas before anything is added (set the viewport and the zoom's stylesheet there). */
  prepare: () => void,
): Promise<boolean> {
  const quiet = quietApi(cy)
  quiet?.notifications(false)
  cy.elements().remove()
  prepare()
  for (let i = 0; i < defs.length;) {
    const started = performance.now()
    do {
      const added = cy.add(defs.slice(i, i + SLICE) as ElementDefinition[])
      quiet?.renderer()?.flushRenderedStyleQueue?.()
      // The renderer culls and draws by each element's box (label included), measured once and cached.
      added.forEach((el) => void el.boundingBox())
      i += SLICE
    } while (i < defs.length && performance.now() - started < FRAME_BUDGET_MS)
    if (i >= defs.length) break
    await nextFrame()
    // A newer load has taken over the canvas (and its notification switch); leave both to it.
    if (!isCurrent()) return false
  }
  if (quiet) {
    quiet.notifications(true)
    // One 'add' notice: the renderer drops its cached draw order and draws the finished graph in one frame.
    quiet.notify('add')
  }
  return true
}
