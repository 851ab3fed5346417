import type { TableName } from '../../model/schema.ts'
import type { EntityIndex } from '../entity-index.ts'

export type AlertEntity = 'account' | 'person' | 'company'

/** What every rule gets: the accounts as the accounts table listed them (rules index their state by it). */
export interface RuleContext {
  readonly accounts: EntityIndex
  /** Accounts the run announced: the size of per-account state. */
  readonly accountCount: number
  /**
   * Account indices of the row being observed, looked up once for every rule: a transaction's payer (`from`) and
   * payee (`to`), an access event's or a trade's account (`from`); −1 where there is none. `amount`: a
   * transaction's amount in major units of its currency.
   */
  readonly current: { from: number; to: number; amount: number }
}

/**
 * One classic detection rule, run while the rows stream past (tables arrive in the order the output writes them:
 * entities, then each event table in time order). It keeps bounded per-entity state and names the entities it
 * alerts on at the end.
 */
export interface Rule {
  readonly name: string
  readonly description: string
  readonly entity: AlertEntity
  /** The kinds this rule is written to find, among those present; recall is over their instances. */
  targets(kinds: readonly string[]): string[]
  /** Why the rule did not run (data it needs is not in this dataset), or null. */
  readonly skipped: string | null
  /** The tables whose rows it reads (the audit hands it no others). */
  readonly tables: readonly TableName[]
  observe(table: TableName, row: unknown): void
  alerted(): Iterable<string>
}

export const moves = (tx: { fromAccountId: string | null; toAccountId: string | null }) =>
  tx.fromAccountId !== null && tx.toAccountId !== null && tx.fromAccountId !== '' && tx.toAccountId !== ''

/** A rule's target kinds: those of the named ones that the dataset has. */
export const only =
  (...wanted: string[]) =>
  (kinds: readonly string[]) =>
    kinds.filter((k) => wanted.includes(k))
