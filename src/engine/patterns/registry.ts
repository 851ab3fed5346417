import { accountLaundering } from './account-laundering.ts'
import { accountTakeover } from './account-takeover.ts'
import { fraudRing } from './fraud-ring.ts'
import { insiderTrading } from './insider-trading.ts'
import { launderingChain } from './laundering-chain.ts'
import { launderingShape } from './laundering-shape.ts'
import { muleChain } from './mule-chain.ts'
import { structuring } from './structuring.ts'
import { tbml } from './tbml.ts'
import type { PatternKind } from './specs.ts'
import type { AnyPattern } from './types.ts'

/**
 * Every built-in pattern kind with its injector, in injection order. Adding a kind: its spec file (specs/<kind>.ts,
 * a line in specs.ts), its injector file, a line here, and its tests; the compiler checks the two lists agree.
 */
export const patternRegistry = {
  structuring,
  fraudRing,
  muleChain,
  accountTakeover,
  insiderTrading,
  tbml,
  launderingShape,
  launderingChain,
  accountLaundering,
} as const satisfies Record<PatternKind, AnyPattern>

export type { PatternKind }

export const STREAMS_PER_KIND = 4096
/** Ids number (stream, index) in 48 bits with a 16-bit stream: 1 + slot × 4096 + i stays below 65,536. */
export const MAX_SLOT = 15

/** A kind's look-alike instances use its slot from this index up (its suspicious instances stay below). */
export const LOOKALIKE_BASE = 1024

export function patternStream(slot: number, index: number): number {
  return 1 + slot * STREAMS_PER_KIND + index
}
