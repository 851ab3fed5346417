import type { RunResult } from '../../engine/index.ts'

/** The engine's index does not export the patterns-table row type, so it is read off RunResult. */
export type PatternRow = RunResult['patterns'][number]
