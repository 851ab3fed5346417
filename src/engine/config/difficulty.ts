import { p, type ParamValues } from './params.ts'

/** How hard the labels are to find: one word that sets every knob below together. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]
export const DEFAULT_DIFFICULTY: Difficulty = 'medium'

export const difficultyParam = p.enum({
  label: 'Difficulty',
  help: 'How hard the suspicious rows are to tell from ordinary ones: easy for demos (obvious patterns), hard for benchmarks (camouflage, many benign look-alikes, blended amounts). Sets the knobs below together; any knob set on its own wins.',
  options: DIFFICULTIES,
  default: DEFAULT_DIFFICULTY,
})

/** The knobs a difficulty sets (descriptor defaults are medium's values). */
export const knobParams = {
  camouflageShare: p.number({
    label: 'Camouflage share',
    help: 'Share of the persons, companies and accounts a pattern creates that also live an ordinary life in the window (salary, spending, bills, logins), labelled camouflage and not suspicious.',
    min: 0,
    max: 1,
    default: 0.7,
    step: 0.05,
  }),
  lookalikeRatio: p.number({
    label: 'Look-alikes per instance',
    help: 'Benign look-alike instances (cash-heavy shops, households, travellers, pre-planned executive trades, …) generated per suspicious instance of the kind they resemble.',
    min: 0,
    max: 3,
    default: 1,
    step: 0.25,
  }),
  amountBlending: p.number({
    label: 'Amount blending',
    help: 'How close pattern amounts sit to ordinary ones: 0 keeps them at their telltale values (just under the threshold, round sums, wild unit prices), 1 blends them into the background spread.',
    min: 0,
    max: 1,
    default: 0.5,
    step: 0.05,
  }),
  timingSpread: p.number({
    label: 'Timing spread',
    help: 'Factor on how far apart in time a pattern spreads its events (deposits, hops, trades before an announcement): 1 is the tight typology, 4 four times as spread out.',
    min: 1,
    max: 4,
    default: 2,
    step: 0.25,
  }),
  ringOverlap: p.number({
    label: 'Ring overlap',
    help: 'Share of a fraud ring’s members that share its addresses, phones and devices (the rest use their own), and of mule chains that reuse accounts of earlier hops.',
    min: 0,
    max: 1,
    default: 0.6,
    step: 0.05,
  }),
  accountBlending: p.number({
    label: 'Account blending',
    help: 'Share of the accounts, persons and companies a pattern sets up that are drawn as ordinary ones are: accounts dated like background accounts (most opened years before the window, none later than the scheme needs them), holders from the countries ordinary customers live in, existing businesses where an offshore shell would be. 0 keeps the telltale new accounts and shells.',
    min: 0,
    max: 1,
    default: 0.5,
    step: 0.05,
  }),
  ringSize: p.number({
    label: 'Ring size factor',
    help: 'Factor on the number of members of a ring or chain: below 1 makes smaller groups that are harder to see as a group.',
    min: 0.25,
    max: 1,
    default: 0.75,
    step: 0.05,
  }),
  largePaymentShare: p.number({
    label: 'Large one-off payments',
    help: 'Share of ordinary current-account holders who make one large one-off payment in the window (a car, a holiday, tuition, a deposit on a flat, a private sale; half of those with a credit card pay by card), so that a large transfer or card payment alone is no tell. 0 keeps ordinary payments small.',
    min: 0,
    max: 0.9,
    default: 0.3,
    step: 0.05,
  }),
} as const

export type DifficultyKnobs = ParamValues<typeof knobParams>
export type KnobName = keyof typeof knobParams
export const knobNames = Object.keys(knobParams) as KnobName[]

/**
 * The ladder. easy is the plain typologies (no camouflage, telltale amounts, the accounts a scheme opens) with a
 * few look-alikes, so a demo shows obvious rings and its rules still meet false alerts; hard aims at an
 * account-level AUC of at most 0.80.
 */
export const difficultyPresets: Readonly<Record<Difficulty, DifficultyKnobs>> = {
  easy: {
    camouflageShare: 0,
    lookalikeRatio: 0.25,
    amountBlending: 0,
    timingSpread: 1,
    ringOverlap: 1,
    accountBlending: 0,
    ringSize: 1,
    largePaymentShare: 0,
  },
  medium: {
    camouflageShare: 0.7,
    lookalikeRatio: 1,
    amountBlending: 0.5,
    timingSpread: 2,
    ringOverlap: 0.6,
    accountBlending: 0.5,
    ringSize: 0.75,
    largePaymentShare: 0.3,
  },
  hard: {
    camouflageShare: 1,
    lookalikeRatio: 3,
    amountBlending: 1,
    timingSpread: 4,
    ringOverlap: 0.3,
    accountBlending: 1,
    ringSize: 0.5,
    largePaymentShare: 0.6,
  },
}

/** The knobs a config runs with: its difficulty's preset, with each knob given on its own put over it. */
export function resolveKnobs(difficulty: Difficulty, given: Partial<DifficultyKnobs>): DifficultyKnobs {
  return { ...difficultyPresets[difficulty], ...given }
}

export const prevalenceParam = p.number({
  label: 'Prevalence',
  help: 'Target share of transactions that are suspicious (e.g. 0.001 = 0.1 %, like SAML-D). When set, the pattern counts become the mix and the number of instances is chosen to reach the share within ±10 %; leave empty to use the counts as given.',
  min: 0.00001,
  max: 0.5,
  default: 0.001,
  step: 0.0001,
})
