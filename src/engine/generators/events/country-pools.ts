import { unitHash } from '../../random/hash.ts'
import { weighted, type Weighted } from '../../random/sampling.ts'

/**
 * Account pools split by country, read by country number (the index in `codes`) rather than by code: the flow draws
 * from these on every row, and a Map lookup by country code (one or two per row, plus the pool's weighted table
 * by list) was a good part of a row's draw. Each country's list keeps the pool's order, so draws are as from a
 * Map of lists built the same way.
 */
export class CountryPools {
  /** Each account's country number. */
  readonly countryOf: Uint16Array

  /** `codes`: the countries, each account's among them; `countryOfAccount(i)`: account i's code. */
  constructor(
    readonly codes: readonly string[],
    accounts: number,
    countryOfAccount: (i: number) => string,
  ) {
    const number = new Map(codes.map((c, k) => [c, k]))
    this.countryOf = new Uint16Array(accounts)
    for (let i = 0; i < accounts; i++) {
      const k = number.get(countryOfAccount(i))
      if (k === undefined) throw new Error(`account ${i}'s country is not among the pools' countries`)
      this.countryOf[i] = k
    }
  }

  /** `pool`'s accounts in each country (by number); null where it has none. */
  split(pool: readonly number[]): (readonly number[] | null)[] {
    const lists: number[][] = this.codes.map(() => [])
    for (const i of pool) lists[this.countryOf[i]].push(i)
    return lists.map((l) => (l.length > 0 ? l : null))
  }

  /** Country c's accounts of `pool`, or the whole pool where it has none there. */
  inHome(pool: readonly number[]): (c: number) => readonly number[] {
    const lists = this.split(pool).map((l) => l ?? pool)
    return (c) => lists[c]
  }

  /**
   * As inHome, but drawn by each account's activity: a heavy-tailed trait (Pareto, tail index 1.7) fixed per account
   * by a hash, so a few customers use their card every day and many only now and then. A country's table is made
   * on its first draw.
   */
  busyInHome(pool: readonly number[], seedKey: number): (c: number) => Weighted<number> {
    const split = this.split(pool)
    const tables: (Weighted<number> | undefined)[] = new Array(this.codes.length)
    let whole: Weighted<number> | undefined
    const table = (list: readonly number[]) =>
      weighted(
        list,
        list.map((i) => Math.min(60, (1 - unitHash(seedKey ^ 0xac71, i)) ** -0.6)),
      )
    return (c) => {
      const list = split[c]
      if (list === null) return (whole ??= table(pool))
      return (tables[c] ??= table(list))
    }
  }

  /** The pool's accounts in payer's own country, or `fallback` where it has none there. */
  domestic(pool: readonly number[]): (payer: number, fallback: readonly number[]) => readonly number[] {
    const lists = this.split(pool)
    return (payer, fallback) => lists[this.countryOf[payer]] ?? fallback
  }
}
