import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const TRANSACTION_KINDS = [
  'card_purchase',
  'cash_deposit',
  'cash_withdrawal',
  'transfer',
  'salary',
  'rent',
  'bill_payment',
  'invoice_payment',
  'wire',
] as const
export const CHANNELS = ['card', 'atm', 'branch', 'online', 'mobile', 'direct_debit', 'swift'] as const
export type TransactionKind = (typeof TRANSACTION_KINDS)[number]
export type Channel = (typeof CHANNELS)[number]

export const transactions = defineTable(
  'transactions',
  'TXN',
  'Money movements between accounts, or between an account and the outside world (cash, card merchants). Ordered by ' +
    'timestamp. Up to half the background rows are standing monthly payments (salaries on the payday, payroll ' +
    'funding, pensions and freelance fees, rent or mortgage, utilities, loans, savings, subscriptions, investing); ' +
    'when the configured count cannot carry every monthly obligation of the population, whole obligations are ' +
    'left out (salaries last, then by a quota per kind), so whoever has one pays it every month.',
  {
    id: f.id(),
    timestamp: f.timestamp('When the transaction was booked (UTC).'),
    kind: f.enum(TRANSACTION_KINDS, 'What the money moved for.'),
    channel: f.enum(CHANNELS, 'How it was initiated.'),
    fromAccountId: f.ref('accounts', 'Paying account; empty for cash deposits (money from outside the bank).', {
      nullable: true,
    }),
    toAccountId: f.ref('accounts', 'Receiving account; empty for cash withdrawals and card purchases at merchants.', {
      nullable: true,
    }),
    amount: f.money('currency', 'Amount debited (or, for cash deposits, credited).'),
    currency: f.text("Currency of amount: the paying account's (the receiving account's for cash deposits)."),
    toAmount: f.money('toCurrency', 'Amount credited when the receiving account is in another currency.', {
      nullable: true,
    }),
    toCurrency: f.text('Currency of to_amount.', { nullable: true }),
    fxRate: f.decimal(6, 'Rate used: to_amount = amount × fx_rate (fixed rate table, see README).', { nullable: true }),
    merchantName: f.text('Merchant of a card purchase.', { nullable: true }),
    merchantCategory: f.text('ISO 18245 merchant category code of a card purchase.', { nullable: true }),
    city: f.text('City of the branch, ATM or merchant for cash and card transactions.', { nullable: true }),
    conductorId: f.ref(
      'persons',
      'Person who handed over or took the cash at the branch or ATM (cash transactions only).',
      { nullable: true },
    ),
    originCountry: f.text('Country the money left from, ISO 3166-1 alpha-2.'),
    destinationCountry: f.text('Country the money arrived in, ISO 3166-1 alpha-2.'),
    description: f.text('Payment reference text as the bank shows it.'),
    documentId: f.ref('documents', 'Invoice this payment settles.', { nullable: true }),
    ...labelFields,
    // Last, so the merge can append them to rows encoded without them (orchestrator/ledger-bytes.ts).
    fromBalanceAfter: f.money(
      'currency',
      "Balance of from_account_id after this transaction, in that account's currency: its opening_balance and " +
        'every earlier transaction of it in file order, to the minor unit. Empty when from_account_id is empty.',
      { nullable: true },
    ),
    toBalanceAfter: f.money(
      'toCurrency',
      "Balance of to_account_id after this transaction, in that account's currency (to_currency, else currency). " +
        'Empty when to_account_id is empty.',
      { nullable: true, currencyFallback: 'currency' },
    ),
  },
  { time: 'timestamp' },
)

export type Transaction = RowOf<typeof transactions>
