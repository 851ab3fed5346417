import { cycles } from './cycles.ts'
import { fanInThenOut } from './fan-in-then-out.ts'
import { fanOut } from './fan-out.ts'
import { nearThresholdCash } from './near-threshold-cash.ts'
import { newDevicePayout } from './new-device-payout.ts'
import { officerTrades, preAnnouncementTrades } from './officer-trades.ts'
import { rapidPassThrough } from './rapid-pass-through.ts'
import type { Rule, RuleContext } from './rule.ts'
import { scatterGather } from './scatter-gather.ts'
import { unitPriceOutliers } from './unit-price-outliers.ts'

/** The classic rules an analyst writes first, in report order; each file holds one. */
export function rulePack(ctx: RuleContext): Rule[] {
  return [
    nearThresholdCash(ctx),
    fanInThenOut(ctx),
    cycles(ctx),
    fanOut(ctx),
    scatterGather(ctx),
    rapidPassThrough(ctx),
    newDevicePayout(ctx),
    officerTrades(),
    preAnnouncementTrades(),
    unitPriceOutliers(),
  ]
}
