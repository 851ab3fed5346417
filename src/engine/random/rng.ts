import { combineBits, hashString, mix32 } from './hash.ts'

/** The four 32-bit words that name a stream. Streams never advance their key; only their draw state moves. */
export type StreamKey = readonly [number, number, number, number]

const TWO_POW_32 = 4294967296

// The four words of a derived key, one function each so that seekRow can load them without building the key.
// Signed words (combineBits): deriveKey turns them unsigned, seekRow loads them as they are (start keeps them signed).
const word0 = (key: StreamKey, lo: number, hi: number) => combineBits(combineBits(key[0], lo), hi ^ 0x243f6a88)
const word1 = (key: StreamKey, lo: number, hi: number) => combineBits(combineBits(key[1], lo ^ 0x85a308d3), hi)
const word2 = (key: StreamKey, lo: number, hi: number) => combineBits(combineBits(key[2], hi ^ 0x13198a2e), lo)
const word3 = (key: StreamKey, lo: number, hi: number) => combineBits(combineBits(key[3] ^ 0x03707344, lo), hi)

function deriveKey(key: StreamKey, lo: number, hi: number): StreamKey {
  return [word0(key, lo, hi) >>> 0, word1(key, lo, hi) >>> 0, word2(key, lo, hi) >>> 0, word3(key, lo, hi) >>> 0]
}

/**
 * Seeded random stream: sfc32 state, keyed by a StreamKey.
 * `fork(label)` and `at(index)` derive new streams from the key without drawing, so the data a stream
 * produces depends only on (seed, labels, index) and never on how much another stream drew.
 * That is what keeps tables stable when a count changes and lets any row range be generated on its own.
 */
export class Rng {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(readonly key: StreamKey) {
    this.load(key)
  }

  private load(key: StreamKey): void {
    this.start(key[0], key[1], key[2], key[3])
  }

  private start(a: number, b: number, c: number, d: number): void {
    // Key words are unsigned (mix32's >>> 0); the state is kept signed (| 0, as u32 leaves it), so the four fields
    // always hold small integers: a word above 2^31 stored as it is would make V8 box every state write as a heap
    // number (a seekRow cost several times its arithmetic). u32 reads the words mod 2^32, so the draws are the same.
    this.a = a | 0
    this.b = b | 0
    this.c = c | 0
    this.d = d | 1
    for (let i = 0; i < 8; i++) this.u32()
  }

  /** A stream named `label` under this one. */
  fork(label: string): Rng {
    return new Rng(deriveKey(this.key, hashString(label), 0x5bd1e995))
  }

  /** The stream of row `index` (0 ≤ index < 2^53). */
  at(index: number): Rng {
    return new Rng(this.keyAt(index))
  }

  /** Re-points this object at row `index` of `parent`, without allocating: for hot loops. */
  seekRow(parent: Rng, index: number): this {
    // keyAt and load without the key array (one a row otherwise).
    const k = parent.key
    const lo = index >>> 0
    const hi = Math.floor(index / TWO_POW_32)
    this.start(word0(k, lo, hi), word1(k, lo, hi), word2(k, lo, hi), word3(k, lo, hi))
    return this
  }

  /** Writes the draw state into slot k of `out` (4 words each), so a later loadState resumes exactly here. */
  saveState(out: Int32Array, k: number): void {
    out[4 * k] = this.a
    out[4 * k + 1] = this.b
    out[4 * k + 2] = this.c
    out[4 * k + 3] = this.d
  }

  /** Resumes the draw state saved in slot k of `from`. */
  loadState(from: Int32Array, k: number): this {
    this.a = from[4 * k]
    this.b = from[4 * k + 1]
    this.c = from[4 * k + 2]
    this.d = from[4 * k + 3]
    return this
  }

  private keyAt(index: number): StreamKey {
    return deriveKey(this.key, index >>> 0, Math.floor(index / TWO_POW_32))
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / TWO_POW_32
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
}

/** The root stream of a run. A string seed and the same digits as a number give the same stream. */
export function createRng(seed: string | number): Rng {
  const text = String(seed)
  const h = hashString(text)
  return new Rng([mix32(h ^ 0x6a09e667), mix32(h ^ 0xbb67ae85), mix32(h + text.length), mix32(~h)])
}
