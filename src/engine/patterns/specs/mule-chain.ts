import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

export const SUBTYPES = ['app_scam', 'romance_scam', 'invoice_redirection'] as const
export type Subtype = (typeof SUBTYPES)[number]

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const muleChainSpec = definePatternSpec({
  kind: 'muleChain',
  slot: 2,
  label: 'Mule chain (APP fraud)',
  description:
    'A victim is tricked into an authorised push payment to a mule; the money runs through a chain of mule accounts minutes apart, each keeping a cut, and is cashed out at the end.',
  params: {
    hops: p.int({
      label: 'Mule accounts',
      help: 'Mule accounts the money passes through before the cash-out.',
      min: 1,
      max: 12,
      default: 4,
    }),
    startAmountUsd: p.int({
      label: 'Amount stolen',
      help: "What the victim pays, in USD (converted to the victim's currency).",
      min: 500,
      max: 500_000,
      default: 12_000,
      unit: 'USD',
    }),
    skimPct: p.number({
      label: 'Cut per hop',
      help: 'Share each mule keeps before forwarding.',
      min: 0.5,
      max: 15,
      default: 3,
      step: 0.5,
      unit: '%',
    }),
    delayMinutes: p.int({
      label: 'Delay per hop',
      help: 'Typical minutes between receiving and forwarding (each hop takes 0.6–1.6 times this).',
      min: 1,
      max: 720,
      default: 20,
      unit: 'minutes',
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'How the victim was deceived: bank/police impersonation, romance, or a redirected supplier invoice.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },

  validate(params, config) {
    const issues: ConfigIssue[] = []
    const chainMinutes = (params.hops + 1) * params.delayMinutes * 2
    const windowMinutes = config.durationDays * 1440
    if (chainMinutes >= windowMinutes) {
      issues.push({
        path: 'patterns.muleChain.params.delayMinutes',
        message: `makes a chain of up to ${chainMinutes} minutes ((hops + 1) × 2 × delay), longer than the simulated window (${windowMinutes} minutes)`,
        hint: 'lower delayMinutes or hops, or raise durationDays',
      })
    }
    if (config.counts.persons < 1)
      issues.push({
        path: 'patterns.muleChain.count',
        message: 'needs at least 1 person to be the victim',
        hint: 'raise counts.persons or set the count to 0',
      })
    return issues
  },
})
