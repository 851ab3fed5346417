/**
 * Simulated time. Instants are integer seconds since 1970-01-01T00:00:00Z, dates are integer days since then.
 * We format them ourselves (Hinnant's civil-from-days) so output never depends on Intl, a locale or a time zone.
 */

export const DAY = 86_400
export const HOUR = 3_600
export const MINUTE = 60

export interface CivilDate {
  year: number
  month: number
  day: number
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = month > 2 ? month - 3 : month + 9
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i)
const dayCache = new Map<number, string>()

/** `YYYY-MM-DD` for a day number, cached because the same few thousand days are formatted millions of times. */
export function formatDate(days: number): string {
  let s = dayCache.get(days)
  if (s === undefined) {
    const { year, month, day } = civilFromDays(days)
    s = String(year).padStart(4, '0') + '-' + TWO_DIGITS[month] + '-' + TWO_DIGITS[day]
    dayCache.set(days, s)
  }
  return s
}

/** ISO-8601 UTC with `Z`, whole seconds: `2025-03-04T09:12:33Z`. */
export function formatTimestamp(seconds: number): string {
  const days = Math.floor(seconds / DAY)
  let rest = seconds - days * DAY
  const h = (rest / HOUR) | 0
  rest -= h * HOUR
  const m = (rest / MINUTE) | 0
  return formatDate(days) + 'T' + TWO_DIGITS[h] + ':' + TWO_DIGITS[m] + ':' + TWO_DIGITS[rest - m * MINUTE] + 'Z'
}

/** Parses a strict `YYYY-MM-DD`; returns null for anything else, including impossible dates like 2025-02-30. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const days = daysFromCivil(year, month, day)
  const back = civilFromDays(days)
  return back.month === month && back.day === day ? days : null
}

/** The simulated window: [start, end) in seconds. */
export interface SimClock {
  readonly startDay: number
  readonly days: number
  readonly start: number
  readonly end: number
}

export function createClock(startDate: string, durationDays: number): SimClock {
  const startDay = parseDate(startDate)
  if (startDay === null) throw new Error(`invalid start date ${startDate}`)
  return { startDay, days: durationDays, start: startDay * DAY, end: (startDay + durationDays) * DAY }
}
