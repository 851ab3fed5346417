/**
 * Every (payer, counterparty) pair of the payments seen, with what the repeat, recurring and degree figures need:
 * the pair's payment count, its last time and the running mean and M2 (Welford) of the gaps between its payments,
 * which arrive in time order. An open-addressing table over typed arrays (a Map with 53-bit keys costs several
 * times more per payment) whose records sit in the buckets themselves: a payment reads one bucket's key and
 * figures, whose places follow from the hash alone, instead of following a bucket to a slot in six arrays (two
 * cache misses in a row per payment once the pairs outgrow the cache). Memory is bounded by `cap` pairs: beyond it
 * the table keeps only the pairs of a hash-chosen sample of payers (each time it fills, half of the payers kept so
 * far), so every figure becomes an estimate over a uniform sample of payers (`rate` says which share), exact while
 * `rate` is 1.
 */
export class PairTable {
  rate = 1
  private size = 0
  private mask = 0
  /**
   * Per bucket: payer + 1 (0: empty), partner and the pair's payment count, side by side: a payment's probe reads
   * the key and bumps the count in one cache line (a count array of its own cost a third miss per payment).
   */
  private keys = new Int32Array(0)
  /** Per bucket: the last payment's time, the gaps' mean and M2. */
  private stats = new Float64Array(0)

  /** `payerUnit(i)`: payer i's hash in [0, 1), which decides whether it stays in the sample. */
  constructor(
    private readonly cap: number,
    private readonly payerUnit: (payer: number) => number,
  ) {
    this.rebuild(2048, 1)
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
    const keys = this.keys
    const stats = this.stats
    let b = PairTable.hash(payer, partner) & this.mask
    for (;;) {
      const k = keys[3 * b]
      if (k === 0) break
      if (k === payer + 1 && keys[3 * b + 1] === partner) {
        const gaps = keys[3 * b + 2]
        const gap = t - stats[3 * b]
        const mean = stats[3 * b + 1]
        const delta = gap - mean
        const next = mean + delta / gaps
        stats[3 * b + 1] = next
        stats[3 * b + 2] += delta * (gap - next)
        keys[3 * b + 2] = gaps + 1
        stats[3 * b] = t
        return
      }
      b = (b + 1) & this.mask
    }
    keys[3 * b] = payer + 1
    keys[3 * b + 1] = partner
    keys[3 * b + 2] = 1
    stats[3 * b] = t
    stats[3 * b + 1] = 0
    stats[3 * b + 2] = 0
    this.size++
    if (this.size > this.cap) this.thin()
    else if (this.size * 2 > this.mask + 1) this.rebuild(2 * (this.mask + 1), this.rate)
  }

  /** Moves the pairs whose payers are in the sample at `rate` into `buckets` fresh buckets (at most half full). */
  private rebuild(buckets: number, rate: number): void {
    const { keys, stats } = this
    this.keys = new Int32Array(3 * buckets)
    this.stats = new Float64Array(3 * buckets)
    this.mask = buckets - 1
    this.size = 0
    for (let o = 0; 3 * o < keys.length; o++) {
      const payer = keys[3 * o] - 1
      if (payer < 0 || (rate < 1 && this.payerUnit(payer) >= rate)) continue
      const partner = keys[3 * o + 1]
      let b = PairTable.hash(payer, partner) & this.mask
      while (this.keys[3 * b] !== 0) b = (b + 1) & this.mask
      this.keys[3 * b] = payer + 1
      this.keys[3 * b + 1] = partner
      this.keys[3 * b + 2] = keys[3 * o + 2]
      this.stats[3 * b] = stats[3 * o]
      this.stats[3 * b + 1] = stats[3 * o + 1]
      this.stats[3 * b + 2] = stats[3 * o + 2]
      this.size++
    }
  }

  /** Halves the payer sample until the pairs fit again. */
  private thin(): void {
    while (this.size > this.cap) {
      this.rate /= 2
      this.rebuild(this.mask + 1, this.rate)
    }
  }

  /** Calls back once per pair: payer, partner code, payments, and the gaps' mean and sample standard deviation. */
  forEach(f: (payer: number, partner: number, n: number, gapMean: number, gapSd: number) => void): void {
    for (let b = 0; b <= this.mask; b++) {
      const payer = this.keys[3 * b] - 1
      if (payer < 0) continue
      const n = this.keys[3 * b + 2]
      const gaps = n - 1
      f(
        payer,
        this.keys[3 * b + 1],
        n,
        this.stats[3 * b + 1],
        gaps >= 2 ? Math.sqrt(this.stats[3 * b + 2] / (gaps - 1)) : NaN,
      )
    }
  }
}
