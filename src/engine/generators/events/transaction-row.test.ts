import { describe, expect, it } from 'vitest'
import type { Account } from '../../model/tables/accounts.ts'
import type { TransactionKind } from '../../model/tables/transactions.ts'
import { Rng } from '../../random/rng.ts'
import { backgroundTransaction, buildTransaction, RowSpec, type TransactionSpec } from './transaction-row.ts'

const account = (id: string, currency: string, country: string) => ({ id, currency, country }) as unknown as Account
const accounts = [account('ACC-1', 'EUR', 'DE'), account('ACC-2', 'EUR', 'FR'), account('ACC-3', 'JPY', 'JP')]

/** RowSpecs of every shape the background makes: one side or both, same or other currency, text set or drawn. */
function specs(): RowSpec[] {
  const out: RowSpec[] = []
  const kinds: TransactionKind[] = ['card_purchase', 'cash_deposit', 'transfer', 'wire', 'invoice_payment', 'rent']
  for (const kind of kinds)
    for (const [from, to] of [
      [0, -1],
      [-1, 1],
      [0, 1],
      [0, 2],
      [2, 0],
    ]) {
      const s = new RowSpec().reset(1_700_000_000 + out.length, kind, accounts, from, to, 12_345 + out.length)
      if (out.length % 3 === 0) {
        s.channel = 'online'
        s.description = 'Own account transfer'
      }
      if (out.length % 4 === 1) {
        s.setMerchant({ name: 'Corner Shop', mcc: '5411' })
        s.city = 'Berlin'
        s.destinationCountry = 'ES'
      }
      if (out.length % 5 === 2) s.documentId = 'DOC-0000000001'
      if (out.length % 7 === 3) s.conductorId = 'PER-0000000001' as RowSpec['conductorId']
      out.push(s)
    }
  return out
}

/** The same spec as a pattern would write it: absent fields left out rather than null. */
const general = (s: RowSpec): TransactionSpec => ({
  timestamp: s.timestamp,
  kind: s.kind,
  from: s.from,
  to: s.to,
  amount: s.amount,
  channel: s.channel ?? undefined,
  merchant: s.merchantName === null ? undefined : { name: s.merchantName, mcc: s.merchantCategory ?? '' },
  city: s.city ?? undefined,
  conductorId: s.conductorId ?? undefined,
  destinationCountry: s.destinationCountry ?? undefined,
  documentId: s.documentId ?? undefined,
  description: s.description ?? undefined,
})

describe('background transaction rows', () => {
  it('are the rows buildTransaction makes from the same spec, with the same draws', () => {
    for (const [i, s] of specs().entries()) {
      const a = new Rng([1, 2, 3, i])
      const b = new Rng([1, 2, 3, i])
      expect(backgroundTransaction(a, 'TXN-0000000001', s)).toEqual(buildTransaction(b, 'TXN-0000000001', general(s)))
      // The next draw matches too: both took the channel and description draws in the same order.
      expect(a.next()).toBe(b.next())
    }
  })
})
