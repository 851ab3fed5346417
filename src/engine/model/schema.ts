import { accessEvents } from './tables/access-events.ts'
import { accounts } from './tables/accounts.ts'
import { announcements } from './tables/announcements.ts'
import { communications } from './tables/communications.ts'
import { companies } from './tables/companies.ts'
import { documentLines, documents } from './tables/documents.ts'
import { ownership } from './tables/ownership.ts'
import { patternMembers, patterns } from './tables/patterns.ts'
import { persons } from './tables/persons.ts'
import { trades } from './tables/trades.ts'
import { transactions } from './tables/transactions.ts'
import { travels } from './tables/travels.ts'

/** Every output table, in output order. */
export const tables = {
  persons,
  companies,
  ownership,
  accounts,
  transactions,
  communications,
  trades,
  announcements,
  travels,
  documents,
  document_lines: documentLines,
  access_events: accessEvents,
  patterns,
  pattern_members: patternMembers,
} as const

export type TableName = keyof typeof tables
export const tableNames = Object.keys(tables) as TableName[]
