import type { PatternKind } from '../specs.ts'
import type { AnyLookalike } from '../types.ts'
import { businessShapeLookalike } from './business-shape.ts'
import { cashBusiness } from './cash-business.ts'
import { householdLookalike } from './household.ts'
import { importerLookalike } from './importer.ts'
import { lifeEventLookalike } from './life-events.ts'
import { passThroughLookalike } from './pass-through.ts'
import { plannedTradesLookalike } from './planned-trades.ts'
import { retailGroupLookalike } from './retail-group.ts'
import { travellerLookalike } from './traveller.ts'

/**
 * The built-in benign look-alikes, keyed by the kind each resembles (one per kind). Adding one: a file in this
 * folder (`defineLookalike(resembledSpec, { … })`), a line here, and its test.
 */
export const lookalikeRegistry: Partial<Record<PatternKind, AnyLookalike>> = {
  structuring: cashBusiness as AnyLookalike,
  fraudRing: householdLookalike as AnyLookalike,
  muleChain: passThroughLookalike as AnyLookalike,
  accountTakeover: travellerLookalike as AnyLookalike,
  insiderTrading: plannedTradesLookalike as AnyLookalike,
  tbml: importerLookalike as AnyLookalike,
  launderingShape: businessShapeLookalike as AnyLookalike,
  launderingChain: retailGroupLookalike as AnyLookalike,
  accountLaundering: lifeEventLookalike as AnyLookalike,
}
