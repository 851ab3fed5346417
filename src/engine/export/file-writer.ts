import type { ByteSink, FileSink } from './byte-sink.ts'
import type { FileInfo } from './output.ts'
import { Sha256 } from './sha256.ts'

/** An incremental SHA-256. Hosts may supply a native one (Node's crypto is ~10× faster); the digest is the same. */
export interface Hasher {
  update(data: Uint8Array): unknown
  hex(): string
}

export type HasherFactory = () => Hasher

export const jsHasher: HasherFactory = () => new Sha256()

/** 256 KiB chunks: large enough that sink calls are cheap, small enough to stream. */
const CHUNK_BYTES = 1 << 18

/**
 * Encodes text straight into UTF-8 chunks (ASCII fast path, no intermediate row strings), hashes every byte and
 * hands full chunks to the sink. Lone surrogates become U+FFFD, exactly as TextEncoder would write them.
 */
export class FileWriter {
  /** The chunk being filled, and the next position in it (the CSV row writer writes there directly). */
  buf = new Uint8Array(CHUNK_BYTES)
  pos = 0
  private bytes = 0
  private readonly ready: Uint8Array[] = []
  /**
   * Whole chunks the sink is done with (only when it says so: FileSink.releasesChunks), filled again instead of a
   * fresh 256 KiB each: a fresh one is zeroed, often mapped and faulted in page by page, and its memory counts
   * towards the next garbage collection.
   */
  private readonly spare: Uint8Array<ArrayBuffer>[] = []
  /** Each chunk cut from a whole `buf` and waiting in `ready`, to that buf (raw chunks are another's: never refilled). */
  private readonly wholeOf = new WeakMap<Uint8Array, Uint8Array<ArrayBuffer>>()
  private readonly hash: Hasher

  private constructor(
    readonly name: string,
    private readonly file: FileSink,
    hasher: HasherFactory,
  ) {
    this.hash = hasher()
  }

  static async open(sink: ByteSink, name: string, hasher: HasherFactory = jsHasher): Promise<FileWriter> {
    return new FileWriter(name, await sink.open(name), hasher)
  }

  /** A writer that keeps its bytes for `takeBytes()` instead of sending them anywhere (parallel lanes encode into these). */
  static memory(): FileWriter {
    return new FileWriter('memory', { write: () => undefined, close: () => undefined }, () => ({
      update: () => undefined,
      hex: () => '',
    }))
  }

  /** Bytes written so far. */
  get offset(): number {
    return this.bytes + this.pos
  }

  /** Everything written so far, as one array; only for `memory()` writers, which never send. */
  takeBytes(): Uint8Array {
    this.cut()
    const out = new Uint8Array(this.ready.reduce((n, c) => n + c.length, 0))
    let at = 0
    for (const c of this.ready) {
      out.set(c, at)
      at += c.length
    }
    this.ready.length = 0
    return out
  }

  /** Appends bytes encoded elsewhere (a parallel lane's rows). */
  raw(chunk: Uint8Array): Promise<void> | void {
    if (chunk.length === 0) return
    this.cut()
    this.bytes += chunk.length
    this.hash.update(chunk)
    this.ready.push(chunk)
    return this.send()
  }

  /** Appends one byte (an ASCII separator). */
  byte(b: number): void {
    if (this.pos === this.buf.length) this.cut()
    this.buf[this.pos++] = b
  }

  /** Appends a string known to be ASCII (ids, codes, enum values). */
  ascii(s: string): void {
    const n = s.length
    if (this.pos + n > this.buf.length) return this.put(s)
    const b = this.buf
    let p = this.pos
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i)
    this.pos = p
  }

  /** Makes room for n bytes at `pos`: the full part of the chunk goes to the sink, and a chunk too small grows. */
  spill(n: number): void {
    if (this.pos + n <= this.buf.length) return
    this.cut()
    if (n > this.buf.length) this.buf = new Uint8Array(n)
  }

  /** Appends a non-negative integer's decimal digits (as String(v) prints them). */
  uint(v: number): void {
    if (v < 10) return this.byte(48 + v)
    // Past 1e15 (or for a fraction) String() may switch notation or round: leave those to it.
    if (v >= 1e15 || v !== Math.floor(v)) return this.ascii(String(v))
    let n = 1
    for (let t = v; t >= 10; t = Math.floor(t / 10)) n++
    if (this.pos + n > this.buf.length) this.cut()
    const b = this.buf
    let p = this.pos + n
    this.pos = p
    while (v >= 10) {
      const q = Math.floor(v / 10)
      b[--p] = 48 + (v - q * 10)
      v = q
    }
    b[p - 1] = 48 + v
  }

  /** Appends `count` digits of v, zero-padded. */
  padded(v: number, count: number): void {
    if (this.pos + count > this.buf.length) this.cut()
    const b = this.buf
    for (let i = count - 1; i >= 0; i--) {
      b[this.pos + i] = 48 + (v % 10)
      v = Math.floor(v / 10)
    }
    this.pos += count
  }

  /** Appends a string as UTF-8. */
  put(s: string): void {
    const n = s.length
    if (this.pos + n * 3 > this.buf.length) {
      this.cut()
      if (n * 3 > this.buf.length) this.buf = new Uint8Array(n * 3)
    }
    const b = this.buf
    let p = this.pos
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i)
      if (c < 0x80) b[p++] = c
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6)
        b[p++] = 0x80 | (c & 63)
      } else {
        if (c >= 0xd800 && c < 0xe000) {
          const d = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0
          if (d >= 0xdc00 && d < 0xe000) {
            const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
            b[p++] = 0xf0 | (cp >> 18)
            b[p++] = 0x80 | ((cp >> 12) & 63)
            b[p++] = 0x80 | ((cp >> 6) & 63)
            b[p++] = 0x80 | (cp & 63)
            i++
            continue
          }
          c = 0xfffd
        }
        b[p++] = 0xe0 | (c >> 12)
        b[p++] = 0x80 | ((c >> 6) & 63)
        b[p++] = 0x80 | (c & 63)
      }
    }
    this.pos = p
  }

  /** Writes text; returns a promise when full chunks went to the sink (await it for backpressure). */
  write(text: string): Promise<void> | void {
    this.put(text)
    return this.drain()
  }

  /** Sends completed chunks to the sink; call between rows. */
  drain(): Promise<void> | void {
    if (this.pos >= CHUNK_BYTES - 4096) this.cut()
    if (this.ready.length === 0) return
    return this.send()
  }

  private cut(): void {
    if (this.pos === 0) return
    // The filled part goes as it is and a spare or fresh chunk takes its place: copying out every byte cost more.
    const chunk = this.buf.subarray(0, this.pos)
    if (this.buf.length === CHUNK_BYTES) this.wholeOf.set(chunk, this.buf)
    this.buf = this.spare.pop() ?? new Uint8Array(CHUNK_BYTES)
    this.pos = 0
    this.bytes += chunk.length
    this.hash.update(chunk)
    this.ready.push(chunk)
  }

  private async send(): Promise<void> {
    while (this.ready.length > 0) {
      const chunk = this.ready.shift() as Uint8Array
      await this.file.write(chunk)
      const whole = this.wholeOf.get(chunk)
      if (whole !== undefined && this.file.releasesChunks === true) this.spare.push(whole)
    }
  }

  async close(): Promise<FileInfo> {
    this.cut()
    await this.send()
    await this.file.close()
    return { name: this.name, bytes: this.bytes, sha256: this.hash.hex() }
  }
}
