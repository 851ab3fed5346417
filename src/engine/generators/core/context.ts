import { countries, type Country } from '../../reference/countries.ts'
import type { SimClock } from '../../model/time.ts'
import { weighted, type Weighted } from '../../random/sampling.ts'
import type { Rng } from '../../random/rng.ts'

/** What core generators share: the window, the seed key for id codecs and stateless traits, and the weighted country table. */
export interface CoreContext {
  readonly clock: SimClock
  readonly seedKey: number
  readonly residence: Weighted<Country>
}

export function createCoreContext(clock: SimClock, seedKey: number): CoreContext {
  return {
    clock,
    seedKey,
    residence: weighted(
      countries,
      countries.map((c) => c.populationWeight),
    ),
  }
}

/** Picks from a list favouring its head (cities are listed biggest first): a Zipf-like draw. */
export function pickHeavyHead<T>(rng: Rng, items: readonly T[]): T {
  const u = rng.next()
  return items[Math.min(items.length - 1, Math.floor(items.length * u * u * u))]
}
