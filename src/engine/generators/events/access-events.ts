import { countries } from '../../reference/countries.ts'
import type { AccessEvent } from '../../model/tables/access-events.ts'
import { weighted } from '../../random/sampling.ts'
import { ABROAD_SHARE, buildAccessEvent, deviceId, ipAddress, networkSlot } from './access-row.ts'
import { pickActiveAccount, timedStream, type EventContext, type EventStream } from './context.ts'
import { isHoliday } from './calendar.ts'
import { groupByCountry, LocalRhythm } from './local-rhythm.ts'
import { DAY_SHAPE } from './timeline.ts'

const KINDS = weighted<AccessEvent['kind']>(
  ['login_success', 'logout', 'login_failed', 'password_change', 'device_added', 'phone_change', 'email_change'],
  [78, 12, 6.5, 1.4, 1.2, 0.45, 0.45],
)

/** Background online banking: holders log in from their usual one or two devices and home networks, now and then from abroad. */
export function accessEventStream(ctx: EventContext, count: number): EventStream<AccessEvent> {
  const { world } = ctx
  const held = world.accounts.flatMap((a, i) => (a.ownerType === 'person' ? [i] : []))
  // Holders log in on their own clock: evenings and weekends in the account's country, quieter on its holidays.
  const homes = groupByCountry(held, (i) => world.accounts[i].country)
  const rhythm = new LocalRhythm(
    world.clock,
    homes.codes,
    homes.pools.map((p) => p.length),
    DAY_SHAPE.map((x, h) => x + (h >= 18 && h <= 22 ? 2 : 0)),
    (c, day, wd) => (wd >= 5 || isHoliday(homes.codes[c], day) ? 0.8 : 1),
  )
  return timedStream(ctx, count, rhythm.timeline, (rng, id, timestamp) => {
    const home = homes.pools[rhythm.countryAt(rng.next(), timestamp)] ?? held
    let a = pickActiveAccount(rng, world, home, timestamp)
    if (a < 0) a = pickActiveAccount(rng, world, held, timestamp)
    if (a < 0) a = held[rng.below(held.length)]
    const account = world.accounts[a]
    const joint = account.jointOwnerId !== null && rng.chance(0.4)
    const person = joint
      ? world.persons[world.personIndex.get(account.jointOwnerId ?? '') ?? 0]
      : world.persons[world.accountOwner[a]]
    const abroad = rng.chance(ABROAD_SHARE)
    const country = abroad ? rng.pick(countries).code : person.residenceCountry
    const kind = KINDS.sample(rng)
    const device = deviceId(
      world.seedKey,
      person.id,
      kind === 'device_added' ? 2 + rng.below(50) : rng.chance(0.7) ? 0 : 1,
    )
    const ip = ipAddress(world.seedKey, person.id, networkSlot(rng, abroad), country)
    return buildAccessEvent(rng, id, {
      timestamp,
      accountId: account.id,
      person,
      kind,
      deviceId: device,
      ipAddress: ip,
      country,
    })
  })
}
