import type { DifficultyKnobs } from '../config/difficulty.ts'
import type { ParamDescriptors } from '../config/params.ts'

type Values = Record<string, string | number>

/** A value scaled by a knob, kept inside its descriptor's bounds (and an extra cap, e.g. the window's length). */
function scaled(d: ParamDescriptors, params: Values, key: string, factor: number, cap = Infinity): number {
  const desc = d[key]
  const v = params[key] as number
  if (desc === undefined || desc.type === 'enum') return v
  const x = Math.min(desc.max, cap, Math.max(desc.min, v * factor))
  return desc.type === 'int' ? Math.round(x) : Math.round(x * 100) / 100
}

/**
 * Share of the given stolen sum a mule chain moves at amount blending `b`: 0.54 at medium, then geometrically down
 * to 0.3 at full (about USD 3,600 of the default 12,000: a typical scam loss, a large payment the victim could make
 * now and then). It went down to a twentieth (USD 600) before background holders made large one-off payments.
 */
function stolenShare(b: number): number {
  const low = (x: number) => (1 - 0.8 * x) * (1 - 0.75 * x ** 3)
  const h = Math.max(0, 2 * b - 1)
  return h > 0 ? low(0.5) ** (1 - h) * HARD_STOLEN_SHARE ** h : low(b)
}

const HARD_STOLEN_SHARE = 0.3

/**
 * The parameters an instance runs with at the run's difficulty: the user's values moved by the knobs (timing
 * spread widens windows and delays, amount blending widens the structuring margin, narrows TBML mispricing, shrinks
 * the mule chain's stolen sum and cuts a takeover's payouts, ring size shrinks rings, chains, smurf teams (and
 * their deposits) and laundering shapes). easy leaves every value as given. Recorded in patterns.params, so the
 * ground truth says what ran.
 */
export function paramsAtDifficulty(
  kind: string,
  descriptors: ParamDescriptors,
  params: Values,
  knobs: DifficultyKnobs,
  durationDays: number,
): Values {
  const { timingSpread: t, amountBlending: b, ringSize: r } = knobs
  const s = (key: string, factor: number, cap?: number) => scaled(descriptors, params, key, factor, cap)
  switch (kind) {
    case 'structuring': {
      // A smaller smurf team banks proportionally less, so no smurf and no collector is busier than in a full one
      // (20 deposits took a collector's incoming count to several times an ordinary business's in a year).
      const deposits = s('deposits', r)
      return {
        ...params,
        windowDays: s('windowDays', t, Math.max(1, durationDays - 3)),
        // Margin widened by up to 20 points: deposits spread over [70 %, 100 %) of the threshold at full blending.
        marginPct: s('marginPct', 1 + (b * 20) / Math.max(1, params.marginPct as number)),
        deposits,
        smurfs: Math.min(deposits, s('smurfs', r)),
      }
    }
    case 'fraudRing':
      // A smaller ring makes proportionally fewer transactions, so each member is no busier than in a full one.
      return {
        ...params,
        ringSize: s('ringSize', r),
        transactions: s('transactions', r),
        windowDays: s('windowDays', t, durationDays),
      }
    case 'muleChain':
      return {
        ...params,
        hops: s('hops', r),
        // The stolen sum shrinks towards an ordinary transfer's size: to about 0.54 of it at medium blending and
        // 0.3 at full (see stolenShare).
        startAmountUsd: s('startAmountUsd', stolenShare(b)),
        delayMinutes: s('delayMinutes', t, Math.floor((durationDays * 1440) / 4 / Math.max(1, params.hops as number))),
      }
    case 'accountTakeover':
      // A thief who stays under the radar takes fewer payouts per account: one at full blending, as given at medium.
      return { ...params, payoutsPerVictim: s('payoutsPerVictim', 1 - 0.6 * b ** 2) }
    case 'insiderTrading':
      return { ...params, daysBefore: s('daysBefore', t, Math.max(1, Math.floor(durationDays / 2) - 3)) }
    case 'tbml':
      // Mispricing pulled towards the going rate: a factor of 4 becomes 2.5 at full blending.
      return {
        ...params,
        priceFactor: s(
          'priceFactor',
          1 - (b * 0.5 * ((params.priceFactor as number) - 1)) / (params.priceFactor as number),
        ),
      }
    case 'launderingShape':
    case 'launderingChain': {
      // Smaller shapes: fewer spokes and layers, so no account has many more counterparties than ordinary ones.
      // A layered fan still gets each layer wider than the last.
      const hops = s('hops', r)
      return { ...params, hops, size: Math.max(s('size', r), Math.min(params.size as number, hops + 1)) }
    }
    case 'accountLaundering':
      // Fewer payments in, so fewer payers.
      return { ...params, size: s('size', r) }
    default:
      return params
  }
}
