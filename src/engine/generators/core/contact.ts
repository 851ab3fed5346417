import type { Country } from '../../reference/countries.ts'
import {
  fictionalPhoneBlocks,
  nanpAreaCodes,
  NANP_FICTION_LINE,
  UNASSIGNED_PREFIX,
} from '../../reference/phone-ranges.ts'
import type { Rng } from '../../random/rng.ts'
import { flat } from '../../model/flat-text.ts'
import { digits } from './text.ts'

/**
 * Contact details that reach no one (no real PII): phones in fictional or unassignable ranges
 * (reference/phone-ranges.ts), web and mail domains under the reserved TLD .example (RFC 2606 / 6761).
 * Background and injected rows both come through here, so labelled rows use the same value domains.
 */

interface Blocks {
  readonly patterns: readonly string[]
  /** Running total of each block's size: one uniform draw picks a number from their union. */
  readonly ends: readonly number[]
  /**
   * Each number made so far, by its draw: the blocks hold a few hundred thousand numbers in all, so a population
   * of millions repeats them, and one string a number is held instead of one a row (and built once).
   */
  readonly made: Map<number, string>
}

/** Every country's fiction blocks: NANP area codes each followed by the fiction line numbers, then the rest. */
export const phoneBlocks: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    Object.entries(nanpAreaCodes).map(([code, areas]) => [
      code,
      areas
        .split(/\s+/)
        .filter(Boolean)
        .map((area) => area + NANP_FICTION_LINE),
    ]),
  ),
  ...fictionalPhoneBlocks,
}

const blocksByCountry = new Map<string, Blocks>()
for (const [code, patterns] of Object.entries(phoneBlocks)) {
  let total = 0
  const ends = patterns.map((p) => (total += 10 ** (p.split('x').length - 1)))
  blocksByCountry.set(code, { patterns, ends, made: new Map() })
}

/** A phone number in E.164 form (`+` country code, national number) that is reserved for fiction or unassignable. */
export function phoneNumber(rng: Rng, country: Country): string {
  const blocks = blocksByCountry.get(country.code)
  if (!blocks)
    return (
      country.phoneCode + UNASSIGNED_PREFIX + digits(country.phoneDigits - UNASSIGNED_PREFIX.length, () => rng.next())
    )
  let k = rng.below(blocks.ends[blocks.ends.length - 1])
  const known = blocks.made.get(k)
  if (known !== undefined) return known
  const drawn = k
  let b = 0
  while (k >= blocks.ends[b]) b++
  k -= b === 0 ? 0 : blocks.ends[b - 1]
  const pattern = blocks.patterns[b]
  const free = pattern.split('x').length - 1
  const fill = String(k).padStart(free, '0')
  let out = ''
  let f = 0
  for (const ch of pattern) out += ch === 'x' ? fill[f++] : ch
  const phone = flat(country.phoneCode + out)
  blocks.made.set(drawn, phone)
  return phone
}

/** A company's own domain: its name and country under .example, e.g. `northwindtrading.de.example`. */
export function companyDomain(slug: string, country: Country): string {
  const tld = country.code === 'US' ? 'com' : country.code.toLowerCase()
  return `${slug}.${tld}.example`
}
