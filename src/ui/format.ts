/** Display formatting for the page only; exported data never goes through Intl. */

const integer = new Intl.NumberFormat('en-US')

export function formatCount(n: number): string {
  return integer.format(n)
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

export function formatRate(rowsPerSecond: number): string {
  if (rowsPerSecond >= 1e6) return `${(rowsPerSecond / 1e6).toFixed(2)} M rows/s`
  if (rowsPerSecond >= 1e3) return `${Math.round(rowsPerSecond / 1e3)}k rows/s`
  return `${Math.round(rowsPerSecond)} rows/s`
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`
  return `${bytes} B`
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' })
    moneyFormats.set(currency, format)
  }
  return format
}

/** Integer minor units → "USD 219,340.00"; ISO 4217 minor digits come from Intl (JPY 0, USD 2, BHD 3). */
export function formatMinor(minor: number, currency: string): string {
  try {
    const format = moneyFormat(currency)
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2
    return format.format(minor / 10 ** digits).replace(/\u00a0/g, ' ')
  } catch {
    // An unknown currency code makes Intl throw; the raw amount is still better than nothing.
    return `${currency} ${formatCount(minor)} (minor units)`
  }
}

export function formatDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10)
}
