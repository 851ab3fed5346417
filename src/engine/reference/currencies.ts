/**
 * Currencies of the countries in countries.ts.
 *
 * `perUsd` is a fixed table (units of the currency per 1 USD, 4 significant digits, roughly mid-2025
 * market levels). It is deliberately frozen: the same seed must give the same amounts on any date, and
 * every cross-currency payment exports the rate it used, so consumers can check conversions. Pegged
 * currencies use their peg (AED, SAR, BMD, BSD, KYD; HKD sits near the weak end of its band; DKK is the
 * EUR rate times the ERM II central rate 7.46038).
 *
 * `reportingThreshold` is the cash amount (major units) at or above which a cash transaction must be
 * reported, for the jurisdictions the structuring typology models; null where we model none.
 */
export interface Currency {
  code: string
  name: string
  /** ISO 4217 minor unit digits. */
  minorDigits: number
  perUsd: number
  reportingThreshold: number | null
}

export const currencies: readonly Currency[] = [
  { code: 'USD', name: 'US Dollar', minorDigits: 2, perUsd: 1, reportingThreshold: 10000 },
  { code: 'EUR', name: 'Euro', minorDigits: 2, perUsd: 0.86, reportingThreshold: 10000 },
  { code: 'GBP', name: 'Pound Sterling', minorDigits: 2, perUsd: 0.745, reportingThreshold: 10000 },
  { code: 'JPY', name: 'Yen', minorDigits: 0, perUsd: 147, reportingThreshold: 1000000 },
  { code: 'CHF', name: 'Swiss Franc', minorDigits: 2, perUsd: 0.8, reportingThreshold: 15000 },
  { code: 'CAD', name: 'Canadian Dollar', minorDigits: 2, perUsd: 1.38, reportingThreshold: 10000 },
  { code: 'AUD', name: 'Australian Dollar', minorDigits: 2, perUsd: 1.53, reportingThreshold: 10000 },
  { code: 'NZD', name: 'New Zealand Dollar', minorDigits: 2, perUsd: 1.7, reportingThreshold: null },
  { code: 'SGD', name: 'Singapore Dollar', minorDigits: 2, perUsd: 1.29, reportingThreshold: 20000 },
  { code: 'HKD', name: 'Hong Kong Dollar', minorDigits: 2, perUsd: 7.85, reportingThreshold: 120000 },
  { code: 'CNY', name: 'Yuan Renminbi', minorDigits: 2, perUsd: 7.18, reportingThreshold: null },
  { code: 'INR', name: 'Indian Rupee', minorDigits: 2, perUsd: 87.5, reportingThreshold: null },
  { code: 'KRW', name: 'Won', minorDigits: 0, perUsd: 1390, reportingThreshold: null },
  { code: 'SEK', name: 'Swedish Krona', minorDigits: 2, perUsd: 9.6, reportingThreshold: null },
  { code: 'NOK', name: 'Norwegian Krone', minorDigits: 2, perUsd: 10.2, reportingThreshold: null },
  { code: 'DKK', name: 'Danish Krone', minorDigits: 2, perUsd: 6.416, reportingThreshold: null },
  { code: 'PLN', name: 'Zloty', minorDigits: 2, perUsd: 3.65, reportingThreshold: null },
  { code: 'RUB', name: 'Russian Ruble', minorDigits: 2, perUsd: 80, reportingThreshold: null },
  { code: 'TRY', name: 'Turkish Lira', minorDigits: 2, perUsd: 40.5, reportingThreshold: null },
  { code: 'AED', name: 'UAE Dirham', minorDigits: 2, perUsd: 3.673, reportingThreshold: null },
  { code: 'SAR', name: 'Saudi Riyal', minorDigits: 2, perUsd: 3.75, reportingThreshold: null },
  { code: 'BRL', name: 'Brazilian Real', minorDigits: 2, perUsd: 5.45, reportingThreshold: null },
  { code: 'MXN', name: 'Mexican Peso', minorDigits: 2, perUsd: 18.6, reportingThreshold: null },
  { code: 'ZAR', name: 'Rand', minorDigits: 2, perUsd: 17.8, reportingThreshold: null },
  { code: 'MUR', name: 'Mauritius Rupee', minorDigits: 2, perUsd: 45.5, reportingThreshold: null },
  { code: 'KYD', name: 'Cayman Islands Dollar', minorDigits: 2, perUsd: 0.8333, reportingThreshold: null },
  { code: 'BMD', name: 'Bermudian Dollar', minorDigits: 2, perUsd: 1, reportingThreshold: null },
  { code: 'BSD', name: 'Bahamian Dollar', minorDigits: 2, perUsd: 1, reportingThreshold: null },
]

export const currencyByCode: Readonly<Record<string, Currency>> = Object.fromEntries(currencies.map((c) => [c.code, c]))
