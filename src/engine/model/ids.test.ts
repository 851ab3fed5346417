import { describe, expect, it } from 'vitest'
import type { Person } from './tables/persons.ts'
import { createCodecs } from '../orchestrator/codecs.ts'
import { createIdCodec } from './ids.ts'

describe('id codec', () => {
  it('is a bijection: distinct (stream, index) pairs never collide', () => {
    const codec = createIdCodec('TXN', 12345)
    const seen = new Set<string>()
    for (const stream of [0, 1, 2, 4097, 20_000, 65_535]) for (let i = 0; i < 3000; i++) seen.add(codec.id(stream, i))
    expect(seen.size).toBe(6 * 3000)
  })

  it('prints fixed-width ids that do not reveal the stream (pattern rows look like background rows)', () => {
    const codec = createIdCodec('ACC', 7)
    const ids = [codec.id(0, 0), codec.id(0, 1), codec.id(1, 0), codec.id(12_289, 3)]
    for (const id of ids) expect(id).toMatch(/^ACC-[0-9A-HJKMNP-TV-Z]{10}$/)
    // The code's leading characters do not separate streams (the first one holds only 3 of the 48 bits, so look at the second).
    const firstChars = (stream: number) => new Set(Array.from({ length: 200 }, (_, i) => codec.id(stream, i)[5]))
    expect(firstChars(0).size).toBeGreaterThan(20)
    expect(firstChars(5000).size).toBeGreaterThan(20)
  })

  it('depends on the key: another seed gives other ids', () => {
    expect(createIdCodec('PER', 1).id(0, 5)).not.toBe(createIdCodec('PER', 2).id(0, 5))
  })
})

describe('branded entity ids', () => {
  it('an account id is not accepted where a person id belongs (checked by tsc -b, which compiles this file)', () => {
    const codecs = createCodecs(7)
    const account = codecs.accounts.id(0, 3)
    // @ts-expect-error an Id<'accounts'> is not an Id<'persons'>
    const wrong: Person['id'] = account
    const person: Person['id'] = codecs.persons.id(0, 3)
    const anyText: string = person // every id is still a string
    expect([wrong.slice(0, 4), anyText.slice(0, 4)]).toEqual(['ACC-', 'PER-'])
  })
})

describe('id decoding', () => {
  it('inverts the codec for any stream and index, and refuses what the codec never prints', () => {
    const codec = createIdCodec('ACC', 99)
    for (const [stream, index] of [
      [0, 0],
      [0, 1],
      [0, 9_999_999],
      [0, 4_294_967_295],
      [1, 0],
      [65_535, 4_294_967_295],
    ])
      expect(codec.decode(codec.id(stream, index))).toBe(stream * 4_294_967_296 + index)
    const id = codec.id(0, 12)
    for (const bad of [
      '',
      'ACC-',
      id.slice(0, -1),
      id + '0',
      'PER' + id.slice(3),
      id.slice(0, -1) + 'U',
      'ACC-ZZZZZZZZZZ',
    ])
      expect(codec.decode(bad), bad).toBe(-1)
  })

  it('inverts a secret-keyed codec too, which the seed-keyed one cannot', () => {
    const keyed = createIdCodec('TXN', 99, [0x1234abcd, 0x0badf00d, 7, 42])
    const plain = createIdCodec('TXN', 99)
    for (const index of [0, 1, 77_777, 4_294_967_295]) {
      expect(keyed.decode(keyed.id(3, index))).toBe(3 * 4_294_967_296 + index)
      expect(plain.decode(keyed.id(3, index))).not.toBe(3 * 4_294_967_296 + index)
    }
  })
})
