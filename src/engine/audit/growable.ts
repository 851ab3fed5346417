/** A Float64Array that grows by doubling: per-row values the audit keeps without holding the rows. */
export class GrowableFloats {
  private data = new Float64Array(1024)
  length = 0

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }

  get(i: number): number {
    return this.data[i]
  }

  /** The values pushed so far, as one array of exactly that length (a view, not a copy). */
  view(): Float64Array {
    return this.data.subarray(0, this.length)
  }
}
