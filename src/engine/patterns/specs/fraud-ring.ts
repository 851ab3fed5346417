import { p } from '../../config/params.ts'
import type { ConfigIssue } from '../../config/issues.ts'
import { definePatternSpec } from '../types.ts'

export const SUBTYPES = ['money_mule_network', 'synthetic_identity', 'bust_out'] as const
export type Subtype = (typeof SUBTYPES)[number]
export const ATTRIBUTES = ['all', 'phone', 'address', 'device', 'ip'] as const
export type Attribute = (typeof ATTRIBUTES)[number]

/**
 * How many ring members come from the population. A shared phone or address must show in the persons rows, so
 * those members are identities the ring registers itself (new persons); a shared device or IP shows in the
 * logins, so real customers recruited as mules or bust-out accomplices can carry it. Synthetic identities are
 * always new.
 */
export function existingMembers(subtype: Subtype, shared: Attribute, size: number): number {
  if (subtype === 'synthetic_identity' || shared === 'phone' || shared === 'address') return 0
  return shared === 'all' ? size - Math.floor(size / 3) : size
}

/** What the UI and CLI need without the injector: kind, texts, parameter descriptors and cross-field checks. */
export const fraudRingSpec = definePatternSpec({
  kind: 'fraudRing',
  slot: 1,
  label: 'Fraud ring',
  description:
    'A ring of persons sharing phones, addresses, devices or IPs opens accounts within days of each other and moves money through a hub account: a money-mule network, synthetic identities building credit, or a bust-out that maxes out cards (total amount: money taken from victims, credit built, or credit drawn in the bust-out).',
  params: {
    ringSize: p.int({
      label: 'Ring size',
      help: 'Persons in the ring, the leader who holds the hub account included.',
      min: 3,
      max: 30,
      default: 6,
    }),
    sharedAttributes: p.enum({
      label: 'Shared attributes',
      help: 'What ring members share: a phone, an address, a device, an IP address, or all of them.',
      options: ATTRIBUTES,
      default: 'all',
    }),
    transactions: p.int({
      label: 'Transactions',
      help: 'Transactions the ring makes (logins come on top).',
      min: 5,
      max: 500,
      default: 40,
    }),
    windowDays: p.int({
      label: 'Window',
      help: 'Days over which the ring is active, after opening its accounts.',
      min: 7,
      max: 180,
      default: 45,
      unit: 'days',
    }),
    subtype: p.enum({
      label: 'Subtype',
      help: 'Variant of the ring; any draws one per instance.',
      options: ['any', ...SUBTYPES],
      default: 'any',
    }),
  },
  validate(params, config) {
    const issues: ConfigIssue[] = []
    const subtypes = params.subtype === 'any' ? SUBTYPES : [params.subtype]
    const need = Math.max(...subtypes.map((s) => existingMembers(s, params.sharedAttributes, params.ringSize)))
    if (need > config.counts.persons) {
      issues.push({
        path: 'patterns.fraudRing.params.ringSize',
        message: `needs ${need} persons from the population (a ring sharing ${params.sharedAttributes === 'all' ? 'everything' : `a ${params.sharedAttributes}`} recruits real customers) but counts.persons is ${config.counts.persons}`,
        hint: 'lower ringSize, raise counts.persons, or share a phone or address (the ring then registers its own identities)',
      })
    }
    return issues
  },
})
