import { useState, type CSSProperties } from 'react'
import type { ConfigIssue } from '../../engine/index.ts'
import { getAt, type Draft } from '../state/draft.ts'
import { FormField } from './FormField.tsx'
import { issueSentence, type PatternSpec } from './form-model.ts'

interface Props {
  readonly pattern: PatternSpec
  readonly colour: string
  readonly draft: Draft
  readonly issuesByPath: ReadonlyMap<string, readonly ConfigIssue[]>
  readonly onChange: (path: string, value: unknown) => void
}

/** One pattern kind: its instance count up front, its parameters behind a toggle that opens by itself on a problem. */
export function PatternFieldset({ pattern, colour, draft, issuesByPath, onChange }: Props) {
  const [open, setOpen] = useState(false)
  const paramIssue = pattern.params.some((p) => issuesByPath.has(p.path)) || issuesByPath.has(`${pattern.path}.params`)
  const expanded = open || paramIssue
  const groupIssues = [...(issuesByPath.get(pattern.path) ?? []), ...(issuesByPath.get(`${pattern.path}.params`) ?? [])]
  const paramsId = `params-${pattern.kind}`
  const count = getAt(draft, pattern.count.path)

  return (
    <fieldset
      className={`pattern${count === 0 ? ' pattern-off' : ''}`}
      style={{ '--kind-colour': colour } as CSSProperties}
      data-kind={pattern.kind}
    >
      <legend>
        <span className="kind-swatch" aria-hidden="true" />
        {pattern.label}
      </legend>
      <p className="pattern-description">{pattern.description}</p>
      <div className="pattern-head">
        <FormField
          spec={pattern.count}
          value={count}
          issues={issuesByPath.get(pattern.count.path)}
          onChange={onChange}
          helpVisible={false}
        />
        {pattern.params.length > 0 && (
          <button
            type="button"
            className="button-quiet"
            aria-expanded={expanded}
            aria-controls={paramsId}
            onClick={() => setOpen(!expanded)}
            disabled={paramIssue}
          >
            {expanded ? 'Hide parameters' : `Parameters (${pattern.params.length})`}
          </button>
        )}
      </div>
      {groupIssues.length > 0 && (
        <p className="field-error">
          {groupIssues.map((issue) => (
            <span key={`${issue.path}:${issue.message}`}>{issueSentence(issue)}</span>
          ))}
        </p>
      )}
      {expanded && (
        <div className="param-grid" id={paramsId}>
          {pattern.params.map((spec) => (
            <FormField
              key={spec.path}
              spec={spec}
              value={getAt(draft, spec.path)}
              issues={issuesByPath.get(spec.path)}
              onChange={onChange}
            />
          ))}
        </div>
      )}
    </fieldset>
  )
}
