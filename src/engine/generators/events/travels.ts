import { countries } from '../../reference/countries.ts'
import { travelPurposes } from '../../reference/texts.ts'
import type { Person } from '../../model/tables/persons.ts'
import type { Travel } from '../../model/tables/travels.ts'
import { HOUR, MINUTE } from '../../model/time.ts'
import type { Rng } from '../../random/rng.ts'
import { weighted, weightedBy } from '../../random/sampling.ts'
import { timedStream, type EventContext, type EventStream } from './context.ts'
import { Timeline } from './timeline.ts'

const destinations = weighted(
  countries,
  countries.map((c) => c.populationWeight + (c.financialCentre ? 3 : 0) + (c.taxHaven ? 0.6 : 0)),
)
const purposes = weightedBy(travelPurposes)

export interface TravelSpec {
  readonly person: Person
  readonly departureAt: number
  readonly fromCountry: string
  readonly toCountry: string
  readonly purpose?: string
  readonly patternId?: Travel['patternId']
  readonly patternRole?: string | null
}

/** One trip; arrival follows departure by a flight-like duration. Shared by background and patterns. */
/** Countries close enough for rail and road between any two of them. */
const EUROPE = new Set(['GB', 'DE', 'FR', 'NL', 'BE', 'LU', 'CH', 'AT', 'IT', 'ES', 'PL', 'SE', 'NO', 'DK', 'IE'])

export function buildTravel(rng: Rng, id: Travel['id'], s: TravelSpec): Travel {
  const m = rng.next()
  const overland = EUROPE.has(s.fromCountry) && EUROPE.has(s.toCountry)
  const mode: Travel['mode'] = overland
    ? m < 0.6
      ? 'air'
      : m < 0.85
        ? 'rail'
        : m < 0.97
          ? 'road'
          : 'sea'
    : m < 0.985
      ? 'air'
      : 'sea'
  const hours = mode === 'air' ? 1 + rng.next() * 13 : mode === 'sea' ? 10 + rng.next() * 40 : 2 + rng.next() * 9
  return {
    id,
    personId: s.person.id,
    fromCountry: s.fromCountry,
    toCountry: s.toCountry,
    departureAt: s.departureAt,
    arrivalAt: s.departureAt + Math.round((hours * HOUR) / (5 * MINUTE)) * 5 * MINUTE,
    purpose: s.purpose ?? purposes.sample(rng).code,
    mode,
    patternId: s.patternId ?? null,
    patternRole: s.patternRole ?? null,
    isSuspicious: false,
  }
}

export function travelStream(ctx: EventContext, count: number): EventStream<Travel> {
  const { world } = ctx
  // Trips leave mostly in the morning and on Fridays and Sundays; none arrive after the window (last day trimmed).
  const timeline = new Timeline(
    { ...world.clock, days: Math.max(1, world.clock.days - 2) },
    (h, wd) => (h >= 5 && h <= 21 ? 1 : 0.1) * (wd === 4 || wd === 6 ? 1.6 : 1),
  )
  return timedStream(ctx, count, timeline, (rng, id, departureAt) => {
    const person = world.persons[rng.below(world.persons.length)]
    const home = person.residenceCountry
    let to = destinations.sample(rng).code
    if (to === home) to = destinations.sample(rng).code
    if (to === home) to = home === 'US' ? 'GB' : 'US'
    const outbound = rng.chance(0.55)
    return buildTravel(rng, id, {
      person,
      departureAt,
      fromCountry: outbound ? home : to,
      toCountry: outbound ? to : home,
    })
  })
}
