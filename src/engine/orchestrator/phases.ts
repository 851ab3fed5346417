import type { TableName } from '../model/schema.ts'

/** Relative cost of writing one row of each table (persons are wide, lines narrow): weights overall progress. */
export const ROW_COST: Record<TableName, number> = {
  persons: 3,
  companies: 3,
  ownership: 1,
  accounts: 2,
  transactions: 1.2,
  communications: 1.5,
  trades: 1,
  announcements: 1.5,
  travels: 0.8,
  documents: 1.5,
  document_lines: 0.6,
  access_events: 0.8,
  patterns: 1,
  pattern_members: 0.3,
}

/** Rows between progress reports and abort checks. */
export const CHUNK_ROWS = 8192
