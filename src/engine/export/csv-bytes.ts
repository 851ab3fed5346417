import { civilFromDays, formatDate } from '../model/time.ts'

/**
 * Cell encoders for the CSV row writer: each writes at `p` in `b` and returns the end, so a row is written with
 * the buffer and position in locals (no writer call per cell). The caller has made room for the cell.
 */

/** A string known to be ASCII (ids, codes, enum values), as FileWriter.ascii writes it. */
export function asciiAt(b: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i)
  return p
}

/**
 * A free-text cell as quoteCsv(neutraliseFormula(s)) writes it, in UTF-8: quoted (with `"` doubled) when it holds
 * `"` `,` CR or LF. Returns the end, or -1 when the cell starts with = + - @ tab or CR or holds a surrogate (the
 * caller then writes it the long way). Needs room for 3 bytes a character plus the two quotes.
 */
export function textAt(b: Uint8Array, p: number, s: string): number {
  const n = s.length
  const c0 = s.charCodeAt(0)
  if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13) return -1
  const start = p
  let quoted = false
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) {
      if (c === 34 || c === 44 || c === 10 || c === 13) {
        if (!quoted) {
          // The first character that needs quotes: what is written so far moves one place for the opening one.
          b.copyWithin(start + 1, start, p)
          b[start] = 34
          p++
          quoted = true
        }
        if (c === 34) b[p++] = 34
      }
      b[p++] = c
    } else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6)
      b[p++] = 0x80 | (c & 63)
    } else if (c >= 0xd800 && c < 0xe000) return -1
    else {
      b[p++] = 0xe0 | (c >> 12)
      b[p++] = 0x80 | ((c >> 6) & 63)
      b[p++] = 0x80 | (c & 63)
    }
  }
  if (quoted) b[p++] = 34
  return p
}

/** "00" to "99": two digits a division. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor(i / 20)))

/** A non-negative integer's decimal digits as String(v) prints them (at most 25 bytes). */
export function uintAt(b: Uint8Array, p: number, v: number): number {
  if (v < 10) {
    b[p] = 48 + v
    return p + 1
  }
  // Past 1e15 (or for a fraction) String() may switch notation or round: leave those to it.
  if (v >= 1e15 || v !== Math.floor(v)) return asciiAt(b, p, String(v))
  // Powers of ten up to 1e15 are exact doubles, so the length needs no division.
  let n = 2
  for (let t = 100; v >= t; t *= 10) n++
  const end = p + n
  let q = end
  while (v >= 100) {
    const d = Math.floor(v / 100)
    const r = 2 * (v - d * 100)
    b[--q] = DIGIT_PAIRS[r + 1]
    b[--q] = DIGIT_PAIRS[r]
    v = d
  }
  if (v >= 10) {
    b[q - 1] = DIGIT_PAIRS[2 * v + 1]
    b[q - 2] = DIGIT_PAIRS[2 * v]
  } else b[q - 1] = 48 + v
  return end
}

/** `count` digits of v (a non-negative integer), zero-padded (as FileWriter.padded). */
export function paddedAt(b: Uint8Array, p: number, v: number, count: number): number {
  // v - 10q, not v % 10: on a double, % is a call into the runtime.
  for (let i = count - 1; i >= 0; i--) {
    const q = Math.floor(v / 10)
    b[p + i] = 48 + (v - q * 10)
    v = q
  }
  return p + count
}

/** Minor units with the currency's digits: -12345, 2 → `-123.45` (at most 60 bytes). */
export function minorAt(b: Uint8Array, p: number, minor: number, digits: number): number {
  if (minor < 0) {
    b[p++] = 45
    minor = -minor
  }
  if (digits === 0) return uintAt(b, p, minor)
  const scale = digits === 2 ? 100 : 10 ** digits
  const whole = Math.floor(minor / scale)
  p = uintAt(b, p, whole)
  b[p++] = 46
  return paddedAt(b, p, minor - whole * scale, digits)
}

/**
 * `YYYY-MM-DD` for a day number, as formatDate writes it (10 bytes), in place: a date cell through formatDate cost
 * a lookup in its day cache and a string per cell. (civilFromDays's object is optimised away here: 3M dates took
 * the same time as with its arithmetic written out.)
 */
export function dateAt(b: Uint8Array, p: number, days: number): number {
  const { year, month, day } = civilFromDays(days)
  // Years past four digits (or before year 0) and fractional days print as formatDate prints them.
  if (!(year >= 0 && year <= 9999) || days !== Math.floor(days)) return asciiAt(b, p, formatDate(days))
  p = paddedAt(b, p, year, 4)
  b[p++] = 45
  p = paddedAt(b, p, month, 2)
  b[p++] = 45
  return paddedAt(b, p, day, 2)
}

// Rows come in time order, so one day's text serves many timestamps in a row.
let stampDay = NaN
let stampDayText = ''

/** `YYYY-MM-DDTHH:MM:SSZ` from seconds since the epoch (at most 40 bytes). */
export function stampAt(b: Uint8Array, p: number, seconds: number): number {
  const days = Math.floor(seconds / 86_400)
  let rest = seconds - days * 86_400
  if (days !== stampDay) {
    stampDayText = formatDate(days)
    stampDay = days
  }
  p = asciiAt(b, p, stampDayText)
  b[p++] = 84
  const h = (rest / 3600) | 0
  rest -= h * 3600
  const m = (rest / 60) | 0
  p = paddedAt(b, p, h, 2)
  b[p++] = 58
  p = paddedAt(b, p, m, 2)
  b[p++] = 58
  p = paddedAt(b, p, rest - m * 60, 2)
  b[p++] = 90
  return p
}
