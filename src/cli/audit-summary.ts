import type { AuditSummary } from '../engine/index.ts'

const num = (v: number | null) => (v === null ? '-' : v.toFixed(2))

/** The audit in the CLI's summary: one line per level and one for the rules, then where the whole report is. */
export function auditLines(audit: AuditSummary, path: string): string[] {
  const lines = ['Separability audit (how easy the labels are to find; 0.5 = chance, 1 = trivial):']
  for (const l of audit.levels)
    lines.push(
      `  ${l.level.padEnd(12)} baseline AUC ${num(l.baselineAuc)}, best single feature ${l.bestFeature ?? '-'} ${num(l.bestAuc)} (${l.positives} of ${l.rows} positive)`,
    )
  const rules = audit.rules
    .filter((r) => r.skipped === null)
    .map((r) => `${r.name} P ${num(r.precision)} R ${num(r.recall)}`)
  lines.push(`  rules        ${rules.join('; ')}`)
  lines.push(`  details      ${path}`)
  return lines
}
