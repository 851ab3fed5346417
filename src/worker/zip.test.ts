import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipFiles } from './zip.ts'

/** A CSV-like file of `rows` lines, deterministic. */
function csv(rows: number): Uint8Array {
  const lines = ['id,amount,description']
  for (let i = 0; i < rows; i++) lines.push(`T${i * 7919},${(i * 37) % 100_000}.${i % 100},payment ${i % 97}`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

/** The bytes cut at the given sizes, in turn (as rows on one thread or a lane's ranges would cut them). */
function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const parts: Uint8Array[] = []
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]
    parts.push(bytes.slice(at, at + n))
    at += n
  }
  return parts
}

describe('the zip', () => {
  it('has the same bytes however its files were cut into chunks, and unzips to them', async () => {
    const a = csv(120_000) // about 3.5 MB: several deflate blocks
    const b = csv(3_000)
    const zips = await Promise.all(
      [[256 * 1024], [61, 4093, 700_001], [5_000_000]].map((sizes) =>
        zipFiles([
          ['transactions.csv', cut(a, sizes)],
          ['persons.csv', cut(b, sizes)],
        ]),
      ),
    )
    // Compared as buffers: a deep equality walks megabytes element by element.
    const same = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y))
    expect(same(zips[1], zips[0])).toBe(true)
    expect(same(zips[2], zips[0])).toBe(true)
    const files = unzipSync(zips[0])
    expect(same(files['transactions.csv'], a)).toBe(true)
    expect(same(files['persons.csv'], b)).toBe(true)
  }, 120_000)
})
