import type { ConfigIssue } from '../../engine/index.ts'
import { issueSentence } from './form-model.ts'

/** Problems no single field owns, such as an unknown key in an imported file. */
export function IssueList({ issues, title }: { readonly issues: readonly ConfigIssue[]; readonly title: string }) {
  if (issues.length === 0) return null
  return (
    <div className="issue-box" role="status">
      <p className="issue-title">{title}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path}</code> {issueSentence(issue)}
          </li>
        ))}
      </ul>
    </div>
  )
}
