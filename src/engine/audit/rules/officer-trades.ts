import type { Ownership } from '../../model/tables/ownership.ts'
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

/**
 * Officer or director trades shortly before the issuer's announcement: needs the announcement dates, which this
 * dataset has no table for (the insider narrative's date is text in the ground truth, not a feature a detector has).
 */
export function preAnnouncementTrades(): Rule {
  return {
    name: 'insider_pre_announcement',
    description: 'an officer or director trades the issuer within 10 days before one of its announcements',
    entity: 'person',
    targets: only('insiderTrading'),
    skipped: 'no announcements table in this dataset, so announcement dates are not available to a detector',
    tables: [],
    observe: () => undefined,
    alerted: () => [],
  }
}
