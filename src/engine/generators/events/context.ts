import { currencyByCode } from '../../reference/currencies.ts'
import type { IdCodec } from '../../model/ids.ts'
import { minorToMajor } from '../../model/money.ts'
import type { Person } from '../../model/tables/persons.ts'
import { unitHash } from '../../random/hash.ts'
import { Rng } from '../../random/rng.ts'
import type { World } from '../../model/world.ts'
import type { Timeline } from './timeline.ts'

/** A background event table: row i is a pure function of (seed, table, i), so any index range can be generated alone. */
export interface EventStream<TRow> {
  readonly count: number
  row(index: number): TRow
}

/**
 * The skeleton every time-ordered background table shares: row i seeks its own position in the table's stream,
 * takes its instant from the table's timeline (so rows come out in time order) and `build` makes the row from there.
 */
export function timedStream<TRow>(
  ctx: EventContext,
  count: number,
  timeline: Timeline,
  build: (rng: Rng, id: string, t: number, index: number) => TRow,
): EventStream<TRow> {
  const rowRng = new Rng(ctx.rng.key)
  return {
    count,
    row(index) {
      const rng = rowRng.seekRow(ctx.rng, index)
      const t = timeline.at((index + rng.next()) / count)
      return build(rng, ctx.ids.id(0, index), t, index)
    },
  }
}

export interface EventContext {
  readonly world: World
  /** The table's own stream; row i draws from `rng.at(i)`. */
  readonly rng: Rng
  readonly ids: IdCodec
}

/** Picks from `pool` an account usable at instant t; -1 when a few tries find none (callers then skip or fall back). */
export function pickActiveAccount(rng: Rng, world: World, pool: readonly number[], t: number): number {
  if (pool.length === 0) return -1
  for (let tries = 0; tries < 12; tries++) {
    const i = pool[rng.below(pool.length)]
    if (world.accountFrom[i] <= t && t <= world.accountTo[i]) return i
  }
  return -1
}

export function isActive(world: World, account: number, t: number): boolean {
  return world.accountFrom[account] <= t && t <= world.accountTo[account]
}

/** Annual income in USD: scales a person's spending, so amounts follow the owner. */
export function incomeUsd(p: Person): number {
  return minorToMajor(p.annualIncome, p.currency) / currencyByCode[p.currency].perUsd
}

/**
 * The k-th usual counterparty of `owner` in `pool`: a stateless hash, so people pay the same few
 * accounts again and again (repeat counterparties) without any per-owner state.
 */
export function usualCounterparty(
  world: World,
  pool: readonly number[],
  owner: number,
  k: number,
  salt: number,
): number {
  return pool[Math.floor(unitHash(world.seedKey ^ salt, owner, k) * pool.length)]
}
