import { hashString } from '../random/hash.ts'

/** 128 bits per entity: linear counting (Whang et al.) estimates distinct values within a few percent up to ~150. */
const WORDS = 4
const BITS = WORDS * 32

/**
 * Distinct-value counters for many entities at 16 bytes each (partners, devices, IP addresses), so the audit's
 * memory grows with the entities, never with the rows. Deterministic: the bit comes from a fixed hash.
 */
export class DistinctCounters {
  private readonly bits: Uint32Array

  constructor(entities: number) {
    this.bits = new Uint32Array(entities * WORDS)
  }

  add(entity: number, value: string): void {
    const h = hashString(value) % BITS
    this.bits[entity * WORDS + (h >>> 5)] |= 1 << (h & 31)
  }

  estimate(entity: number): number {
    let set = 0
    for (let w = 0; w < WORDS; w++) set += popcount(this.bits[entity * WORDS + w])
    if (set === 0) return 0
    const empty = Math.max(BITS - set, 0.5)
    return Math.round(-BITS * Math.log(empty / BITS) * 10) / 10
  }
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}
