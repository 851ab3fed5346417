import type { Transaction } from '../../src/engine/model/tables/transactions.ts'

/**
 * Test support shared by the shape and chain tests: the money graph of a set of transactions, and the per-account
 * checks every laundering flow must pass. Test-only.
 */
export interface MoneyGraph {
  readonly inflow: Map<string, Transaction[]>
  readonly outflow: Map<string, Transaction[]>
}

export function moneyGraph(txs: readonly Transaction[]): MoneyGraph {
  const inflow = new Map<string, Transaction[]>()
  const outflow = new Map<string, Transaction[]>()
  const add = (m: Map<string, Transaction[]>, k: string | null, t: Transaction) => {
    if (k === null) return
    const l = m.get(k)
    if (l) l.push(t)
    else m.set(k, [t])
  }
  for (const t of txs) {
    add(outflow, t.fromAccountId, t)
    add(inflow, t.toAccountId, t)
  }
  return { inflow, outflow }
}

const sum = (ts: readonly Transaction[] | undefined, f: (t: Transaction) => number = (t) => t.amount) =>
  (ts ?? []).reduce((a, t) => a + f(t), 0)

/**
 * Problems with money passing through `account`: more out than in (in the account's own currency, at the minor
 * unit), a cut outside [0, maxCut], or money leaving before all of it arrived.
 */
export function passThroughProblems(g: MoneyGraph, account: string, maxCut: number): string[] {
  const ins = g.inflow.get(account) ?? []
  const outs = g.outflow.get(account) ?? []
  if (ins.length === 0 || outs.length === 0) return []
  const received = sum(ins, (t) => t.toAmount ?? t.amount)
  const sent = sum(outs)
  const bad: string[] = []
  if (sent > received) bad.push(`${account}: sent ${sent} but received ${received}`)
  if (received - sent > received * maxCut + 1) bad.push(`${account}: kept ${received - sent} of ${received}`)
  const lastIn = Math.max(...ins.map((t) => t.timestamp))
  const firstOut = Math.min(...outs.map((t) => t.timestamp))
  if (firstOut <= lastIn) bad.push(`${account}: paid out at ${firstOut}, before its last receipt at ${lastIn}`)
  return bad
}

export function degree(g: MoneyGraph, account: string): { in: number; out: number } {
  const distinct = (ts: Transaction[] | undefined, f: (t: Transaction) => string | null) =>
    new Set((ts ?? []).map(f)).size
  return {
    in: distinct(g.inflow.get(account), (t) => t.fromAccountId),
    out: distinct(g.outflow.get(account), (t) => t.toAccountId),
  }
}
