import type { GroundTruth } from '../export/ground-truth.ts'

/**
 * What the audit counts as a crime: the explicit `is_suspicious` column. Benign look-alikes are ground truth but
 * not crimes, a suspicious instance's camouflage rows (its accounts' ordinary lives) are not suspicious either, and
 * neither are its unwitting members (pattern_members.is_suspicious false: a victim who paid, a bystander business).
 */
export const TARGET_DEFINITION =
  'is_suspicious (look-alike instances, camouflage rows and the unwitting members of a suspicious instance are negatives)'

export function isSuspiciousInstance(pattern: { readonly isSuspicious: boolean }): boolean {
  return pattern.isSuspicious
}

export function isSuspiciousRow(row: { readonly isSuspicious?: boolean }): boolean {
  return row.isSuspicious === true
}

/** The ground truth as the audit reads it: which instances are suspicious, their kinds, each entity's instances. */
export interface Truth {
  /** Suspicious instance id → kind. */
  readonly suspicious: ReadonlyMap<string, string>
  /** Ids of every instance (look-alikes too). */
  readonly all: ReadonlySet<string>
  /** Kinds of the suspicious instances, sorted. */
  readonly kinds: readonly string[]
  /** Target entity id → the kind of the first suspicious instance it is a target member of (member order). */
  readonly entityKind: ReadonlyMap<string, string>
  /** Members of a suspicious instance that are targets of none (its unwitting parties). */
  readonly unwitting: ReadonlySet<string>
  /** entity id → every instance it is a member of (suspicious or not). */
  readonly entityInstances: ReadonlyMap<string, readonly string[]>
  /** Suspicious instance id → its target members of each entity type. */
  readonly members: ReadonlyMap<string, readonly { readonly type: string; readonly id: string }[]>
}

export function readTruth(truth: GroundTruth): Truth {
  const suspicious = new Map<string, string>()
  for (const p of truth.patterns) if (isSuspiciousInstance(p)) suspicious.set(p.id, p.kind)
  const entityKind = new Map<string, string>()
  const entityInstances = new Map<string, string[]>()
  const members = new Map<string, { type: string; id: string }[]>()
  const party = new Set<string>()
  for (const m of truth.members) {
    const list = entityInstances.get(m.entityId)
    if (list) list.push(m.patternId)
    else entityInstances.set(m.entityId, [m.patternId])
    const kind = suspicious.get(m.patternId)
    if (kind === undefined) continue
    if (!m.isSuspicious) {
      party.add(m.entityId)
      continue
    }
    if (!entityKind.has(m.entityId)) entityKind.set(m.entityId, kind)
    const of = members.get(m.patternId)
    if (of) of.push({ type: m.entityType, id: m.entityId })
    else members.set(m.patternId, [{ type: m.entityType, id: m.entityId }])
  }
  const kinds = [...new Set(suspicious.values())].sort()
  const unwitting = new Set([...party].filter((id) => !entityKind.has(id)))
  const all = new Set(truth.patterns.map((p) => p.id))
  return { suspicious, all, kinds, entityKind, unwitting, entityInstances, members }
}
