import type { PatternKind } from '../specs.ts'
import type { AnyLookalike } from '../types.ts'

/**
 * The built-in benign look-alikes, keyed by the kind each resembles (one per kind). Adding one: a file in this
 * folder (`defineLookalike(resembledSpec, { … })`), a line here, and its test.
 */
export const lookalikeRegistry: Partial<Record<PatternKind, AnyLookalike>> = {}
