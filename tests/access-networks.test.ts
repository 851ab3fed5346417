import { describe, expect, it } from 'vitest'
import { patternKinds } from '../src/engine/config/schema.ts'
import { generate, type CsvRow } from './helpers/dataset.ts'

const IPV4 = /^(10\.\d{1,3}|172\.(1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}$/
const IPV6 = /^2001:db8:[0-9a-f]{1,4}(:[0-9a-f]{1,4}){5}$/

/** IPv6 share of the distinct addresses among `rows` (each network counted once, however often it is used). */
function ipv6Share(rows: CsvRow[]): { n: number; share: number } {
  const ips = new Set(rows.map((r) => r.ip_address))
  return { n: ips.size, share: [...ips].filter((ip) => IPV6.test(ip)).length / Math.max(1, ips.size) }
}

/** Pattern-written sessions come from the background's network domain at its rates: the address is no tell. */
describe('access-event networks', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every address is private IPv4 or documentation IPv6; patterns use IPv6 as often as the background`, async () => {
      const g = await generate({
        seed,
        counts: {
          persons: 2000,
          companies: 400,
          accounts: 4000,
          transactions: 8000,
          communications: 200,
          trades: 400,
          travels: 200,
          documents: 100,
          accessEvents: 30_000,
        },
        patterns: Object.fromEntries(patternKinds.map((k) => [k, { count: 6 }])),
        difficulty: 'hard',
      })
      const events = g.tables.access_events
      for (const e of events) expect(IPV4.test(e.ip_address) || IPV6.test(e.ip_address), e.ip_address).toBe(true)
      const background = ipv6Share(events.filter((e) => e.pattern_id === ''))
      const camouflage = ipv6Share(events.filter((e) => e.pattern_role === 'camouflage'))
      const patterns = ipv6Share(events.filter((e) => e.pattern_id !== ''))
      expect(background.n).toBeGreaterThan(3000)
      expect(background.share).toBeGreaterThan(0.3)
      expect(background.share).toBeLessThan(0.4)
      // Counted per network, since a ring or household shares one network across many sessions; with 300-500
      // networks the share is measured to about ±0.025 (one standard error).
      for (const [what, s] of [
        ['camouflage', camouflage],
        ['all pattern rows', patterns],
      ] as const) {
        expect(s.n, what).toBeGreaterThan(150)
        expect(Math.abs(s.share - background.share), `${what}: ${s.share} vs ${background.share}`).toBeLessThan(0.08)
      }
    }, 180_000)
  }
})
