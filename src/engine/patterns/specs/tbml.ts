import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

export const SUBTYPES = [
  'over_invoicing',
  'under_invoicing',
  'multiple_invoicing',
  'phantom_shipment',
  'carousel',
] as const
export type Subtype = (typeof SUBTYPES)[number]

/** Why `subtype` cannot run with these counts (null when it can): every company must trade at least once. */
export function infeasible(subtype: Subtype, companies: number, invoices: number): string | null {
  if (subtype === 'carousel') {
    if (companies < 3) return 'a carousel needs at least 3 companies to go round'
    return invoices < companies
      ? `a carousel needs at least one invoice per company (${companies}) to close the circle`
      : null
  }
  const need = (subtype === 'multiple_invoicing' ? 2 : 1) * (companies - 1)
  return invoices < need
    ? `${subtype} needs at least ${need} invoices so every counterparty of the ${companies} companies trades`
    : null
}

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const tbmlSpec = definePatternSpec({
  kind: 'tbml',
  slot: 5,
  label: 'Trade-based money laundering',
  description:
    'Companies move value through trade documents: invoices priced far from what the goods cost, one shipment invoiced several times, invoices with no shipment, or goods and money sent round a circle of companies; every payment references the invoice it settles (total amount: payments, in USD).',
  params: {
    companies: p.int({
      label: 'Companies',
      help: 'Companies in the scheme: one onshore trading company plus shells or partners (or the members of the carousel).',
      min: 2,
      max: 12,
      default: 3,
    }),
    invoices: p.int({
      label: 'Invoices',
      help: 'Invoices issued in the scheme; each one is paid.',
      min: 1,
      max: 100,
      default: 8,
    }),
    priceFactor: p.number({
      label: 'Price factor',
      help: 'Over-invoicing multiplies the typical unit price by about this factor; under-invoicing divides by it.',
      min: 1.5,
      max: 20,
      default: 4,
      step: 0.1,
      unit: '×',
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'Variant of the scheme; any draws one per instance.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },
  validate(params, config) {
    const issues: ConfigIssue[] = []
    const path = 'patterns.tbml.params'
    if (params.subtype !== 'any') {
      const why = infeasible(params.subtype, params.companies, params.invoices)
      if (why)
        issues.push({
          path: `${path}.${params.subtype === 'carousel' && params.companies < 3 ? 'companies' : 'invoices'}`,
          message: why,
          hint: 'raise invoices or lower companies',
        })
    } else if (SUBTYPES.every((s) => infeasible(s, params.companies, params.invoices) !== null)) {
      issues.push({
        path: `${path}.invoices`,
        message: `must be at least companies − 1 (${params.companies - 1}) so every company trades`,
        hint: 'raise invoices or lower companies',
      })
    }
    if (config.durationDays < 14)
      issues.push({
        path: 'durationDays',
        message: 'is too short for invoices to be issued and paid (tbml needs 14 days)',
        hint: 'raise durationDays to 14 or more, or set patterns.tbml.count to 0',
      })
    return issues
  },
})
