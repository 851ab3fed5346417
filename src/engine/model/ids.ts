import { combine, hashString } from '../random/hash.ts'

/**
 * Row ids. Every row is numbered inside its own stream (stream 0 = a table's background rows, stream s > 0 =
 * one pattern instance), and (stream, index) goes through a keyed 4-round Feistel permutation on 48 bits,
 * printed as 10 Crockford base-32 characters. So ids are unique (a bijection), stable (they depend only on
 * the row's own stream and index, not on how many rows other streams added) and do not leak labels
 * (pattern rows look like any other id).
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const MASK24 = 0xffffff
const TWO24 = 16_777_216
const TWO32 = 4_294_967_296

export interface IdCodec {
  readonly prefix: string
  /** The id of row `index` of `stream`. */
  id(stream: number, index: number): string
}

export function createIdCodec(prefix: string, seedKey: number): IdCodec {
  const k = [0, 1, 2, 3].map((r) => combine(combine(seedKey, hashString(prefix)), r))
  return {
    prefix,
    id(stream, index) {
      let v = stream * TWO32 + index
      let left = Math.floor(v / TWO24)
      let right = v - left * TWO24
      for (let r = 0; r < 4; r++) {
        const f = combine(right, k[r]) & MASK24
        const next = (left ^ f) & MASK24
        left = right
        right = next
      }
      v = left * TWO24 + right
      let out = ''
      for (let i = 0; i < 10; i++) {
        const d = v % 32
        out = ALPHABET[d] + out
        v = (v - d) / 32
      }
      return prefix + '-' + out
    },
  }
}
