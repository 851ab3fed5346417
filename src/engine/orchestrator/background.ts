import type { ResolvedConfig } from '../config/schema.ts'
import { resolveKnobs, type DifficultyKnobs } from '../config/difficulty.ts'
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
  /** The difficulty's knobs: the background reads largePaymentShare. */
  readonly knobs: DifficultyKnobs
}

/** The seeded background population: the same for a config wherever it is built (main run or a parallel lane). */
export function buildBackground(config: ResolvedConfig): Background {
  return runSteps(backgroundSteps(config))
}

/**
 * The root stream: the seed's, or in benchmark mode the seed's keyed by every word of the run's secret, so that
 * neither the ids nor the background rows can be regenerated from the published seed and code.
 */
function rootStream(seed: ResolvedConfig['seed'], secret?: readonly number[]): Rng {
  let root = createRng(seed)
  for (const word of secret ?? []) root = root.at(word)
  return root
}

/** The same background, built in steps that yield the rows built so far (see populationSteps). */
export function* backgroundSteps(
  config: ResolvedConfig,
  secret?: readonly number[],
): Generator<number, Background, void> {
  const root = rootStream(config.seed, secret)
  const seedKey = root.key[0]
  const clock = createClock(config.startDate, config.durationDays)
  const codecs = createCodecs(seedKey, secret)
  const population = yield* populationSteps(root, createCoreContext(clock, seedKey), config.counts, codecs)
  const world = buildWorld(
    clock,
    seedKey,
    codecs,
    population.persons,
    population.companies,
    population.ownership,
    population.accounts,
    population.announcements,
    population.indexes,
  )
  return { root, codecs, population, world, knobs: resolveKnobs(config.difficulty, config.difficultyKnobs) }
}
