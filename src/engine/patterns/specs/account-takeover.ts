import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

export const SUBTYPES = ['credential_stuffing', 'session_hijacking', 'sim_swap', 'phishing', 'malware'] as const
export type Subtype = (typeof SUBTYPES)[number]

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const accountTakeoverSpec = definePatternSpec({
  kind: 'accountTakeover',
  slot: 3,
  label: 'Account takeover',
  description:
    "Attackers get into customers' online banking (new device, new network, failed attempts, credential changes) and pay the balance out to mule accounts within minutes.",
  params: {
    victims: p.int({
      label: 'Victims',
      help: 'Customers whose online banking is taken over.',
      min: 1,
      max: 50,
      default: 3,
    }),
    attackers: p.int({
      label: 'Attackers',
      help: 'Persons behind the attack (existing customers or outsiders).',
      min: 1,
      max: 10,
      default: 1,
    }),
    payoutsPerVictim: p.int({
      label: 'Payouts per victim',
      help: 'Transfers from each taken-over account to mule accounts.',
      min: 1,
      max: 10,
      default: 3,
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'How access was gained: credential stuffing, session hijacking, SIM swap, phishing, or banking malware.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },

  validate(params, config) {
    const issues: ConfigIssue[] = []
    const { persons, accounts, companies } = config.counts
    const path = 'patterns.accountTakeover.params.victims'
    if (params.victims > persons)
      issues.push({ path, message: `must be at most counts.persons (${persons})`, hint: 'lower it or raise persons' })
    else if (accounts <= companies)
      issues.push({
        path,
        message: `needs accounts held by persons, but counts.accounts (${accounts}) only covers the companies (${companies})`,
        hint: `raise counts.accounts above ${companies}`,
      })
    return issues
  },
})
