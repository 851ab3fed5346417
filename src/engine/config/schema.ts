import { patternSpecs, type PatternKind } from '../patterns/specs.ts'
import type { Counts } from './general.ts'

export type { Counts }

export interface PatternConfig {
  count: number
  params: Record<string, string | number>
}

/** A config with every default filled in: what the engine runs and what the manifest records. */
export interface ResolvedConfig {
  seed: number | string
  startDate: string
  durationDays: number
  counts: Counts
  patterns: Record<PatternKind, PatternConfig>
}

/** What users write: any key may be left out. */
export interface InputConfig {
  seed?: number | string
  startDate?: string
  durationDays?: number
  counts?: Partial<Counts>
  patterns?: Partial<Record<PatternKind, { count?: number; params?: Record<string, string | number> }>>
}

export const patternKinds = Object.keys(patternSpecs) as PatternKind[]
