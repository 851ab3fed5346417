import type { EventStream } from '../generators/events/context.ts'
import { mergeByTime } from './sources.ts'

/** Shard `index` (0-based) of `count`: every event table's rows cut into `count` consecutive parts. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/**
 * The rows of one shard of a time-merged event table: background rows [from, to) plus exactly the injected rows
 * the whole-table merge puts among them (an injected row goes before the first background row that is later),
 * so the shards' files concatenated are the whole table's file, byte for byte.
 */
export function shardRows<T>(
  stream: EventStream<T>,
  extra: readonly T[],
  time: (r: T) => number,
  shard: Shard,
): { rows: Iterable<T>; count: number } {
  const { from, to, mine } = shardPart(stream, extra, time, shard)
  const slice: EventStream<T> = { count: to - from, row: (i) => stream.row(from + i) }
  return { rows: mergeByTime(slice, mine, time), count: to - from + mine.length }
}

/** A shard's background rows [from, to) and the injected rows that go among them (see shardRows). */
export function shardPart<T>(
  stream: EventStream<T>,
  extra: readonly T[],
  time: (r: T) => number,
  shard: Shard,
): { from: number; to: number; mine: T[] } {
  const n = stream.count
  const from = Math.floor((shard.index * n) / shard.count)
  const to = Math.floor(((shard.index + 1) * n) / shard.count)
  const last = shard.index === shard.count - 1
  const after = from === 0 ? -Infinity : time(stream.row(from - 1))
  const before = last || to === 0 ? Infinity : time(stream.row(to - 1))
  const mine = extra.filter((r) => {
    const t = time(r)
    return (from === 0 || after <= t) && t < before
  })
  return { from, to, mine }
}
