/**
 * Stock exchanges where listed companies trade.
 *
 * Session times are the regular continuous session in UTC minutes after midnight, fixed to the northern
 * winter calendar (US and Europe on standard time) so they never depend on a date: DST shifts of an hour
 * would otherwise move trades in and out of session. In that season Sydney is on daylight time (UTC+11),
 * so the ASX session runs 23:00–05:00 UTC: `openUtcMinute > closeUtcMinute` means the session wraps past
 * midnight UTC. Lunch breaks (Tokyo 11:30–12:30, Hong Kong 12:00–13:00 local) are ignored. Tokyo closes
 * at 15:30 local since the November 2024 extension; SIX continuous trading ends 17:20 local.
 *
 * `mic` is the ISO 10383 market identifier code.
 */
export interface Exchange {
  code: string
  name: string
  country: string
  currency: string
  openUtcMinute: number
  closeUtcMinute: number
  mic: string
}

export const exchanges: readonly Exchange[] = [
  {
    code: 'NYSE',
    name: 'New York Stock Exchange',
    country: 'US',
    currency: 'USD',
    openUtcMinute: 870,
    closeUtcMinute: 1260,
    mic: 'XNYS',
  },
  {
    code: 'NASDAQ',
    name: 'Nasdaq Stock Market',
    country: 'US',
    currency: 'USD',
    openUtcMinute: 870,
    closeUtcMinute: 1260,
    mic: 'XNAS',
  },
  {
    code: 'LSE',
    name: 'London Stock Exchange',
    country: 'GB',
    currency: 'GBP',
    openUtcMinute: 480,
    closeUtcMinute: 990,
    mic: 'XLON',
  },
  {
    code: 'XETRA',
    name: 'Xetra (Deutsche Börse)',
    country: 'DE',
    currency: 'EUR',
    openUtcMinute: 480,
    closeUtcMinute: 990,
    mic: 'XETR',
  },
  {
    code: 'EURONEXT',
    name: 'Euronext Paris',
    country: 'FR',
    currency: 'EUR',
    openUtcMinute: 480,
    closeUtcMinute: 990,
    mic: 'XPAR',
  },
  {
    code: 'SIX',
    name: 'SIX Swiss Exchange',
    country: 'CH',
    currency: 'CHF',
    openUtcMinute: 480,
    closeUtcMinute: 980,
    mic: 'XSWX',
  },
  {
    code: 'TSE',
    name: 'Tokyo Stock Exchange',
    country: 'JP',
    currency: 'JPY',
    openUtcMinute: 0,
    closeUtcMinute: 390,
    mic: 'XTKS',
  },
  {
    code: 'HKEX',
    name: 'Hong Kong Stock Exchange',
    country: 'HK',
    currency: 'HKD',
    openUtcMinute: 90,
    closeUtcMinute: 480,
    mic: 'XHKG',
  },
  {
    code: 'SGX',
    name: 'Singapore Exchange',
    country: 'SG',
    currency: 'SGD',
    openUtcMinute: 60,
    closeUtcMinute: 540,
    mic: 'XSES',
  },
  {
    code: 'TSX',
    name: 'Toronto Stock Exchange',
    country: 'CA',
    currency: 'CAD',
    openUtcMinute: 870,
    closeUtcMinute: 1260,
    mic: 'XTSE',
  },
  {
    code: 'ASX',
    name: 'Australian Securities Exchange',
    country: 'AU',
    currency: 'AUD',
    openUtcMinute: 1380,
    closeUtcMinute: 300,
    mic: 'XASX',
  },
]

export const exchangeByCode: Readonly<Record<string, Exchange>> = Object.fromEntries(exchanges.map((e) => [e.code, e]))
