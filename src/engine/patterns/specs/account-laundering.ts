import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

/** SAML-D's single-account typologies. */
export const ACCOUNT_TYPOLOGIES = ['deposit_send', 'cash_withdrawal', 'behavioural_change', 'single_large'] as const
export type AccountTypology = (typeof ACCOUNT_TYPOLOGIES)[number]

const BASE = 'patterns.accountLaundering.params'

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const accountLaunderingSpec = definePatternSpec({
  kind: 'accountLaundering',
  slot: 8,
  label: 'Single-account laundering',
  description:
    "One account launders on its own: cash deposited and sent straight on, transfers in and cash out, a sudden jump in its activity, or one large payment (SAML-D's deposit-send, cash withdrawal, behavioural change, single large; total amount: what the account received).",
  params: {
    subtype: p.enum({
      label: 'Typology',
      help: 'Deposit-send, cash withdrawal, behavioural change or single large transaction; any picks one per instance.',
      options: ['any', ...ACCOUNT_TYPOLOGIES],
      default: 'any',
    }),
    size: p.int({
      label: 'Payments in',
      help: 'Incoming payments (cash deposits, transfers in); for a behavioural change, payments per week after the change. A single large transaction is one.',
      min: 1,
      max: 60,
      default: 6,
    }),
    amountUsd: p.int({
      label: 'Amount laundered',
      help: "What passes through the account in total, in USD (converted to the account's currency).",
      min: 1_000,
      max: 5_000_000,
      default: 30_000,
      unit: 'USD',
    }),
    cutPct: p.number({
      label: 'Share kept',
      help: 'Share of what came in the account keeps rather than passes on (each payment keeps 0.75–1.25 times this).',
      min: 0,
      max: 20,
      default: 2,
      step: 0.5,
      unit: '%',
    }),
    delayHours: p.int({
      label: 'Delay before passing on',
      help: 'Typical hours between money arriving and leaving (each wait is 0.5–1.5 times this).',
      min: 1,
      max: 240,
      default: 24,
      unit: 'hours',
    }),
    spreadDays: p.int({
      label: 'Active period',
      help: 'Days over which the incoming payments spread (how long the changed behaviour lasts).',
      min: 1,
      max: 120,
      default: 10,
      unit: 'days',
    }),
  },

  validate(params, run) {
    const issues: ConfigIssue[] = []
    const hours = params.spreadDays * 24 + params.delayHours * 1.5 + 24
    if (hours >= run.durationDays * 24) {
      issues.push({
        path: `${BASE}.spreadDays`,
        message: `with the delay makes an episode of up to ${Math.ceil(hours)} hours, longer than the simulated window (${run.durationDays * 24} hours)`,
        hint: 'lower spreadDays or delayHours, or raise durationDays',
      })
    }
    return issues
  },
})
