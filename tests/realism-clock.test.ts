import { describe, expect, it } from 'vitest'
import { localOffsetSeconds } from '../src/engine/realism/local-clock.ts'
import { utcOffsetMinutes } from '../src/engine/reference/time-zones.ts'

/** The IANA zone of each country's largest population centre, as bench/quality/realism.py reads local time. */
const ZONES: Record<string, string> = {
  US: 'America/New_York',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  NL: 'Europe/Amsterdam',
  CH: 'Europe/Zurich',
  LU: 'Europe/Luxembourg',
  IE: 'Europe/Dublin',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  PL: 'Europe/Warsaw',
  JP: 'Asia/Tokyo',
  SG: 'Asia/Singapore',
  HK: 'Asia/Hong_Kong',
  CN: 'Asia/Shanghai',
  IN: 'Asia/Kolkata',
  AU: 'Australia/Sydney',
  CA: 'America/Toronto',
  NZ: 'Pacific/Auckland',
  BR: 'America/Sao_Paulo',
  MX: 'America/Mexico_City',
  ZA: 'Africa/Johannesburg',
  AE: 'Asia/Dubai',
  SA: 'Asia/Riyadh',
  TR: 'Europe/Istanbul',
  RU: 'Europe/Moscow',
  KR: 'Asia/Seoul',
  KY: 'America/Cayman',
  VG: 'America/Tortola',
  BM: 'Atlantic/Bermuda',
  PA: 'America/Panama',
  BS: 'America/Nassau',
  CY: 'Asia/Nicosia',
  MT: 'Europe/Malta',
  MU: 'Indian/Mauritius',
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** Local wall-clock minus UTC, in seconds, from the platform's time-zone database. */
function ianaOffset(zone: string, t: number): number {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    formats.set(zone, format)
  }
  const parts = format.formatToParts(new Date(t * 1000))
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) / 1000
  return local - Math.floor(t / 60) * 60
}

describe("the realism report's local clock", () => {
  it('agrees with the IANA zones realism.py uses, every 6 hours of 2024–2026 and around every switch', () => {
    expect(Object.keys(ZONES).sort()).toEqual(Object.keys(utcOffsetMinutes).sort())
    const start = Date.UTC(2024, 0, 1) / 1000
    const end = Date.UTC(2027, 0, 1) / 1000
    const step = 6 * 3600
    for (const [country, zone] of Object.entries(ZONES)) {
      const wrong: number[] = []
      let before = ianaOffset(zone, start)
      for (let t = start; t < end; t += step) {
        const now = ianaOffset(zone, t)
        if (localOffsetSeconds(country, t) !== now) wrong.push(t)
        // A switch in the last step: check it every 15 minutes, so the hour it happens at is right too.
        if (now !== before)
          for (let u = t - step; u < t; u += 900)
            if (localOffsetSeconds(country, u) !== ianaOffset(zone, u)) wrong.push(u)
        before = now
      }
      expect(wrong.map((t) => new Date(t * 1000).toISOString()).slice(0, 3), `${country} (${zone})`).toEqual([])
    }
  }, 60_000)
})
