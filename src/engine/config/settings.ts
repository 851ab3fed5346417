import { patternSpecs } from '../patterns/specs.ts'
import type { PatternSpecSet } from '../patterns/types.ts'
import { countParams, generalParams, MAX_PATTERN_COUNT } from './general.ts'
import type { ParamDescriptor } from './params.ts'
import { difficultyParam, knobParams, prevalenceParam } from './difficulty.ts'

export interface PatternCatalogEntry {
  readonly kind: string
  readonly label: string
  readonly description: string
  readonly maxCount: number
  readonly params: Readonly<Record<string, ParamDescriptor>>
}

/** What a settings form is rendered from: labels, help, bounds and defaults of every setting and pattern kind. */
export interface SettingsCatalog {
  readonly general: Readonly<Record<string, ParamDescriptor>>
  readonly counts: Readonly<Record<string, ParamDescriptor>>
  /** The difficulty, its knobs (each optional: empty means the difficulty's value) and the prevalence target (optional). */
  readonly difficulty: {
    readonly difficulty: ParamDescriptor
    readonly knobs: Readonly<Record<string, ParamDescriptor>>
    readonly prevalence: ParamDescriptor
  }
  readonly patterns: readonly PatternCatalogEntry[]
}

/**
 * The settings part of the catalog, from the descriptors alone: the page renders its form from this without
 * waiting for the worker (it bundles these descriptors anyway, for the validator).
 */
export function describeSettings(specs: PatternSpecSet = patternSpecs): SettingsCatalog {
  return {
    general: generalParams,
    counts: countParams,
    difficulty: { difficulty: difficultyParam, knobs: knobParams, prevalence: prevalenceParam },
    patterns: Object.values(specs).map((d) => ({
      kind: d.kind,
      label: d.label,
      description: d.description,
      maxCount: MAX_PATTERN_COUNT,
      params: d.params,
    })),
  }
}
