import type { AccessEvent } from '../../model/tables/access-events.ts'
import type { Person } from '../../model/tables/persons.ts'
import { hashString, unitHash } from '../../random/hash.ts'
import type { Rng } from '../../random/rng.ts'

const HEX = '0123456789abcdef'

function hex(a: number, b: number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += HEX[Math.floor(unitHash(a, b, i) * 16)]
  return out
}

/** Device fingerprint `k` of an owner (a stateless hash: people keep using the same one or two devices). */
export function deviceId(seedKey: number, ownerKey: string, k: number): string {
  return 'dev-' + hex(seedKey ^ hashString(ownerKey), 0xde71 + k, 12)
}

/** A public-looking IPv4 address for (owner, slot), never in private, loopback or multicast ranges. */
export function ipAddress(seedKey: number, ownerKey: string, slot: number, country: string): string {
  const h = seedKey ^ hashString(ownerKey + '|' + country)
  const firstOctets = [23, 31, 45, 62, 77, 81, 86, 91, 94, 103, 109, 122, 145, 151, 176, 185, 188, 193, 203, 212, 217]
  const a = firstOctets[(hashString(country) + Math.floor(unitHash(h, slot, 9) * 3)) % firstOctets.length]
  return `${a}.${1 + Math.floor(unitHash(h, slot, 1) * 254)}.${Math.floor(unitHash(h, slot, 2) * 256)}.${1 + Math.floor(unitHash(h, slot, 3) * 253)}`
}

export interface AccessSpec {
  readonly timestamp: number
  readonly accountId: string
  readonly person: Person | null
  readonly kind: AccessEvent['kind']
  readonly channel?: AccessEvent['channel']
  readonly deviceId: string
  readonly ipAddress: string
  readonly country: string
  readonly patternId?: string | null
  readonly patternRole?: string | null
}

export function buildAccessEvent(rng: Rng, id: string, s: AccessSpec): AccessEvent {
  return {
    id,
    timestamp: s.timestamp,
    accountId: s.accountId,
    personId: s.person?.id ?? null,
    kind: s.kind,
    channel: s.channel ?? (rng.chance(0.62) ? 'mobile_app' : 'web'),
    deviceId: s.deviceId,
    ipAddress: s.ipAddress,
    country: s.country,
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
  }
}
