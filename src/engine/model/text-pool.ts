/** A text length that says the row's texts are kept as strings (one of them runs to 255 characters or more). */
const LONG = 255

/** A typed array grown to hold `need` elements (doubling, so appends stay linear). */
function grow<T extends Uint8Array | Uint16Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a
  const out = make(Math.max(a.length * 2, need))
  out.set(a)
  return out
}

/**
 * `perRow` texts of each row, set in row order, held as character codes rather than strings: rows whose texts are
 * all Latin-1 as one byte a character, the others as two, and the odd row with a text of 255 characters or more as
 * strings. A short string costs its characters plus 16 to 24 bytes of header and a pointer; here a text costs its
 * characters and one length byte, and nothing the garbage collector traces.
 */
export class TextPool {
  private narrow: Uint8Array
  private wide: Uint16Array
  private narrowAt = 0
  private wideAt = 0
  /** Row i's first character in `narrow` or (flag set) `wide`. */
  private readonly start: Uint32Array
  private readonly isWide: Uint8Array
  private readonly lengths: Uint8Array
  private readonly long = new Map<number, readonly string[]>()

  constructor(
    rows: number,
    private readonly perRow: number,
    /** Characters a row is expected to take, to size the first pool. */
    expected: number,
  ) {
    this.narrow = new Uint8Array(Math.max(256, rows * expected))
    this.wide = new Uint16Array(256)
    this.start = new Uint32Array(rows)
    this.isWide = new Uint8Array(rows)
    this.lengths = new Uint8Array(rows * perRow)
  }

  set(i: number, texts: readonly string[]): void {
    const n = this.perRow
    let size = 0
    let wide = false
    for (let f = 0; f < n; f++) {
      const s = texts[f]
      size += s.length
      if (s.length >= LONG) {
        this.long.set(i, texts.slice(0, n))
        this.lengths[n * i] = LONG
        return
      }
      for (let k = 0; !wide && k < s.length; k++) if (s.charCodeAt(k) > 0xff) wide = true
    }
    for (let f = 0; f < n; f++) this.lengths[n * i + f] = texts[f].length
    if (wide) {
      this.isWide[i] = 1
      this.wide = grow(this.wide, this.wideAt + size, (m) => new Uint16Array(m))
      this.start[i] = this.wideAt
      for (let f = 0; f < n; f++) {
        const s = texts[f]
        for (let k = 0; k < s.length; k++) this.wide[this.wideAt++] = s.charCodeAt(k)
      }
    } else {
      this.narrow = grow(this.narrow, this.narrowAt + size, (m) => new Uint8Array(m))
      this.start[i] = this.narrowAt
      for (let f = 0; f < n; f++) {
        const s = texts[f]
        for (let k = 0; k < s.length; k++) this.narrow[this.narrowAt++] = s.charCodeAt(k)
      }
    }
  }

  /** Drops the pools' unused tails once every row is set. */
  seal(): void {
    this.narrow = this.narrow.slice(0, this.narrowAt)
    this.wide = this.wide.slice(0, this.wideAt)
  }

  /** Text f of row i. */
  get(i: number, f: number): string {
    const n = this.perRow
    if (this.lengths[n * i] === LONG) return (this.long.get(i) as readonly string[])[f]
    let at = this.start[i]
    for (let k = 0; k < f; k++) at += this.lengths[n * i + k]
    const end = at + this.lengths[n * i + f]
    const codes = this.isWide[i] === 1 ? this.wide.subarray(at, end) : this.narrow.subarray(at, end)
    return String.fromCharCode.apply(null, codes as unknown as number[])
  }
}
