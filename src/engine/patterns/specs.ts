import { accountTakeoverSpec } from './account-takeover.ts'
import { fraudRingSpec } from './fraud-ring.ts'
import { insiderTradingSpec } from './insider-trading.ts'
import { muleChainSpec } from './mule-chain.ts'
import { structuringSpec } from './structuring.ts'
import { tbmlSpec } from './tbml.ts'
import type { PatternSpec } from './types.ts'

/**
 * Every pattern kind's spec (texts, parameters, validator), in registry order. Configuration reads this, not
 * `registry.ts`, so the page's validator does not bundle the injectors (the bundler drops what is unused).
 */
export const patternSpecs = {
  structuring: structuringSpec,
  fraudRing: fraudRingSpec,
  muleChain: muleChainSpec,
  accountTakeover: accountTakeoverSpec,
  insiderTrading: insiderTradingSpec,
  tbml: tbmlSpec,
} as const satisfies Record<string, Pick<PatternSpec, 'kind' | 'label' | 'description' | 'params'>>

export type PatternKind = keyof typeof patternSpecs
