import type { Country } from '../../reference/countries.ts'
import { locales } from '../../reference/locales.ts'
import { occupations } from '../../reference/occupations.ts'
import { pepPositions, sanctionsLists } from '../../reference/texts.ts'
import type { Person } from '../../model/tables/persons.ts'
import { usdToMinor } from '../../model/money.ts'
import { civilFromDays, daysFromCivil } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import type { Rng } from '../../random/rng.ts'
import { weighted, weightedBy } from '../../random/sampling.ts'
import { streetLine } from './companies.ts'
import { phoneNumber } from './contact.ts'
import { pickHeavyHead, type CoreContext } from './context.ts'
import { flat } from '../../model/flat-text.ts'
import { asciiSlug, digits, fillPattern } from './text.ts'

/** Occupations by life stage: no retired 25-year-olds, no 70-year-old students. */
const byStage = (accept: (title: string) => boolean, boost: (title: string) => number) =>
  weighted(
    occupations,
    occupations.map((o) => (accept(o.title) ? o.weight * boost(o.title) : 0)),
  )
const youngTable = byStage(
  (t) => t !== 'Retired',
  (t) => (t === 'Student' ? 4 : 1),
)
const workingTable = byStage(
  (t) => t !== 'Retired' && t !== 'Student',
  () => 1,
)
const olderTable = byStage(
  (t) => t !== 'Student',
  (t) => (t === 'Retired' ? 3 : 1),
)
const retired = occupations.find((x) => x.title === 'Retired') ?? occupations[0]
const AGE_BANDS = weightedBy([
  { min: 18, max: 29, weight: 20 },
  { min: 30, max: 44, weight: 27 },
  { min: 45, max: 64, weight: 32 },
  { min: 65, max: 84, weight: 18 },
  { min: 85, max: 100, weight: 3 },
])

/** Names come from the locales' lists, so their slugs are few: each is folded once. */
const slugs = new Map<string, string>()
function slugOf(name: string): string {
  let slug = slugs.get(name)
  if (slug === undefined) slugs.set(name, (slug = asciiSlug(name)))
  return slug
}

/**
 * Full names by given and family name: both come from the locales' lists, so a population of millions repeats a
 * few hundred thousand pairs, and holds one string a pair instead of one a person.
 */
const fullNames = new Map<string, Map<string, string>>()
function fullNameOf(firstName: string, lastName: string): string {
  let byLast = fullNames.get(firstName)
  if (byLast === undefined) fullNames.set(firstName, (byLast = new Map()))
  let full = byLast.get(lastName)
  if (full === undefined) byLast.set(lastName, (full = flat(`${firstName} ${lastName}`)))
  return full
}

export interface PersonOverrides {
  country?: Country
  /** Draws an employer id for a resident of `country`, or null when the population has none. */
  pickEmployer?: (rng: Rng, country: string) => Person['employerId']
  minAge?: number
  maxAge?: number
}

