import { round4 } from '../auc.ts'
import type { Truth } from '../target.ts'
import type { Rule } from './rule.ts'

export interface RuleReport {
  readonly description: string
  readonly entity: string
  readonly skipped: string | null
  readonly target_kinds: readonly string[]
  readonly alerts: number
  readonly true_positives: number
  readonly false_positives: number
  /** False alerts on entities in no instance at all. */
  readonly background_alerts: number
  /** False alerts on members of look-alike (not suspicious) instances only. */
  readonly lookalike_alerts: number
  /** False alerts on unwitting parties of a suspicious instance (a victim who paid, a bystander business). */
  readonly unwitting_alerts: number
  readonly precision: number | null
  readonly instances: number
  readonly instances_hit: number
  readonly recall: number | null
  /** Every suspicious kind's instance recall, to see what else a rule catches. */
  readonly recall_by_kind: Readonly<Record<string, number | null>>
}

/** Precision over alerted entities (a target member of a suspicious instance is a true alert); recall over instances. */
export function scoreRule(rule: Rule, truth: Truth): RuleReport {
  const alerted = new Set(rule.alerted())
  let tp = 0
  let background = 0
  let unwitting = 0
  for (const id of alerted) {
    if (truth.entityKind.has(id)) tp++
    else if (truth.unwitting.has(id)) unwitting++
    else if (!truth.entityInstances.has(id)) background++
  }
  const hitsOf = (kind: string) => {
    let total = 0
    let hit = 0
    for (const [pid, members] of truth.members) {
      if (truth.suspicious.get(pid) !== kind) continue
      const own = members.filter((m) => m.type === rule.entity)
      if (own.length === 0) continue
      total++
      if (own.some((m) => alerted.has(m.id))) hit++
    }
    return { total, hit }
  }
  const targets = rule.targets(truth.kinds)
  const byTarget = targets.map(hitsOf)
  const instances = byTarget.reduce((n, h) => n + h.total, 0)
  const hit = byTarget.reduce((n, h) => n + h.hit, 0)
  const recall_by_kind: Record<string, number | null> = {}
  for (const k of truth.kinds) {
    const h = hitsOf(k)
    recall_by_kind[k] = h.total > 0 ? round4(h.hit / h.total) : null
  }
  return {
    description: rule.description,
    entity: rule.entity,
    skipped: rule.skipped,
    target_kinds: targets,
    alerts: alerted.size,
    true_positives: tp,
    false_positives: alerted.size - tp,
    background_alerts: background,
    lookalike_alerts: alerted.size - tp - background - unwitting,
    unwitting_alerts: unwitting,
    precision: alerted.size > 0 ? round4(tp / alerted.size) : null,
    instances,
    instances_hit: hit,
    recall: instances > 0 && rule.skipped === null ? round4(hit / instances) : null,
    recall_by_kind,
  }
}
