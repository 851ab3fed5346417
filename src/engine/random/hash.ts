/** 32-bit integer hashing shared by seeding, forking and id permutation. Pure 32-bit ops, so V8 in Node and Chrome agree. */

/** murmur3's finaliser: full avalanche on 32 bits. */
export function mix32(x: number): number {
  return mixBits(x) >>> 0
}

/** mix32's bits as a signed 32-bit integer. */
function mixBits(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  return x ^ (x >>> 16)
}

/** FNV-1a over UTF-16 code units, finalised with mix32 (plain FNV mixes short labels poorly). */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** Combines two 32-bit words; order matters. */
export function combine(a: number, b: number): number {
  return combineBits(a, b) >>> 0
}

/**
 * combine's bits as a signed 32-bit integer, for words that go on into 32-bit state (a stream's key words, in
 * Rng.seekRow): V8 keeps a signed 32-bit value unboxed, while an unsigned one above 2^31 becomes a double.
 */
export function combineBits(a: number, b: number): number {
  return mixBits(a ^ Math.imul(b ^ 0x9e3779b9, 0x7feb352d))
}

/** Hash of an (a, b, c) triple to a float in [0, 1): for stateless per-entity traits. */
export function unitHash(a: number, b: number, c = 0): number {
  return combine(combine(a, b), c) / 4294967296
}