/** Persons' traits: income from occupation, address and names from the residence country's locale. */
export function generatePerson(rng: Rng, ctx: CoreContext, id: Person['id'], o: PersonOverrides = {}): Person {
  const residence = o.country ?? ctx.residence.sample(rng)
  const nationality = rng.chance(0.86) ? residence : ctx.residence.sample(rng)
  const names = locales[residence.locale]
  const g = rng.next()
  const gender = g < 0.495 ? 'female' : g < 0.99 ? 'male' : 'nonbinary'
  const firstName = rng.pick(
    gender === 'female' || (gender === 'nonbinary' && rng.chance(0.5)) ? names.firstFemale : names.firstMale,
  )
  const lastName = rng.pick(names.last)
  const band = AGE_BANDS.sample(rng)
  const lo = Math.max(band.min, o.minAge ?? 18)
  const hi = Math.min(band.max, o.maxAge ?? 100)
  // The drawn band may miss a caller's narrower range entirely; then draw inside the caller's range.
  const age = lo <= hi ? rng.int(lo, hi) : rng.int(o.minAge ?? 18, Math.max(o.minAge ?? 18, o.maxAge ?? 100))
  // Age is measured on the window's last day, so even the youngest is an adult by the end of the window.
  const lastDay = ctx.clock.startDay + ctx.clock.days - 1
  // `| 0` (the same whole number) keeps the field a small integer: the window's days come from the clock as doubles,
  // and a first row holding a double would make V8 box every person's date of birth (16 bytes more a person).
  const dateOfBirth = (lastDay - age * 365 - Math.floor(age / 4) - rng.int(1, 364)) | 0

  const occupation =
    age >= 67 && rng.chance(0.85)
      ? retired
      : (age <= 28 ? youngTable : age < 60 ? workingTable : olderTable).sample(rng)
  const employerId =
    occupation.employed && o.pickEmployer && rng.chance(0.85) ? o.pickEmployer(rng, residence.code) : null
  const incomeUsd = Math.max(0, lognormal(rng, occupation.medianIncomeUsd * residence.incomeLevel, 0.45))
  const wealthYears = Math.max(0.5, (age - 20) / 6)
  const netWorthUsd = incomeUsd * wealthYears * lognormal(rng, 1, 0.9) + lognormal(rng, 5_000, 1)

  const localFirst = slugOf(firstName)
  const localLast = slugOf(lastName)
  let local: string
  if (localFirst && localLast) {
    // One of four forms; the number is drawn before the form, whichever form is taken (as it always was).
    const n = rng.int(1, 99)
    const form = Math.floor(rng.next() * 4)
    local =
      form === 0
        ? `${localFirst}.${localLast}`
        : form === 1
          ? `${localFirst}${localLast}`
          : form === 2
            ? `${localFirst[0]}${localLast}`
            : `${localFirst}.${localLast}${n}`
  } else local = `user${digits(7, () => rng.next())}`
  const isPep = rng.chance(0.01)
  const isSanctioned = rng.chance(0.0008)
  const risk =
    isSanctioned || residence.riskTier === 'high'
      ? 'high'
      : isPep || residence.riskTier === 'medium' || rng.chance(0.04)
        ? 'medium'
        : 'low'
  return {
    id,
    firstName,
    lastName,
    fullName: fullNameOf(firstName, lastName),
    gender,
    dateOfBirth,
    nationality: nationality.code,
    residenceCountry: residence.code,
    street: flat(streetLine(rng, residence)),
    city: pickHeavyHead(rng, residence.cities),
    postalCode: flat(fillPattern(residence.postalPattern, () => rng.next())),
    email: flat(`${local}@${rng.pick(names.emailDomains)}`),
    phone: flat(phoneNumber(rng, residence)),
    occupation: occupation.title,
    employerId,
    currency: residence.currency,
    annualIncome: usdToMinor(Math.round(incomeUsd / 100) * 100, residence.currency),
    netWorth: usdToMinor(Math.round(netWorthUsd / 1000) * 1000, residence.currency),
    riskRating: risk,
    isPep,
    pepPosition: isPep ? rng.pick(pepPositions) : null,
    isSanctioned,
    sanctionsList: isSanctioned ? rng.pick(sanctionsLists) : null,
    // Set once the person's accounts exist (customerSinceOf in population.ts, openAccount for a pattern's people).
    customerSince: null,
    isSuspicious: false,
  }
}

/**
 * When a person with accounts first opened on `firstOpened` became a customer: that day for most, earlier by up
 * to 8 years for 40 % (a relationship through a product no longer held), never before they turned 18.
 */
export function customerSinceOf(rng: Rng, person: Person, firstOpened: number): number {
  if (!rng.chance(0.4)) return firstOpened
  const earliest = Math.min(firstOpened, Math.max(adultOn(person.dateOfBirth), firstOpened - 8 * 365))
  return rng.int(earliest, firstOpened)
}

/** A person's 18th birthday (29 February falls on 1 March in a common year): the first day they may hold an account. */
export function adultOn(dateOfBirth: number): number {
  const { year, month, day } = civilFromDays(dateOfBirth)
  return daysFromCivil(year + 18, month, day)
}
