import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const trades = defineTable(
  'trades',
  'TRD',
  "Equity trades by persons through their own investment accounts, in listed companies' tickers, in market hours. Ordered by timestamp.",
  {
    id: f.id(),
    timestamp: f.timestamp("Execution time (UTC), inside the exchange's regular session."),
    personId: f.ref('persons', 'Who traded.'),
    accountId: f.ref('accounts', "The person's own investment account."),
    companyId: f.ref('companies', 'Listed company whose shares were traded.'),
    ticker: f.text('Ticker of company_id.'),
    exchange: f.text('Exchange code.'),
    side: f.enum(['buy', 'sell'], 'Direction.'),
    quantity: f.int('Number of shares.', { unit: 'shares' }),
    price: f.money('currency', 'Price per share.'),
    value: f.money('currency', 'quantity × price.'),
    currency: f.text('Trading currency of the exchange.'),
    orderType: f.enum(['market', 'limit', 'stop'], 'Order type.'),
    ...labelFields,
  },
  { time: 'timestamp' },
)

export type Trade = RowOf<typeof trades>
