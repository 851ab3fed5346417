import { defineTable, f, type RowOf } from '../field.ts'

export const ANNOUNCEMENT_KINDS = ['earnings', 'guidance', 'merger_acquisition'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]

export const announcements = defineTable(
  'announcements',
  'ANN',
  "Corporate announcements of listed companies (quarterly earnings, guidance updates, mergers and acquisitions), each released outside its exchange's session; the share price in trades moves by price_effect_pct from the next session on. Ordered by timestamp.",
  {
    id: f.id(),
    timestamp: f.timestamp("Release time (UTC), after the exchange's session closes or before it opens."),
    companyId: f.ref('companies', 'Listed company that announces.'),
    ticker: f.text('Ticker of company_id.'),
    exchange: f.text('Exchange code of company_id.'),
    kind: f.enum(ANNOUNCEMENT_KINDS, 'What is announced.'),
    headline: f.text('Headline as a news wire would print it.'),
    direction: f.enum(['positive', 'negative'], 'Whether the news is good or bad for the share price.'),
    priceEffectPct: f.decimal(
      2,
      'Move of the share price caused by the announcement, in percent (signed: negative for bad news); trades after it happen at the moved price.',
      { unit: 'percent' },
    ),
  },
)

export type Announcement = RowOf<typeof announcements>
