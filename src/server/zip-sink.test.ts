import { PassThrough } from 'node:stream'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createZipSink } from './zip-sink.ts'

/** A CSV-like file of `rows` lines, deterministic. */
function csv(rows: number): Uint8Array {
  const lines = ['id,amount,description']
  for (let i = 0; i < rows; i++) lines.push(`T${i * 7919},${(i * 37) % 100_000}.${i % 100},payment ${i % 97}`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

/** The server's zip of `file`, written in chunks of the given sizes in turn (as a job thread may batch them). */
async function zipped(file: Uint8Array, sizes: readonly number[]): Promise<Buffer> {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (b: Buffer) => parts.push(b))
  const sink = createZipSink(out)
  const writer = await sink.open('transactions.csv')
  for (let at = 0, k = 0; at < file.length; k++) {
    const n = sizes[k % sizes.length]
    await writer.write(file.slice(at, at + n))
    at += n
  }
  await writer.close()
  await sink.end()
  return Buffer.concat(parts)
}

describe("the server's zip", () => {
  it('has the same bytes however the engine or a job thread cut the files, and unzips to them', async () => {
    const file = csv(120_000) // about 3.5 MB: several deflate blocks
    const [a, b, c] = await Promise.all([[65_536], [61, 4093, 700_001], [4_000_000]].map((s) => zipped(file, s)))
    expect(b.equals(a)).toBe(true)
    expect(c.equals(a)).toBe(true)
    expect(Buffer.from(unzipSync(a)['transactions.csv']).equals(Buffer.from(file))).toBe(true)
  })
})
