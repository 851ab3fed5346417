/**
 * Each country's clock as a fixed offset from UTC in minutes: standard time of its largest population centre
 * (US and CA Eastern, AU Sydney, BR São Paulo, MX Mexico City, RU Moscow). Daylight saving is left out on purpose:
 * it moves the daily rhythm by an hour for part of the year, which no realism figure is sensitive to, and a fixed
 * table keeps the engine free of time-zone databases and `Intl`.
 */
export const utcOffsetMinutes: Readonly<Record<string, number>> = {
  US: -300,
  GB: 0,
  DE: 60,
  FR: 60,
  NL: 60,
  CH: 60,
  LU: 60,
  IE: 0,
  ES: 60,
  IT: 60,
  BE: 60,
  AT: 60,
  SE: 60,
  NO: 60,
  DK: 60,
  PL: 60,
  JP: 540,
  SG: 480,
  HK: 480,
  CN: 480,
  IN: 330,
  AU: 600,
  CA: -300,
  NZ: 720,
  BR: -180,
  MX: -360,
  ZA: 120,
  AE: 240,
  SA: 180,
  TR: 180,
  RU: 180,
  KR: 540,
  KY: -300,
  VG: -240,
  BM: -240,
  PA: -300,
  BS: -300,
  CY: 120,
  MT: 60,
  MU: 240,
}

/** Offset in seconds; 0 for a country not in the table (UTC is the safe reading of "unknown"). */
export function utcOffsetSeconds(country: string): number {
  return (utcOffsetMinutes[country] ?? 0) * 60
}
