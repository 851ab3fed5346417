import { combine, hashString } from '../random/hash.ts'
import { flat } from './flat-text.ts'

/**
 * Row ids. Every row is numbered inside its own stream (stream 0 = a table's background rows, stream s > 0 =
 * one pattern instance), and (stream, index) goes through a keyed 4-round Feistel permutation on 48 bits,
 * printed as 10 Crockford base-32 characters. So ids are unique (a bijection), stable (they depend only on
 * the row's own stream and index, not on how many rows other streams added) and do not leak labels
 * (pattern rows look like any other id).
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Digits of an id after its prefix and dash; ascending in character code, so ids of one prefix sort as numbers. */
export const ID_ALPHABET = ALPHABET
export const ID_DIGITS = 10
const MASK24 = 0xffffff
const TWO24 = 16_777_216
const TWO32 = 4_294_967_296

declare const idOf: unique symbol

/** The tables whose ids other rows point at most, and get mixed up: persons, companies, accounts. */
export type EntityTable = 'persons' | 'companies' | 'accounts'

/**
 * An entity's id (`PER-…` is an Id<'persons'>): a string at run time, a distinct type for the compiler, so a
 * person's id cannot be put where an account's belongs. Only an IdCodec makes one. Other tables' ids are strings.
 */
export type Id<TTable extends string = string> = TTable extends EntityTable
  ? string & { readonly [idOf]: TTable }
  : string

export interface IdCodec<TTable extends string = string> {
  readonly prefix: string
  /** The id of row `index` of `stream`. */
  id(stream: number, index: number): Id<TTable>
  /** The same id's characters written as ASCII into `b` at `p` (a row encoder's buffer); returns the end. */
  idAt(b: Uint8Array, p: number, stream: number, index: number): number
  /** The inverse of `id`: stream × 2³² + index, or -1 for text that is not an id of this codec. */
  decode(id: string): number
}

const CODE_OF = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) CODE_OF[ALPHABET.charCodeAt(i)] = i
const CHAR_OF = Array.from(ALPHABET, (c) => c.charCodeAt(0))

/**
 * `secret` (benchmark mode: 32-bit words of a secret drawn for the run) keys 8 rounds with all of its words, so
 * the seed alone no longer inverts the permutation; without it the 4 seed-keyed rounds are unchanged.
 */
export function createIdCodec<TTable extends string = string>(
  prefix: string,
  seedKey: number,
  secret?: readonly number[],
): IdCodec<TTable> {
  const base = combine(seedKey, hashString(prefix))
  const k = secret
    ? Array.from({ length: 8 }, (_, r) => combine(combine(base, r), secret[r % secret.length]))
    : [0, 1, 2, 3].map((r) => combine(base, r))
  const rounds = k.length
  const head = prefix + '-'
  const h = head.length === 4 ? Array.from(head, (c) => c.charCodeAt(0)) : null
  /** The 48 permuted bits of (stream, index), as the 23-bit high and 25-bit low halves the digits are read from. */
  let hi = 0
  let lo = 0
  const permute = (stream: number, index: number) => {
    const v = stream * TWO32 + index
    let left = Math.floor(v / TWO24)
    let right = v - left * TWO24
    for (let r = 0; r < rounds; r++) {
      const f = combine(right, k[r]) & MASK24
      const next = (left ^ f) & MASK24
      left = right
      right = next
    }
    // The 48 bits as ten base-32 digits: five from the top 23 bits, five from the low 25.
    hi = left >>> 1
    lo = ((left & 1) << 24) | right
  }
  const headCodes = Array.from(head, (c) => c.charCodeAt(0))
  return {
    prefix,
    id(stream, index) {
      permute(stream, index)
      const d0 = CHAR_OF[hi >>> 20]
      const d1 = CHAR_OF[(hi >>> 15) & 31]
      const d2 = CHAR_OF[(hi >>> 10) & 31]
      const d3 = CHAR_OF[(hi >>> 5) & 31]
      const d4 = CHAR_OF[hi & 31]
      const d5 = CHAR_OF[lo >>> 20]
      const d6 = CHAR_OF[(lo >>> 15) & 31]
      const d7 = CHAR_OF[(lo >>> 10) & 31]
      const d8 = CHAR_OF[(lo >>> 5) & 31]
      const d9 = CHAR_OF[lo & 31]
      // One flat string for the usual three-letter prefix: `head + digits` would be a cons string (14 characters
      // pass V8's threshold), flattened again by every writer that reads it.
      if (h !== null)
        return String.fromCharCode(h[0], h[1], h[2], h[3], d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) as Id<TTable>
      return flat(head + String.fromCharCode(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9)) as Id<TTable>
    },
    idAt(b, p, stream, index) {
      permute(stream, index)
      for (let i = 0; i < headCodes.length; i++) b[p++] = headCodes[i]
      for (let s = 20; s >= 0; s -= 5) b[p++] = CHAR_OF[(hi >>> s) & 31]
      for (let s = 20; s >= 0; s -= 5) b[p++] = CHAR_OF[(lo >>> s) & 31]
      return p
    },
    decode(id) {
      if (id.length !== head.length + 10 || !id.startsWith(head)) return -1
      let v = 0
      for (let i = head.length; i < id.length; i++) {
        const c = id.charCodeAt(i)
        const d = c < 128 ? CODE_OF[c] : -1
        if (d < 0) return -1
        v = v * 32 + d
      }
      if (v >= TWO24 * TWO24) return -1
      let left = Math.floor(v / TWO24)
      let right = v - left * TWO24
      for (let r = rounds - 1; r >= 0; r--) {
        const prevRight = left
        left = (right ^ combine(prevRight, k[r])) & MASK24
        right = prevRight
      }
      return left * TWO24 + right
    },
  }
}
