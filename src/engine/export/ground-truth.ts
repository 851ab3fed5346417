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
