import type { Communication } from '../../model/tables/communications.ts'
import { unitHash } from '../../random/hash.ts'
import { buildCommunication } from './communication-row.ts'
import { timedStream, type EventContext, type EventStream } from './context.ts'
import { isHoliday } from './calendar.ts'
import { groupByCountry, LocalRhythm } from './local-rhythm.ts'
import { DAY_SHAPE } from './timeline.ts'

/** Share of background sentences about money and deals: enough that such talk alone does not flag a pattern. */
export const BACKGROUND_FINANCE_SHARE = 0.08

/**
 * The k-th usual contact of person p: colleagues first (same employer), then neighbours in the same country.
 * Stateless, so people keep talking to the same few others.
 */
export function usualContact(ctx: EventContext, p: number, k: number): number {
  const { world } = ctx
  const person = world.persons[p]
  const h = unitHash(world.seedKey ^ 0xc0de, p, k)
  if (person.employerId !== null && k < 2) {
    const colleagues = world.employeesOf[world.companyIndex.get(person.employerId) ?? -1] ?? []
    if (colleagues.length > 1) return colleagues[Math.floor(h * colleagues.length)]
  }
  const locals = world.personsByCountry.get(person.residenceCountry) ?? []
  if (locals.length > 1 && k < 5) return locals[Math.floor(h * locals.length)]
  return Math.floor(h * world.persons.length)
}

export function communicationStream(ctx: EventContext, count: number): EventStream<Communication> {
  const { world } = ctx
  const n = world.persons.length
  // People write in their own daytime: the sender is drawn from the countries awake at the instant.
  const homes = groupByCountry(
    world.persons.map((_, i) => i),
    (i) => world.persons[i].residenceCountry,
  )
  const rhythm = new LocalRhythm(
    world.clock,
    homes.codes,
    homes.pools.map((p) => p.length),
    DAY_SHAPE,
    (c, day, wd) => (wd >= 5 || isHoliday(homes.codes[c], day) ? 0.55 : 1),
  )
  return timedStream(ctx, count, rhythm.timeline, (rng, id, timestamp) => {
    const pool = homes.pools[rhythm.countryAt(rng.next(), timestamp)]
    const s = pool === undefined ? rng.below(n) : pool[rng.below(pool.length)]
    let r = rng.chance(0.8) ? usualContact(ctx, s, rng.below(7)) : rng.below(n)
    if (r === s) r = (s + 1 + rng.below(n - 1)) % n
    return buildCommunication(rng, id, {
      timestamp,
      sender: world.persons[s],
      recipient: world.persons[r],
      financeShare: BACKGROUND_FINANCE_SHARE,
    })
  })
}
