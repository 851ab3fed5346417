/**
 * Every (payer, counterparty) pair of the payments seen, with what the repeat, recurring and degree figures need:
 * the pair's payment count, its last time and the running mean and M2 (Welford) of the gaps between its payments,
 * which arrive in time order. An open-addressing table over typed arrays (a Map with 53-bit keys costs several
 * times more per payment). Memory is bounded by `cap` pairs: beyond it the table keeps only the pairs of a
 * hash-chosen sample of payers (each time it fills, half of the payers kept so far), so every figure becomes an
 * estimate over a uniform sample of payers (`rate` says which share), exact while `rate` is 1.
 */
export class PairTable {
  rate = 1
  private size = 0
  private mask = 0
  /** Slot + 1 of each hash bucket (0 = empty). */
  private buckets = new Int32Array(0)
  private payer = new Int32Array(0)
  private partner = new Int32Array(0)
  private count = new Int32Array(0)
  private last = new Float64Array(0)
  private gapMean = new Float64Array(0)
  private gapM2 = new Float64Array(0)

  /** `payerUnit(i)`: payer i's hash in [0, 1), which decides whether it stays in the sample. */
  constructor(
    private readonly cap: number,
    private readonly payerUnit: (payer: number) => number,
  ) {
    this.resize(1024)
  }

  /** Partners are accounts (even codes) or merchants (odd codes), so one number names either. */
  static accountPartner(account: number): number {
    return account * 2
  }
  static merchantPartner(merchant: number): number {
    return merchant * 2 + 1
  }

  private static hash(payer: number, partner: number): number {
    let h = Math.imul(payer ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(partner + 0x632be5ab, 0xc2b2ae35)
    h ^= h >>> 15
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12)
  }

  add(payer: number, partner: number, t: number): void {
    if (this.rate < 1 && this.payerUnit(payer) >= this.rate) return
    let b = PairTable.hash(payer, partner) & this.mask
    for (;;) {
      const s = this.buckets[b] - 1
      if (s < 0) break
      if (this.payer[s] === payer && this.partner[s] === partner) {
        const gaps = this.count[s]
        const gap = t - this.last[s]
        const delta = gap - this.gapMean[s]
        this.gapMean[s] += delta / gaps
        this.gapM2[s] += delta * (gap - this.gapMean[s])
        this.count[s] = gaps + 1
        this.last[s] = t
        return
      }
      b = (b + 1) & this.mask
    }
    const s = this.size++
    this.buckets[b] = s + 1
    this.payer[s] = payer
    this.partner[s] = partner
    this.count[s] = 1
    this.last[s] = t
    this.gapMean[s] = 0
    this.gapM2[s] = 0
    if (this.size > this.cap) this.thin()
    else if (this.size * 2 > this.payer.length) this.resize(this.payer.length * 2)
  }

  /** Room for `slots` pairs (buckets twice that), keeping the first `size`. */
  private resize(slots: number): void {
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T) => {
      const next = make(slots)
      next.set(old.subarray(0, this.size))
      return next
    }
    this.payer = grow(this.payer, (n) => new Int32Array(n))
    this.partner = grow(this.partner, (n) => new Int32Array(n))
    this.count = grow(this.count, (n) => new Int32Array(n))
    this.last = grow(this.last, (n) => new Float64Array(n))
    this.gapMean = grow(this.gapMean, (n) => new Float64Array(n))
    this.gapM2 = grow(this.gapM2, (n) => new Float64Array(n))
    this.rehash(slots * 2)
  }

  private rehash(buckets: number): void {
    this.buckets = new Int32Array(buckets)
    this.mask = buckets - 1
    for (let s = 0; s < this.size; s++) {
      let b = PairTable.hash(this.payer[s], this.partner[s]) & this.mask
      while (this.buckets[b] !== 0) b = (b + 1) & this.mask
      this.buckets[b] = s + 1
    }
  }

  /** Halves the payer sample until the pairs fit again, compacting the kept pairs in place. */
  private thin(): void {
    while (this.size > this.cap) {
      this.rate /= 2
      let kept = 0
      for (let s = 0; s < this.size; s++) {
        if (this.payerUnit(this.payer[s]) >= this.rate) continue
        this.payer[kept] = this.payer[s]
        this.partner[kept] = this.partner[s]
        this.count[kept] = this.count[s]
        this.last[kept] = this.last[s]
        this.gapMean[kept] = this.gapMean[s]
        this.gapM2[kept] = this.gapM2[s]
        kept++
      }
      this.size = kept
    }
    this.rehash(this.buckets.length)
  }

  /** Calls back once per pair: payer, partner code, payments, and the gaps' mean and sample standard deviation. */
  forEach(f: (payer: number, partner: number, n: number, gapMean: number, gapSd: number) => void): void {
    for (let s = 0; s < this.size; s++) {
      const gaps = this.count[s] - 1
      f(
        this.payer[s],
        this.partner[s],
        this.count[s],
        this.gapMean[s],
        gaps >= 2 ? Math.sqrt(this.gapM2[s] / (gaps - 1)) : NaN,
      )
    }
  }
}
