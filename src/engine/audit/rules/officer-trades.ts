import type { Announcement } from '../../model/tables/announcements.ts'
import type { Ownership } from '../../model/tables/ownership.ts'
import { DAY } from '../../model/time.ts'
import type { Trade } from '../../model/tables/trades.ts'
import { only, type Rule } from './rule.ts'

/** Any trade by an officer or director in their own company's shares (ownership is written before trades). */
export function officerTrades(): Rule {
  const insiders = new Set<string>()
  const alerted = new Set<string>()
  return {
    name: 'officer_trades',
    description: 'any trade by an officer or director of the issuer in its shares',
    entity: 'person',
    targets: only('insiderTrading'),
    skipped: null,
    tables: ['ownership', 'trades'],
    observe(table, row) {
      if (table === 'ownership') {
        const o = row as Ownership
        if (o.ownerType === 'person' && o.role !== 'shareholder') insiders.add(`${o.ownerId}|${o.companyId}`)
      } else if (table === 'trades') {
        const t = row as Trade
        if (insiders.has(`${t.personId}|${t.companyId}`)) alerted.add(t.personId)
      }
    },
    alerted: () => alerted,
  }
}

const BEFORE = 10 * DAY

/**
 * An officer or director trades the issuer's shares within 10 days before one of its announcements. Announcements
 * are written after trades, so the insiders' trades (few) are kept and matched at the end.
 */
export function preAnnouncementTrades(): Rule {
  const insiders = new Set<string>()
  const trades: { person: string; company: string; time: number }[] = []
  const announced = new Map<string, number[]>()
  return {
    name: 'insider_pre_announcement',
    description: 'an officer or director trades the issuer within 10 days before one of its announcements',
    entity: 'person',
    targets: only('insiderTrading'),
    skipped: null,
    tables: ['ownership', 'trades', 'announcements'],
    observe(table, row) {
      if (table === 'ownership') {
        const o = row as Ownership
        if (o.ownerType === 'person' && o.role !== 'shareholder') insiders.add(`${o.ownerId}|${o.companyId}`)
      } else if (table === 'trades') {
        const t = row as Trade
        if (insiders.has(`${t.personId}|${t.companyId}`))
          trades.push({ person: t.personId, company: t.companyId, time: t.timestamp })
      } else if (table === 'announcements') {
        const a = row as Announcement
        const list = announced.get(a.companyId)
        if (list) list.push(a.timestamp)
        else announced.set(a.companyId, [a.timestamp])
      }
    },
    alerted() {
      const out = new Set<string>()
      for (const t of trades)
        if ((announced.get(t.company) ?? []).some((a) => a > t.time && a - t.time <= BEFORE)) out.add(t.person)
      return out
    },
  }
}
