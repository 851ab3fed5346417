import { accountTakeover } from './account-takeover.ts'
import { fraudRing } from './fraud-ring.ts'
import { insiderTrading } from './insider-trading.ts'
import { muleChain } from './mule-chain.ts'
import { structuring } from './structuring.ts'
import { tbml } from './tbml.ts'
import type { PatternKind } from './specs.ts'
import type { PatternDefinition } from './types.ts'

/** Every pattern kind. Adding one: a file, a line here and in specs.ts, a slot below, and its tests. Order is the injection order. */
export const patternRegistry = {
  structuring,
  fraudRing,
  muleChain,
  accountTakeover,
  insiderTrading,
  tbml,
} as const satisfies Record<string, Pick<PatternDefinition, 'kind' | 'label' | 'description' | 'params'>>

export type { PatternKind }

/**
 * Id stream slot per kind. Fixed forever (never renumber): instance i of a kind uses stream 1 + slot × 4096 + i,
 * so its rows' ids depend only on its own kind and index.
 */
export const patternSlots: Record<PatternKind, number> = {
  structuring: 0,
  fraudRing: 1,
  muleChain: 2,
  accountTakeover: 3,
  insiderTrading: 4,
  tbml: 5,
}

export const STREAMS_PER_KIND = 4096

export function patternStream(kind: PatternKind, index: number): number {
  return 1 + patternSlots[kind] * STREAMS_PER_KIND + index
}
