import { currencies } from '../../src/engine/reference/currencies.ts'

/** Cash reporting thresholds (major units) of the currencies that have one, from the engine's own reference data. */
export const THRESHOLDS: Readonly<Record<string, number>> = Object.fromEntries(
  currencies.flatMap((c) => (c.reportingThreshold === null ? [] : [[c.code, c.reportingThreshold]])),
)
