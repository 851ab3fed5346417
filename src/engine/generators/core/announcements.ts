/**
 * Corporate announcements of the listed companies, drawn per company from its own stream (fork `announcements`,
 * index = the company's row), so they are a pure function of (seed, company) and the share price can follow them
 * without shared state. The distribution, per listed company and window:
 * - earnings every 91 days (first report 0–90 days into the window, ±3 days), good news with probability 0.55,
 *   |effect| lognormal(median 8 %, σ 0.4) clipped to 4.5–25 %;
 * - guidance updates at 1.0 a year (Poisson), good news with probability 0.45, |effect| lognormal(6 %, 0.35) in 4.5–15 %;
 * - mergers and acquisitions at 0.15 a year: 70 % the company is the target (+10–45 %, median 22 %, σ 0.3),
 *   30 % the acquirer (−4.5 to −12 %, median 6 %, σ 0.35).
 * Every one is released 15–90 minutes after its exchange's session closes on a trading day, so the move shows
 * from the next session on; the smallest effect (4.5 %) is above the 95th percentile of ordinary daily moves (about 3 %, weekends included).
 */
import type { Announcement, AnnouncementKind } from '../../model/tables/announcements.ts'
import type { Company } from '../../model/tables/companies.ts'
import type { IdCodec } from '../../model/ids.ts'
import { civilFromDays, DAY, MINUTE, type SimClock } from '../../model/time.ts'
import { clamp, lognormal } from '../../random/distributions.ts'
import type { Rng } from '../../random/rng.ts'
import { exchanges } from '../../reference/exchanges.ts'
import { exchangeByCode, sessionClose } from '../events/trade-row.ts'

const EARNINGS_EVERY_DAYS = 91
const GUIDANCE_PER_YEAR = 1.0
const DEALS_PER_YEAR = 0.15

interface Draft {
  readonly day: number
  readonly kind: AnnouncementKind
  readonly effectPct: number
  readonly target?: boolean
}

/** Signed effect in percent, rounded to the two decimals the table prints (the price uses the printed value). */
function effect(rng: Rng, pGood: number, median: number, sigma: number, lo: number, hi: number): number {
  const size = clamp(lognormal(rng, median, sigma), lo, hi)
  return Math.round((rng.chance(pGood) ? size : -size) * 100) / 100
}

/** Days of a Poisson process at `perYear` over the window. */
function poissonDays(rng: Rng, clock: SimClock, perYear: number): number[] {
  const days: number[] = []
  for (
    let d = -Math.log(1 - rng.next()) * (365 / perYear);
    d < clock.days;
    d += -Math.log(1 - rng.next()) * (365 / perYear)
  )
    days.push(clock.startDay + Math.floor(d))
  return days
}

function drafts(rng: Rng, clock: SimClock): Draft[] {
  const out: Draft[] = []
  for (let d = rng.below(EARNINGS_EVERY_DAYS); d < clock.days; d += EARNINGS_EVERY_DAYS)
    out.push({
      day: clock.startDay + d + rng.int(-3, 3),
      kind: 'earnings',
      effectPct: effect(rng, 0.55, 8, 0.4, 4.5, 25),
    })
  for (const day of poissonDays(rng, clock, GUIDANCE_PER_YEAR))
    out.push({ day, kind: 'guidance', effectPct: effect(rng, 0.45, 6, 0.35, 4.5, 15) })
  for (const day of poissonDays(rng, clock, DEALS_PER_YEAR)) {
    const target = rng.chance(0.7)
    const effectPct = target ? effect(rng, 1, 22, 0.3, 10, 45) : effect(rng, 0, 6, 0.35, 4.5, 12)
    out.push({ day, kind: 'merger_acquisition', effectPct, target })
  }
  return out
}

/** The quarter an earnings release on `day` reports: the last one that ended before it. */
function reportedQuarter(day: number): string {
  const { year, month } = civilFromDays(day)
  const q = Math.floor((month - 1) / 3)
  return q === 0 ? `Q4 ${year - 1}` : `Q${q} ${year}`
}

function headline(company: Company, d: Draft, releaseDay: number): string {
  const name = company.legalName
  const good = d.effectPct > 0
  if (d.kind === 'earnings')
    return `${name} ${reportedQuarter(releaseDay)} results ${good ? 'beat' : 'miss'} expectations`
  if (d.kind === 'guidance') return `${name} ${good ? 'raises' : 'cuts'} full-year guidance`
  return d.target ? `${name} agrees to be acquired at a premium` : `${name} announces a costly acquisition`
}

/** The first trading day's close at or after `day`, plus 15–90 minutes (null past the window). */
function releaseTime(rng: Rng, company: Company, day: number, clock: SimClock): number | null {
  const ex = exchangeByCode.get(company.exchange ?? '') ?? exchanges[0]
  const lastDay = clock.startDay + clock.days - 1
  for (let d = Math.max(day, clock.startDay); d <= lastDay; d++) {
    const close = sessionClose(ex, d)
    if (close === null) continue
    const t = close + rng.int(15, 90) * MINUTE
    return t >= clock.start && t < clock.end ? t : null
  }
  return null
}

/** One listed company's announcements in the window, in time order (ids are given by the caller). */
export function companyAnnouncements(rng: Rng, company: Company, clock: SimClock): Omit<Announcement, 'id'>[] {
  const out: Omit<Announcement, 'id'>[] = []
  for (const d of drafts(rng, clock)) {
    const timestamp = releaseTime(rng, company, d.day, clock)
    if (timestamp === null) continue
    out.push({
      timestamp,
      companyId: company.id,
      ticker: company.ticker ?? '',
      exchange: company.exchange ?? exchanges[0].code,
      kind: d.kind,
      headline: headline(company, d, Math.floor(timestamp / DAY)),
      direction: d.effectPct > 0 ? 'positive' : 'negative',
      priceEffectPct: d.effectPct,
    })
  }
  return out.sort((a, b) => a.timestamp - b.timestamp)
}

/** Id slots per company: ten years of quarterly earnings plus news at these rates stay far below it. */
const PER_COMPANY = 1024

/**
 * Every listed company's announcements, merged by time (ties by company row). A row's id comes from (company row,
 * ordinal in the company's list), so adding companies never renames another company's news.
 */
export function generateAnnouncements(
  root: Rng,
  companies: readonly Company[],
  clock: SimClock,
  ids: IdCodec<'announcements'>,
): Announcement[] {
  const stream = root.fork('announcements')
  const all: Announcement[] = []
  companies.forEach((c, i) => {
    if (!c.isListed) return
    companyAnnouncements(stream.at(i), c, clock)
      .slice(0, PER_COMPANY)
      .forEach((a, k) => all.push({ id: ids.id(0, i * PER_COMPANY + k), ...a }))
  })
  // Array sort is stable, so equal timestamps keep the company order.
  return all.sort((a, b) => a.timestamp - b.timestamp)
}
