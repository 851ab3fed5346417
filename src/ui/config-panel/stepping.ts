/**
 * The next value of a count when stepped with the arrow keys or the − / + buttons: about a tenth of its size on a
 * 1-10-100 scale (10,000 → 11,000, 150 → 160, 7 → 8), snapped to that step, clamped to the field's bounds. Going down
 * uses the scale of the value just below, so up then down returns where it started. `big` (Shift, Page Up/Down)
 * steps ten times as far.
 */
export function stepCount(value: number, direction: 1 | -1, min: number, max: number, big = false): number {
  const from = Number.isFinite(value) ? Math.round(value) : min
  const basis = Math.max(1, direction > 0 ? from : from - 1)
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(basis)) - 1)) * (big ? 10 : 1)
  const next = direction > 0 ? Math.floor(from / step) * step + step : Math.ceil(from / step) * step - step
  return Math.min(max, Math.max(min, next))
}
