import { DIFFICULTIES, knobNames, knobParams, prevalenceParam, type Difficulty } from './difficulty.ts'
import type { ConfigIssue } from './issues.ts'
import { checkParam } from './params.ts'
import type { ResolvedConfig } from './schema.ts'

function closest(key: string): string | undefined {
  const lower = key.toLowerCase()
  return (
    knobNames.find((k) => k.toLowerCase() === lower) ??
    knobNames.find((k) => k.toLowerCase().startsWith(lower.slice(0, 4)))
  )
}

/** Reads `difficulty`, `difficultyKnobs` and `prevalence` into `config`, with one path-named issue per problem. */
export function checkDifficulty(input: Record<string, unknown>, config: ResolvedConfig, issues: ConfigIssue[]): void {
  if ('difficulty' in input) {
    if (typeof input.difficulty === 'string' && (DIFFICULTIES as readonly string[]).includes(input.difficulty))
      config.difficulty = input.difficulty as Difficulty
    else
      issues.push({
        path: 'difficulty',
        message: `must be one of ${DIFFICULTIES.join(', ')}`,
        hint: 'use "easy" for demos, "hard" for benchmarks, or leave it out for medium',
      })
  }
  const knobs = input.difficultyKnobs
  if (typeof knobs === 'object' && knobs !== null && !Array.isArray(knobs)) {
    for (const [key, value] of Object.entries(knobs)) {
      const path = `difficultyKnobs.${key}`
      if (!Object.hasOwn(knobParams, key)) {
        const guess = closest(key)
        issues.push({
          path,
          message: 'is not a known knob',
          hint: guess ? `did you mean difficultyKnobs.${guess}?` : `known knobs are ${knobNames.join(', ')}`,
        })
        continue
      }
      // null (an emptied form field) means the difficulty's own value.
      if (value === null) continue
      const problem = checkParam(knobParams[key as keyof typeof knobParams], value)
      if (problem) issues.push({ path, ...problem })
      else config.difficultyKnobs[key as keyof typeof knobParams] = value as number
    }
  }
  if ('prevalence' in input && input.prevalence !== null) {
    const problem = checkParam(prevalenceParam, input.prevalence)
    if (problem)
      issues.push({ path: 'prevalence', ...problem, hint: `${problem.hint}, or null to use the counts as given` })
    else config.prevalence = input.prevalence as number
  }
}
