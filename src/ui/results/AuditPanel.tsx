import type { RunSummary } from '../../worker/client.ts'

type Audit = NonNullable<RunSummary['audit']>

import { formatCount } from '../format.ts'

const num = (v: number | null) => (v === null ? '–' : v.toFixed(2))

/**
 * The shipped separability audit at a glance, next to the downloads: how easily a single column or a small model
 * finds the labels at each level, and how the classic rules do. The whole report is audit.json in the CSV zip.
 */
export function AuditPanel({ audit }: { readonly audit: Audit }) {
  const rules = audit.rules.filter((r) => r.skipped === null)
  return (
    <details className="audit-panel" data-testid="audit-panel">
      <summary>
        Separability audit: account baseline AUC{' '}
        <strong data-testid="audit-account-auc">
          {num(audit.levels.find((l) => l.level === 'account')?.baselineAuc ?? null)}
        </strong>{' '}
        <span className="stat-note">(0.5 = chance, 1 = trivial; audit.json in the CSV zip has it all)</span>
      </summary>
      <div className="audit-tables">
        <table>
          <caption>How easily the labels are found</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Baseline model AUC</th>
              <th scope="col">Best single column</th>
              <th scope="col">Suspicious</th>
            </tr>
          </thead>
          <tbody>
            {audit.levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{l.level}</th>
                <td>{num(l.baselineAuc)}</td>
                <td>
                  {num(l.bestAuc)} <span className="audit-feature">{l.bestFeature?.replaceAll('_', ' ') ?? ''}</span>
                </td>
                <td>
                  {formatCount(l.positives)} of {formatCount(l.rows)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>The classic rules</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Alerts</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">False: look-alike / victim or bystander / background</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name.replaceAll('_', ' ')}</th>
                <td>{r.alerts}</td>
                <td>{num(r.precision)}</td>
                <td>{num(r.recall)}</td>
                <td>
                  {formatCount(r.lookalikeAlerts)} / {formatCount(r.unwittingAlerts)} /{' '}
                  {formatCount(r.backgroundAlerts)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
