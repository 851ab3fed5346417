import { companyWords } from '../../reference/company-names.ts'
import type { MerchantCategory } from '../../reference/merchant-categories.ts'
import { unitHash } from '../../random/hash.ts'
import type { Rng } from '../../random/rng.ts'
import { weighted, type Weighted } from '../../random/sampling.ts'

/** Independent merchants per category after the national brands: with the brands, a few thousand names in all. */
const INDEPENDENTS = 150
/** Zipf exponent of merchant popularity: the first brand of a category takes about a sixth of its purchases. */
const ZIPF = 1.05
/** Chance a purchase goes to one of the holder's usual merchants of that category (their supermarket, their café). */
const USUAL_SHARE = 0.72
const USUAL = weighted([0, 1, 2, 3, 4], [0.42, 0.24, 0.15, 0.11, 0.08])

export interface Merchant {
  readonly name: string
  readonly mcc: string
}

interface Universe {
  readonly names: readonly string[]
  /** The merchant of each name (one object each, shared by every row that buys there). */
  readonly merchants: readonly Merchant[]
  readonly popularity: Weighted<number>
  /** The category code as a number (the usual merchants' hash salt). */
  readonly code: number
}

/**
 * A category's merchants by popularity rank: its national brands first (the chains), then independents named like
 * the shops on a high street ("Harbor Market", "Summit Grocers"), from the place-like words of company names and the
 * last word of the category's brands.
 */
function universe(mcc: MerchantCategory): Universe {
  const nouns = [...new Set(mcc.merchants.filter((m) => m.includes(' ')).map((m) => m.slice(m.lastIndexOf(' ') + 1)))]
  const adjectives = companyWords.adjectives
  const names = [...mcc.merchants]
  const seen = new Set(names)
  for (let j = 0; names.length < mcc.merchants.length + INDEPENDENTS && j < adjectives.length * 8; j++) {
    const noun = nouns.length > 0 ? nouns[Math.floor(j / adjectives.length) % nouns.length] : mcc.label.split(' ')[0]
    const name = `${adjectives[(j * 7) % adjectives.length]} ${noun}`
    if (!seen.has(name)) {
      seen.add(name)
      names.push(name)
    }
  }
  const ranks = names.map((_, r) => r)
  return {
    names,
    merchants: names.map((name) => ({ name, mcc: mcc.mcc })),
    code: Number(mcc.mcc),
    popularity: weighted(
      ranks,
      ranks.map((r) => 1 / (r + 1) ** ZIPF),
    ),
  }
}

const universes = new Map<string, Universe>()
/** By category object too: an identity lookup, no string hashing per purchase. */
const universeByObject = new WeakMap<MerchantCategory, Universe>()
function universeOf(mcc: MerchantCategory): Universe {
  let u = universeByObject.get(mcc)
  if (u !== undefined) return u
  u = universes.get(mcc.mcc)
  if (u === undefined) universes.set(mcc.mcc, (u = universe(mcc)))
  universeByObject.set(mcc, u)
  return u
}

/** A merchant of the category drawn by popularity alone (a one-off purchase, or a traveller abroad). */
export function popularMerchant(rng: Rng, mcc: MerchantCategory): Merchant {
  const u = universeOf(mcc)
  return u.merchants[u.popularity.sample(rng)]
}

/** The merchant of a category at popularity quantile u: a stateless choice (a subscription's provider). */
export function merchantAt(mcc: MerchantCategory, u: number): Merchant {
  const un = universeOf(mcc)
  return un.merchants[un.popularity.indexAt(u)]
}

/**
 * Where account `account` buys in this category: usually one of its own few usual merchants (chosen once per
 * account by a stateless hash, by popularity, so big chains collect the most regulars), otherwise anywhere.
 */
export function merchantFor(rng: Rng, seedKey: number, account: number, mcc: MerchantCategory): Merchant {
  if (!rng.chance(USUAL_SHARE)) return popularMerchant(rng, mcc)
  const u = universeOf(mcc)
  const k = USUAL.sample(rng)
  const rank = u.popularity.indexAt(unitHash(seedKey ^ 0x3e7c, account, u.code * 8 + k))
  return u.merchants[rank]
}
