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

/** f(0) … f(n − 1) as a Float64Array (a plain loop: `Float64Array.from` with a mapper is several times slower). */
export function tabulate(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = f(i)
  return out
}
