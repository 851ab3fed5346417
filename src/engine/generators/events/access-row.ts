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

/**
 * The address of network `slot` of an owner in `country` (a stateless hash: people keep coming back from the same
 * home and mobile networks). No real PII: IPv4 from the private ranges 10.0.0.0/8 and 172.16.0.0/12 (RFC 1918),
 * IPv6 (about a third, as on today's networks) from the documentation prefix 2001:db8::/32 (RFC 3849) with the
 * country's letters as the third group, e.g. 2001:db8:5553:… for US. The IPv4 documentation ranges
 * (192.0.2.0/24 and the like) are left out: 762 hosts would make unrelated customers share addresses.
 */
export function ipAddress(seedKey: number, ownerKey: string, slot: number, country: string): string {
  const h = seedKey ^ hashString(ownerKey + '|' + country)
  const part = (i: number, n: number) => Math.floor(unitHash(h, slot, i) * n)
  if (unitHash(h, slot, 8) < 0.35) {
    const cc = ((country.charCodeAt(0) << 8) | country.charCodeAt(1)).toString(16)
    // Groups from 1 to ffff: never a zero group, so the text is already the canonical RFC 5952 form.
    const group = (i: number) => (1 + part(i, 0xffff)).toString(16)
    return `2001:db8:${cc}:${group(1)}:${group(2)}:${group(3)}:${group(4)}:${group(5)}`
  }
  const low = `${part(2, 256)}.${1 + part(3, 254)}`
  // 10/8 holds 16 times the addresses of 172.16/12: weight them so every private address is equally likely.
  return unitHash(h, slot, 9) < 16 / 17 ? `10.${part(1, 256)}.${low}` : `172.${16 + part(1, 16)}.${low}`
}

/** Share of a holder's sessions from abroad (a trip, a foreign SIM): each from a network of its own there. */
export const ABROAD_SHARE = 0.03

/**
 * Which of a holder's networks a session uses: mostly the home network (slot 0), else one of 40 others at home
 * (mobile, work, a café), or one of 1,000 abroad. Background and pattern sessions draw it alike, so their addresses
 * share one domain at the same rates (IPv4 and IPv6 alike).
 */
export function networkSlot(rng: Rng, abroad: boolean): number {
  return abroad ? 10 + rng.below(1000) : rng.chance(0.75) ? 0 : 1 + rng.below(40)
}

export interface AccessSpec {
  readonly timestamp: number
  readonly accountId: AccessEvent['accountId']
  readonly person: Person | null
  readonly kind: AccessEvent['kind']
  readonly channel?: AccessEvent['channel']
  readonly deviceId: string
  readonly ipAddress: string
  readonly country: string
  readonly patternId?: AccessEvent['patternId']
  readonly patternRole?: string | null
}

export function buildAccessEvent(rng: Rng, id: AccessEvent['id'], s: AccessSpec): AccessEvent {
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
    isSuspicious: false,
  }
}
