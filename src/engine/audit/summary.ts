import type { AuditReport } from './audit.ts'

/** The audit at a glance, for the CLI's summary and the page: a few numbers per level and per rule. */
export interface AuditSummary {
  readonly levels: readonly {
    readonly level: string
    readonly rows: number
    readonly positives: number
    readonly baselineAuc: number | null
    readonly bestFeature: string | null
    readonly bestAuc: number | null
  }[]
  readonly rules: readonly {
    readonly name: string
    readonly alerts: number
    readonly precision: number | null
    readonly recall: number | null
    /** False alerts on look-alike members, on a crime's unwitting parties and on the background: the rule's noise. */
    readonly lookalikeAlerts: number
    readonly unwittingAlerts: number
    readonly backgroundAlerts: number
    readonly skipped: string | null
  }[]
}

export function summarizeAudit(report: AuditReport): AuditSummary {
  return {
    levels: Object.entries(report.levels).map(([level, r]) => ({
      level,
      rows: r.rows,
      positives: r.positives,
      baselineAuc: r.baseline.roc_auc,
      bestFeature: r.best_single_features[0]?.feature ?? null,
      bestAuc: r.best_single_features[0]?.auc ?? null,
    })),
    rules: Object.entries(report.rules).map(([name, r]) => ({
      name,
      alerts: r.alerts,
      precision: r.precision,
      recall: r.recall,
      lookalikeAlerts: r.lookalike_alerts,
      unwittingAlerts: r.unwitting_alerts,
      backgroundAlerts: r.background_alerts,
      skipped: r.skipped,
    })),
  }
}

/**
 * Runs up to this many rows in all get the audit unless asked otherwise: its state grows with the entities
 * (~450 bytes per account) and it needs every row on the main thread (no parallel lanes), which a run this size
 * can afford (it costs a few percent). Above it the audit is opt-in.
 */
export const AUDIT_DEFAULT_MAX_ROWS = 1_000_000

export function auditByDefault(counts: Readonly<Record<string, number>>): boolean {
  return Object.values(counts).reduce((a, b) => a + b, 0) <= AUDIT_DEFAULT_MAX_ROWS
}
