import { plainRow } from '../model/row-view.ts'
import type { PatternMember, PatternRow } from '../model/tables/patterns.ts'

/** The injected instances and their members, known before any table is written (graph formats label nodes with them). */
export interface GroundTruth {
  readonly patterns: readonly PatternRow[]
  readonly members: readonly PatternMember[]
}

export interface Membership {
  readonly patternIds: string[]
  readonly roles: string[]
}

/** entity id → the instances it takes part in and its role in each, in member order. */
export function membershipIndex(truth: GroundTruth): Map<string, Membership> {
  const out = new Map<string, Membership>()
  for (const m of truth.members) {
    let e = out.get(m.entityId)
    if (!e) out.set(m.entityId, (e = { patternIds: [], roles: [] }))
    e.patternIds.push(m.patternId)
    e.roles.push(m.role)
  }
  return out
}

/** Ids of the entities that are a suspicious instance's targets (not its unwitting parties): `is_suspicious` true. */
export function suspiciousEntities(truth: GroundTruth): Set<string> {
  const out = new Set<string>()
  for (const m of truth.members) if (m.isSuspicious) out.add(m.entityId)
  return out
}

/** Entity rows with their target set from membership (background rows are copied, never changed in place). */
export function labelEntities<T extends { id: string; isSuspicious: boolean }>(
  rows: readonly T[],
  suspicious: ReadonlySet<string>,
): T[] {
  // With no suspicious entity, no row's id needs hashing (a read of every id string, scattered over the heap).
  if (suspicious.size === 0) return rows.map((r) => (r.isSuspicious ? { ...plainRow(r), isSuspicious: false } : r))
  return rows.map((r) =>
    suspicious.has(r.id) === r.isSuspicious ? r : { ...plainRow(r), isSuspicious: !r.isSuspicious },
  )
}
