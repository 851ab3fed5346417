import { accountLaunderingSpec } from './specs/account-laundering.ts'
import { accountTakeoverSpec } from './specs/account-takeover.ts'
import { fraudRingSpec } from './specs/fraud-ring.ts'
import { insiderTradingSpec } from './specs/insider-trading.ts'
import { launderingChainSpec } from './specs/laundering-chain.ts'
import { launderingShapeSpec } from './specs/laundering-shape.ts'
import { muleChainSpec } from './specs/mule-chain.ts'
import { structuringSpec } from './specs/structuring.ts'
import { tbmlSpec } from './specs/tbml.ts'
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
  launderingShape: launderingShapeSpec,
  launderingChain: launderingChainSpec,
  accountLaundering: accountLaunderingSpec,
} as const satisfies Record<string, Pick<PatternSpec, 'kind' | 'label' | 'description' | 'params'>>

export type PatternKind = keyof typeof patternSpecs
