import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

export const SUBTYPES = ['pre_announcement', 'coordinated', 'executive', 'tipping'] as const
export type Subtype = (typeof SUBTYPES)[number]

/** Who trades: pre-announcement is one or two insiders acting alone; tipping adds a tipper who never trades. */
export function traderCount(subtype: Subtype, insiders: number): number {
  return subtype === 'pre_announcement' ? Math.min(2, insiders) : insiders
}

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const insiderTradingSpec = definePatternSpec({
  kind: 'insiderTrading',
  slot: 4,
  label: 'Insider trading',
  description:
    'Officers and directors of a listed company, their relatives and tipped contacts talk, then trade its shares in one direction in the days before a price-moving announcement, more and more as it nears (total amount: value traded, in the exchange currency).',
  params: {
    insiders: p.int({
      label: 'Insiders',
      help: 'Persons who trade on the information (for tipping: the tipped contacts; the tipping officer is extra; pre-announcement uses at most 2).',
      min: 1,
      max: 20,
      default: 3,
    }),
    trades: p.int({
      label: 'Trades',
      help: 'Trades placed before the announcement; each insider trades at least once.',
      min: 1,
      max: 200,
      default: 10,
    }),
    daysBefore: p.int({
      label: 'Days before announcement',
      help: 'How many days before the announcement trading may start.',
      min: 1,
      max: 60,
      default: 10,
      unit: 'days',
    }),
    direction: p.enum({
      label: 'Direction',
      help: 'buy before good news, sell before bad news; any draws one per instance.',
      options: ['any', 'buy', 'sell'],
      default: 'any',
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'Variant of the scheme; any draws one per instance.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },
  validate(params, config) {
    const { persons, companies, accounts } = config.counts
    const issues: ConfigIssue[] = []
    const path = 'patterns.insiderTrading'
    const subtype = params.subtype === 'any' ? 'coordinated' : params.subtype
    const traders = traderCount(subtype, params.insiders)
    const people = traders + (subtype === 'tipping' || params.subtype === 'any' ? 1 : 0)
    if (companies < 1)
      issues.push({
        path: `${path}.count`,
        message: 'needs a listed company to trade, and counts.companies is 0',
        hint: 'raise counts.companies to 1 or more (the first 6 % are listed), or set the count to 0',
      })
    if (accounts <= persons + companies) {
      issues.push({
        path: `${path}.count`,
        message: `needs investment accounts, which come after each company's and person's first account (${persons + companies})`,
        hint: `raise counts.accounts above ${persons + companies}, or set the count to 0`,
      })
    }
    if (people > persons)
      issues.push({
        path: `${path}.params.insiders`,
        message: `needs ${people} persons (insiders and the tipper) but counts.persons is ${persons}`,
        hint: 'lower insiders or raise counts.persons',
      })
    if (params.subtype === 'coordinated' && params.insiders < 2)
      issues.push({
        path: `${path}.params.insiders`,
        message: 'must be at least 2 for coordinated trading',
        hint: 'raise insiders to 2 or more, or choose another subtype',
      })
    if (params.trades < traders)
      issues.push({
        path: `${path}.params.trades`,
        message: `must be at least ${traders} so every insider trades`,
        hint: 'raise trades or lower insiders',
      })
    if (params.daysBefore + 7 > config.durationDays)
      issues.push({
        path: `${path}.params.daysBefore`,
        message: `must be at most durationDays − 7 (${config.durationDays - 7}) so talk and trades fit before the announcement`,
        hint: 'lower daysBefore or raise durationDays',
      })
    return issues
  },
})
