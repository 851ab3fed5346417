/**
 * Cells encoded once and copied many times (an account's id, currency or country on every transaction row): all of
 * them in one flat byte array, so a row's copy reads a run of bytes, never the string or the object that holds it.
 */
export class ByteCells {
  private constructor(
    /** How many cells. */
    readonly size: number,
    private readonly bytes: Uint8Array,
    /** Every cell's length when they are all as long (ids from one codec): then no offsets are kept. */
    private readonly width: number,
    /** Cell i is bytes [starts[i], starts[i + 1]), when the lengths differ. */
    private readonly starts: Int32Array | null,
  ) {}

  /** Strings known to be ASCII, byte for byte as asciiAt writes them. */
  static ascii(cells: readonly string[]): ByteCells {
    const n = cells.length
    const width = n > 0 ? cells[0].length : 0
    const uniform = cells.every((c) => c.length === width)
    const starts = uniform ? null : new Int32Array(n + 1)
    if (starts !== null) for (let i = 0; i < n; i++) starts[i + 1] = starts[i] + cells[i].length
    const bytes = new Uint8Array(starts === null ? n * width : starts[n])
    for (let i = 0, p = 0; i < n; i++) {
      const s = cells[i]
      for (let k = 0; k < s.length; k++) bytes[p++] = s.charCodeAt(k)
    }
    return new ByteCells(n, bytes, width, starts)
  }

  /** Writes cell i at p in b; returns the end. */
  at(b: Uint8Array, p: number, i: number): number {
    const bytes = this.bytes
    const starts = this.starts
    let k = starts === null ? i * this.width : starts[i]
    const end = starts === null ? k + this.width : starts[i + 1]
    while (k < end) b[p++] = bytes[k++]
    return p
  }
}

/**
 * One code cell per entry (each account's currency), as the distinct codes' bytes and each entry's code number:
 * equal codes have equal numbers, so comparing two entries' codes reads no string.
 */
export class CodeCells {
  private constructor(
    private readonly cells: ByteCells,
    /** Entry i's code number. */
    readonly code: Int32Array,
    /** Whether every code is plain letters and digits, so `at` writes the cell csvRowWriter writes for it. */
    readonly plain: boolean,
    /** How many distinct codes. */
    readonly size: number,
  ) {}

  static of(codes: readonly string[]): CodeCells {
    const numbers = new Map<string, number>()
    const code = new Int32Array(codes.length)
    for (let i = 0; i < codes.length; i++) {
      let c = numbers.get(codes[i])
      if (c === undefined) numbers.set(codes[i], (c = numbers.size))
      code[i] = c
    }
    const distinct = [...numbers.keys()]
    const plain = distinct.every((c) => /^[A-Za-z0-9]+$/.test(c))
    return new CodeCells(ByteCells.ascii(plain ? distinct : []), code, plain, distinct.length)
  }

  /** Writes entry i's code at p in b (only when `plain`); returns the end. */
  at(b: Uint8Array, p: number, i: number): number {
    return this.cells.at(b, p, this.code[i])
  }
}
