import { isTransactionStream, type TransactionStream } from '../generators/events/transaction-legs.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import type { TableName } from '../model/schema.ts'
import type { Injected } from '../patterns/types.ts'
import type { Background } from './background.ts'
import { bookedRows, LowWater, planLedger, withPlannedOpenings, type LedgerPlan } from './ledger.ts'
import { planLedgerInLanes, type LegPrefetch } from './ledger-lanes.ts'
import type { Shard } from './shards.ts'
import type { TableSource } from './table-sources.ts'

type Sources = Record<TableName, TableSource>

const NO_ROWS: TransactionStream = {
  count: 0,
  row: () => {
    throw new Error('no background transactions')
  },
  rowWithLegs: () => {
    throw new Error('no background transactions')
  },
  fill: () => undefined,
  cursor: () => {
    throw new Error('no background transactions')
  },
}

/** The first background transaction row of a shard (as shardRows cuts it), where its balances must start. */
export function shardStartRow(rows: number, shard: Shard | null): number {
  return shard ? Math.floor((shard.index * rows) / shard.count) : 0
}

/** What the pre-pass reads: the background stream, the injected rows and the injected accounts (null: no table). */
function ledgerInputs(injected: Injected, sources: Sources) {
  const merge = sources.transactions.merge
  if (!merge) return null
  return {
    // No background transactions (counts.transactions 0): injected rows still get their balances.
    stream: isTransactionStream(merge.stream) ? merge.stream : NO_ROWS,
    extra: merge.extra as readonly Transaction[],
    accounts: injected.rows.accounts as readonly Account[],
    background: merge.background,
  }
}

/**
 * The ledger's pre-pass over a run's transactions (null when the run has none), yielding rows done. `inOrder`: this
 * thread will then read every row in order (no shard, no lanes), so the pass's specs are kept for it.
 */
export function* ledgerSteps(
  bg: Background,
  injected: Injected,
  sources: Sources,
  shard: Shard | null = null,
  inOrder = false,
): Generator<number, LedgerPlan | null, void> {
  const input = ledgerInputs(injected, sources)
  if (!input) return null
  const start = shardStartRow(input.background, shard)
  return yield* planLedger(bg.world, input.accounts, input.stream, input.extra, start, inOrder && shard === null)
}

/** The pre-pass over legs the lanes drew (see LegPrefetch); null when the run has no transactions. */
export async function ledgerInLanes(
  bg: Background,
  injected: Injected,
  sources: Sources,
  prefetch: LegPrefetch,
  check?: () => void,
): Promise<LedgerPlan | null> {
  const input = ledgerInputs(injected, sources)
  if (!input) return null
  return planLedgerInLanes(new LowWater(bg.world, input.accounts, input.extra, 0), input.stream, prefetch, check)
}

/**
 * The sources with the ledger applied: the accounts table with the planned opening balances, transactions with
 * their balances (every row through this thread, in file order; shards and lanes book their rows themselves).
 */
export function withLedger(sources: Sources, plan: LedgerPlan | null): Sources {
  if (!plan) return sources
  const accounts = sources.accounts
  const transactions = sources.transactions
  let planned: { id: string }[] | undefined
  return {
    ...sources,
    accounts: {
      ...accounts,
      rows: () => (planned ??= withPlannedOpenings([...(accounts.rows() as Iterable<{ id: string }>)], plan)),
    },
    transactions: {
      ...transactions,
      rows: () => bookedRows(plan.stream, 0, plan.stream.count, plan.extra, plan.book, plan.opening),
    },
  }
}
