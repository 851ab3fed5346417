import { ID_ALPHABET, ID_DIGITS } from '../model/ids.ts'

const DIGIT = new Int8Array(128).fill(-1)
for (let i = 0; i < ID_ALPHABET.length; i++) DIGIT[ID_ALPHABET.charCodeAt(i)] = i
/** The id's digits as two numbers of 25 bits each (five digits each). */
const HALF = ID_DIGITS / 2
const NOT_AN_ID = -1

/**
 * Entity id → row index, in the order the entity table is written. The event rows name their entities by id, a
 * fresh string on every row: a Map has to hash it and compare it with the stored key, several hundred ns a lookup
 * at 20,000 accounts. Ids of the usual shape (the index's prefix, then ID_DIGITS digits) are read as two 25-bit
 * numbers and found in an open-addressing table of typed arrays instead; any other text goes through a Map.
 */
export class EntityIndex {
  readonly ids: string[] = []
  private head = ''
  private mask = 0
  private hi = new Int32Array(0)
  private lo = new Int32Array(0)
  /** Row index + 1 per slot, 0 for an empty slot. */
  private slot = new Int32Array(0)
  private readonly other = new Map<string, number>()
  /** Digits of the id last parsed by `parse`. */
  private keyHi = 0
  private keyLo = 0

  constructor() {
    this.resize(1024)
  }

  add(id: string): number {
    const i = this.ids.length
    if (i === 0) this.head = id.slice(0, id.length - ID_DIGITS)
    this.ids.push(id)
    if (this.parse(id) === NOT_AN_ID) this.other.set(id, i)
    else {
      if (2 * (i + 1) > this.slot.length) this.resize(this.slot.length * 2)
      this.put(this.keyHi, this.keyLo, i)
    }
    return i
  }

  of(id: string | null | undefined): number {
    if (id === null || id === undefined) return -1
    if (this.parse(id) === NOT_AN_ID) return this.other.get(id) ?? -1
    const hi = this.keyHi
    const lo = this.keyLo
    for (let b = hash(hi, lo) & this.mask; ; b = (b + 1) & this.mask) {
      const s = this.slot[b]
      if (s === 0) return -1
      if (this.hi[b] === hi && this.lo[b] === lo) return s - 1
    }
  }

  get size(): number {
    return this.ids.length
  }

  /** Sets keyHi and keyLo from an id of the usual shape; NOT_AN_ID for any other text. */
  private parse(id: string): number {
    const head = this.head
    if (id.length !== head.length + ID_DIGITS) return NOT_AN_ID
    for (let k = 0; k < head.length; k++) if (id.charCodeAt(k) !== head.charCodeAt(k)) return NOT_AN_ID
    let hi = 0
    let lo = 0
    for (let k = 0; k < HALF; k++) {
      const a = id.charCodeAt(head.length + k)
      const b = id.charCodeAt(head.length + HALF + k)
      const da = a < 128 ? DIGIT[a] : -1
      const db = b < 128 ? DIGIT[b] : -1
      if (da < 0 || db < 0) return NOT_AN_ID
      hi = hi * 32 + da
      lo = lo * 32 + db
    }
    this.keyHi = hi
    this.keyLo = lo
    return 0
  }

  private put(hi: number, lo: number, index: number): void {
    let b = hash(hi, lo) & this.mask
    while (this.slot[b] !== 0) b = (b + 1) & this.mask
    this.hi[b] = hi
    this.lo[b] = lo
    this.slot[b] = index + 1
  }

  private resize(slots: number): void {
    const [hi, lo, slot] = [this.hi, this.lo, this.slot]
    this.hi = new Int32Array(slots)
    this.lo = new Int32Array(slots)
    this.slot = new Int32Array(slots)
    this.mask = slots - 1
    for (let b = 0; b < slot.length; b++) if (slot[b] !== 0) this.put(hi[b], lo[b], slot[b] - 1)
  }
}

function hash(hi: number, lo: number): number {
  const h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (hi >>> 13), 0x85ebca77)
  return (h ^ (h >>> 15)) >>> 0
}
