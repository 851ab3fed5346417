import { p } from '../../config/params.ts'
import { definePatternSpec } from '../types.ts'
import { SHAPES, layeringIssues, layeringParams } from './laundering-shape.ts'

export const PLACEMENTS = ['cash_deposits', 'mule_transfers'] as const
export type Placement = (typeof PLACEMENTS)[number]
export const INTEGRATIONS = ['payroll', 'supplier_invoices', 'property_purchase'] as const
export type Integration = (typeof INTEGRATIONS)[number]

const BASE = 'patterns.launderingChain.params'

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const launderingChainSpec = definePatternSpec({
  kind: 'launderingChain',
  slot: 7,
  label: 'Placement, layering, integration',
  description:
    'Criminal proceeds are placed (cash deposits or incoming mule transfers), layered through one of the laundering shapes, and integrated through a front company as payroll, supplier invoices or a property purchase (total amount: the proceeds placed).',
  params: {
    placement: p.enum({
      label: 'Placement',
      help: "How the proceeds enter the banks: cash paid into the first accounts, or transfers from outside payers (a mule's incoming money).",
      options: ['any', ...PLACEMENTS],
      default: 'any',
    }),
    layering: p.enum({
      label: 'Layering shape',
      help: 'The laundering graph the placed money is layered through; any picks one per instance.',
      options: ['any', ...SHAPES],
      default: 'any',
    }),
    integration: p.enum({
      label: 'Integration',
      help: 'How the money comes back as legitimate spending: salaries paid by a front company, invoices of a supplier it pays, or a property it buys.',
      options: ['any', ...INTEGRATIONS],
      default: 'any',
    }),
    ...layeringParams,
    placementDays: p.int({
      label: 'Placement period',
      help: 'Days over which the proceeds are placed into the first accounts.',
      min: 1,
      max: 90,
      default: 5,
      unit: 'days',
    }),
    integrationDays: p.int({
      label: 'Integration period',
      help: 'Days over which the front company spends the layered money (payroll runs monthly within it).',
      min: 1,
      max: 180,
      default: 14,
      unit: 'days',
    }),
  },

  validate(params, run) {
    const stages = (params.placementDays + params.integrationDays) * 24
    const window = run.durationDays * 24
    if (stages >= window)
      return [
        {
          path: `${BASE}.integrationDays`,
          message: `with placementDays (${params.placementDays}) leaves no time for layering in the simulated window (${run.durationDays} days)`,
          hint: 'lower integrationDays or placementDays, or raise durationDays',
        },
      ]
    return layeringIssues(params.layering, params, BASE, window - stages)
  },
})
