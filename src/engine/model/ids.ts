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
}

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
  return {
    prefix,
    id(stream, index) {
      let v = stream * TWO32 + index
      let left = Math.floor(v / TWO24)
      let right = v - left * TWO24
      for (let r = 0; r < rounds; r++) {
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
      return (prefix + '-' + out) as Id<TTable>
    },
  }
}
