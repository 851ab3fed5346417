import { ID_ALPHABET, ID_DIGITS } from '../model/ids.ts'

/** Rows between the points where a radix sort yields (each pass over all rows is one step besides). */
const STEP_ROWS = 65_536
const DIGIT_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < ID_ALPHABET.length; i++) DIGIT_VALUE[ID_ALPHABET.charCodeAt(i)] = i

/**
 * The two 25-bit halves of every id's number (its 10 base-32 digits), or null when the ids are not all one
 * prefix followed by ID_DIGITS id digits (then only a string sort gives their order).
 */
function* idNumbers(rows: readonly { id: string }[]): Generator<number, { hi: Uint32Array; lo: Uint32Array } | null> {
  const n = rows.length
  const hi = new Uint32Array(n)
  const lo = new Uint32Array(n)
  if (n === 0) return { hi, lo }
  const first = rows[0].id
  const prefix = first.slice(0, first.length - ID_DIGITS)
  const len = first.length
  for (let r = 0; r < n; r++) {
    const id = rows[r].id
    if (id.length !== len || !id.startsWith(prefix)) return null
    let h = 0
    let l = 0
    for (let k = len - ID_DIGITS; k < len; k++) {
      const c = id.charCodeAt(k)
      const d = c < 128 ? DIGIT_VALUE[c] : -1
      if (d < 0) return null
      // Five digits (25 bits) per half: the first five into hi, the last five into lo.
      if (k < len - 5) h = h * 32 + d
      else l = l * 32 + d
    }
    hi[r] = h
    lo[r] = l
    if ((r + 1) % STEP_ROWS === 0) yield r + 1
  }
  return { hi, lo }
}

/** One stable counting pass on 13 bits of `key` (shift 0 or 13), carrying the other arrays along. */
function pass(key: Uint32Array, shift: number, other: Uint32Array, idx: Uint32Array, out: Uint32Array[]): void {
  const count = new Uint32Array(8193)
  const n = key.length
  for (let i = 0; i < n; i++) count[((key[i] >>> shift) & 8191) + 1]++
  for (let b = 1; b <= 8192; b++) count[b] += count[b - 1]
  const [k2, o2, i2] = out
  for (let i = 0; i < n; i++) {
    const at = count[(key[i] >>> shift) & 8191]++
    k2[at] = key[i]
    o2[at] = other[i]
    i2[at] = idx[i]
  }
}

/**
 * The order of `rows` by id as row indices, by an LSD radix sort of the ids' numbers (four 13-bit passes over
 * 50 bits), yielding along the way; null when the ids do not all share one prefix and the id digit format. Same
 * order as a string sort: the digits ascend in character code and every id has the same length.
 */
export function* idOrderSteps(rows: readonly { id: string }[]): Generator<number, Uint32Array | null, void> {
  const nums = yield* idNumbers(rows)
  if (!nums) return null
  const n = rows.length
  // [hi, lo, idx] now, and three spare arrays a pass scatters into; the two sets swap after every pass.
  let cur: Uint32Array[] = [nums.hi, nums.lo, new Uint32Array(n)]
  let spare: Uint32Array[] = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)]
  for (let i = 0; i < n; i++) cur[2][i] = i
  for (const [useHi, shift] of [
    [false, 0],
    [false, 13],
    [true, 0],
    [true, 13],
  ] as const) {
    const [hi, lo, idx] = cur
    const [hi2, lo2, idx2] = spare
    if (useHi) pass(hi, shift, lo, idx, [hi2, lo2, idx2])
    else pass(lo, shift, hi, idx, [lo2, hi2, idx2])
    spare = cur
    cur = [hi2, lo2, idx2]
    yield n
  }
  const idx = cur[2]
  return idx
}
