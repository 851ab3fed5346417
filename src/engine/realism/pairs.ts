/**
 * Every (payer, counterparty) pair of the payments seen, with what the repeat, recurring and degree figures need:
 * the pair's payment count, its last time and the running mean and M2 (Welford) of the gaps between its payments,
 * which arrive in time order. Memory is bounded by `cap` pairs: beyond it the table keeps only the pairs of a
 * hash-chosen sample of payers (each time it fills, half of the payers kept so far), so every figure becomes an
 * estimate over a uniform sample of payers (`rate` says which share), exact while `rate` is 1.
 */
export class PairTable {
  rate = 1
  private readonly slots = new Map<number, number>()
  private payer: number[] = []
  private partner: number[] = []
  private count: number[] = []
  private last: number[] = []
  private gapMean: number[] = []
  private gapM2: number[] = []

  /** `payerUnit(i)`: payer i's hash in [0, 1), which decides whether it stays in the sample. */
  constructor(
    private readonly cap: number,
    private readonly payerUnit: (payer: number) => number,
  ) {}

  /** Partners are accounts (even codes) or merchants (odd codes), so one number names either. */
  static accountPartner(account: number): number {
    return account * 2
  }
  static merchantPartner(merchant: number): number {
    return merchant * 2 + 1
  }

  add(payer: number, partner: number, t: number): void {
    if (this.rate < 1 && this.payerUnit(payer) >= this.rate) return
    const key = payer * 67_108_864 + partner
    const slot = this.slots.get(key)
    if (slot === undefined) {
      this.slots.set(key, this.payer.length)
      this.payer.push(payer)
      this.partner.push(partner)
      this.count.push(1)
      this.last.push(t)
      this.gapMean.push(0)
      this.gapM2.push(0)
      if (this.payer.length > this.cap) this.thin()
      return
    }
    const gaps = this.count[slot]
    const gap = t - this.last[slot]
    const delta = gap - this.gapMean[slot]
    this.gapMean[slot] += delta / gaps
    this.gapM2[slot] += delta * (gap - this.gapMean[slot])
    this.count[slot] = gaps + 1
    this.last[slot] = t
  }

  /** Halves the payer sample until the pairs fit again. */
  private thin(): void {
    while (this.payer.length > this.cap) {
      this.rate /= 2
      const keep = this.payer.map((p) => this.payerUnit(p) < this.rate)
      const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i])
      this.payer = pick(this.payer)
      this.partner = pick(this.partner)
      this.count = pick(this.count)
      this.last = pick(this.last)
      this.gapMean = pick(this.gapMean)
      this.gapM2 = pick(this.gapM2)
      this.slots.clear()
      this.payer.forEach((p, i) => this.slots.set(p * 67_108_864 + this.partner[i], i))
    }
  }

  /** Calls back once per pair: payer, partner code, payments, and the gaps' mean and sample standard deviation. */
  forEach(f: (payer: number, partner: number, n: number, gapMean: number, gapSd: number) => void): void {
    for (let i = 0; i < this.payer.length; i++) {
      const gaps = this.count[i] - 1
      f(
        this.payer[i],
        this.partner[i],
        this.count[i],
        this.gapMean[i],
        gaps >= 2 ? Math.sqrt(this.gapM2[i] / (gaps - 1)) : NaN,
      )
    }
  }
}
