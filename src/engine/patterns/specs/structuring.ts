import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

/** Currencies with a cash reporting threshold (currencies.ts), and a country that uses them. */
export const THRESHOLD_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SGD', 'HKD', 'JPY'] as const

export const SUBTYPES = ['classic', 'smurfing', 'geographic', 'temporal', 'account_hopping'] as const
export type Subtype = (typeof SUBTYPES)[number]

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const structuringSpec = definePatternSpec({
  kind: 'structuring',
  slot: 0,
  label: 'Structuring (smurfing)',
  description:
    "Cash deposits kept just under the reporting threshold of the receiving account's currency, spread over days, branches and smurfs, collected into one account that then moves the total on.",
  params: {
    smurfs: p.int({
      label: 'Smurfs',
      help: 'Persons who carry the cash to the bank (the classic subtype uses one: the account holder).',
      min: 1,
      max: 50,
      default: 5,
    }),
    deposits: p.int({
      label: 'Deposits',
      help: 'Cash deposits, each just under the reporting threshold.',
      min: 3,
      max: 200,
      default: 20,
    }),
    windowDays: p.int({
      label: 'Window',
      help: 'Days over which the deposits are spread (at most the simulated window).',
      min: 1,
      max: 90,
      default: 10,
      unit: 'days',
    }),
    marginPct: p.number({
      label: 'Margin below threshold',
      help: 'Each deposit lies at most this far below the threshold.',
      min: 1,
      max: 30,
      default: 10,
      step: 0.5,
      unit: '%',
    }),
    currency: p.enum({
      label: 'Collector currency',
      help: 'Currency of the collecting account, whose cash reporting threshold applies; any picks a threshold currency per instance.',
      options: ['any', ...THRESHOLD_CURRENCIES],
      default: 'any',
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'Variant: one person into own account, several smurfs, many cities, regular spacing, or several collector accounts.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },

  validate(params, config) {
    const issues: ConfigIssue[] = []
    if (params.subtype === 'classic') return issues
    const path = 'patterns.structuring.params.smurfs'
    if (params.smurfs > config.counts.persons)
      issues.push({
        path,
        message: `must be at most counts.persons (${config.counts.persons})`,
        hint: 'lower it or raise persons',
      })
    if (params.smurfs > params.deposits)
      issues.push({
        path,
        message: `must be at most deposits (${params.deposits}): every smurf makes at least one deposit`,
        hint: 'lower smurfs or raise deposits',
      })
    return issues
  },
})
