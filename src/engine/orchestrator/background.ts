import type { ResolvedConfig } from '../config/schema.ts'
import { createCoreContext } from '../generators/core/context.ts'
import { populationSteps, type Population } from '../generators/core/population.ts'
import { createClock } from '../model/time.ts'
import { createRng, type Rng } from '../random/rng.ts'
import { createCodecs, type Codecs } from './codecs.ts'
import { buildWorld, type World } from '../model/world.ts'
import { runSteps } from './steps.ts'

export interface Background {
  readonly root: Rng
  readonly codecs: Codecs
  readonly population: Population
  readonly world: World
}

/** The seeded background population: the same for a config wherever it is built (main run or a parallel lane). */
export function buildBackground(config: ResolvedConfig): Background {
  return runSteps(backgroundSteps(config))
}

/** The same background, built in steps that yield the rows built so far (see populationSteps). */
export function* backgroundSteps(config: ResolvedConfig): Generator<number, Background, void> {
  const root = createRng(config.seed)
  const seedKey = root.key[0]
  const clock = createClock(config.startDate, config.durationDays)
  const codecs = createCodecs(seedKey)
  const population = yield* populationSteps(root, createCoreContext(clock, seedKey), config.counts, codecs)
  const world = buildWorld(
    clock,
    seedKey,
    population.persons,
    population.companies,
    population.ownership,
    population.accounts,
    population.announcements,
  )
  return { root, codecs, population, world }
}
