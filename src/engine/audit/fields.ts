import type { TableName } from '../model/schema.ts'
import type { Rule } from './rules/rule.ts'

type Reads = Partial<Readonly<Record<TableName, readonly string[]>>>

/**
 * The fields of the event tables that the audit's features read (account-features.ts, entity-features.ts,
 * transaction-features.ts, target.ts): rows encoded in other threads come back holding only what the audit and
 * the other reports read, so a feature that reads a field must name it here.
 */
const FEATURE_READS: Reads = {
  transactions: [
    'id',
    'timestamp',
    'kind',
    'channel',
    'fromAccountId',
    'toAccountId',
    'amount',
    'currency',
    'merchantCategory',
    'conductorId',
    'originCountry',
    'destinationCountry',
    'documentId',
    'patternId',
    'isSuspicious',
  ],
  access_events: ['accountId', 'kind', 'deviceId', 'ipAddress', 'country'],
  trades: ['accountId', 'personId', 'companyId'],
  communications: ['senderId', 'recipientId'],
  travels: ['personId'],
}

const MOVES = ['fromAccountId', 'toAccountId', 'timestamp']

/** What each rule of the pack reads of the event tables; a rule not listed here is handed every field of its tables. */
const RULE_READS: Readonly<Record<string, Reads>> = {
  near_threshold_cash: { transactions: ['kind', 'toAccountId', 'currency', 'timestamp'] },
  fan_in_then_out: { transactions: MOVES },
  cycles: { transactions: MOVES },
  fan_out: { transactions: MOVES },
  scatter_gather: { transactions: MOVES },
  rapid_pass_through: { transactions: MOVES },
  new_device_payout: { transactions: MOVES, access_events: ['deviceId', 'timestamp'] },
  officer_trades: { trades: ['personId', 'companyId'] },
  insider_pre_announcement: { trades: ['personId', 'companyId', 'timestamp'] },
  unit_price_outliers: {},
}

/** The fields of `table` the audit reads, in the order of `all` (every field of the table). */
export function auditReads(rules: readonly Rule[], table: TableName, all: readonly string[]): readonly string[] {
  const wanted = new Set(FEATURE_READS[table] ?? [])
  for (const r of rules) {
    if (!r.tables.includes(table)) continue
    const reads = RULE_READS[r.name]
    if (!reads) return all
    for (const f of reads[table] ?? []) wanted.add(f)
  }
  return all.filter((f) => wanted.has(f))
}
