import { describe, expect, it } from 'vitest'
import { createIdCodec } from '../model/ids.ts'
import { EntityIndex } from './entity-index.ts'

describe('entity index', () => {
  it('finds every id it was given, in the order given, across its growth', () => {
    const codec = createIdCodec('ACC', 42)
    const ids = Array.from({ length: 5000 }, (_, i) => codec.id(i % 7, i) as string)
    const index = new EntityIndex()
    ids.forEach((id, i) => expect(index.add(id)).toBe(i))
    // Fresh strings, as event rows carry them, not the stored ones.
    ids.forEach((id, i) => expect(index.of(id.split('').join(''))).toBe(i))
    expect(index.size).toBe(5000)
    expect(index.ids).toEqual(ids)
  })

  it('tells apart ids it was not given: other digits, another prefix, other shapes, none', () => {
    const codec = createIdCodec('ACC', 42)
    const index = new EntityIndex()
    for (let i = 0; i < 100; i++) index.add(codec.id(0, i))
    expect(index.of(codec.id(0, 100))).toBe(-1)
    expect(index.of('PER-' + codec.id(0, 5).slice(4))).toBe(-1)
    expect(index.of(codec.id(0, 5).slice(0, 13))).toBe(-1)
    expect(index.of(codec.id(0, 5).slice(0, 13) + 'I')).toBe(-1)
    expect(index.of(null)).toBe(-1)
    expect(index.of(undefined)).toBe(-1)
    expect(index.of('')).toBe(-1)
  })

  it('keeps ids of any other shape too', () => {
    const index = new EntityIndex()
    index.add('ACC-0000000001')
    index.add('custom-7')
    index.add('ACC-000000000é')
    index.add('PER-0000000001')
    expect(index.of('custom-7')).toBe(1)
    expect(index.of('ACC-000000000é')).toBe(2)
    expect(index.of('PER-0000000001')).toBe(3)
    expect(index.of('ACC-0000000001')).toBe(0)
  })
})
