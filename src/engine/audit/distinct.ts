import { hashString, mix32 } from '../random/hash.ts'

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
    this.set(entity, hashString(value) % BITS)
  }

  /** A value already known as a number (another entity's index): no string to hash. */
  addNumber(entity: number, value: number): void {
    this.set(entity, mix32(value + 1) % BITS)
  }

  private set(entity: number, bit: number): void {
    this.bits[entity * WORDS + (bit >>> 5)] |= 1 << (bit & 31)
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
