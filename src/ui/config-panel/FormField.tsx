import { useId, useState, type KeyboardEvent } from 'react'
import type { ConfigIssue } from '../../engine/index.ts'
import { formatDraftValue, parseNumberInput, parseSeedInput } from '../state/draft.ts'
import { fieldId, issueSentence, type FieldSpec } from './form-model.ts'
import { stepCount } from './stepping.ts'

interface Props {
  readonly spec: FieldSpec
  readonly value: unknown
  readonly issues: readonly ConfigIssue[] | undefined
  readonly onChange: (path: string, value: unknown) => void
  /** Counts show their help as a tooltip only, to keep the grid compact. */
  readonly helpVisible?: boolean
}

function parse(spec: FieldSpec, text: string): unknown {
  if (spec.optional && text.trim() === '') return null
  if (spec.kind === 'seed') return parseSeedInput(text)
  if (spec.kind === 'int' || spec.kind === 'number') return parseNumberInput(text)
  return text
}

function unitOf(spec: FieldSpec): string | undefined {
  return spec.descriptor && spec.descriptor.type !== 'enum' ? spec.descriptor.unit : undefined
}

/**
 * One setting rendered from its descriptor. Numeric fields keep the text being typed ("0." on the way to "0.05")
 * and store the parsed value; the store's value wins when it changes from outside (a preset, an import).
 */
export function FormField({ spec, value, issues, onChange, helpVisible = true }: Props) {
  const id = fieldId(spec.path)
  const helpId = useId()
  const errorId = useId()
  const [text, setText] = useState(formatDraftValue(value))
  // What the user typed stays as typed while it still means the stored value ("1e3", "01000"); a value changed
  // elsewhere (a preset, an import) replaces it. Adjusted during render, as React recommends over an effect.
  const [seen, setSeen] = useState({ spec, value })
  if (seen.spec !== spec || !Object.is(seen.value, value)) {
    setSeen({ spec, value })
    if (!Object.is(parse(spec, text), value)) setText(formatDraftValue(value))
  }

  const invalid = (issues?.length ?? 0) > 0
  const describedBy = [invalid ? errorId : null, helpId].filter(Boolean).join(' ')
  const common = { id, name: spec.path, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy }
  const change = (next: string) => {
    setText(next)
    onChange(spec.path, parse(spec, next))
  }
  const unit = unitOf(spec)
  const bounds = spec.descriptor?.type === 'int' ? spec.descriptor : null
  const step = (direction: 1 | -1, big = false) => {
    if (!bounds) return
    const current = parse(spec, text)
    change(
      String(stepCount(typeof current === 'number' ? current : bounds.min, direction, bounds.min, bounds.max, big)),
    )
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, [1 | -1, boolean]> = {
      ArrowUp: [1, event.shiftKey],
      ArrowDown: [-1, event.shiftKey],
      PageUp: [1, true],
      PageDown: [-1, true],
    }
    const hit = bounds ? keys[event.key] : undefined
    if (!hit) return
    event.preventDefault()
    step(...hit)
  }
  const input = (
    <input
      {...common}
      type={spec.kind === 'date' ? 'date' : 'text'}
      inputMode={spec.kind === 'int' ? 'numeric' : spec.kind === 'number' ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(e) => change(e.target.value)}
      onKeyDown={onKeyDown}
    />
  )

  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`} data-path={spec.path}>
      <label htmlFor={id} title={helpVisible ? undefined : spec.help}>
        {spec.label}
        {unit && <span className="field-unit"> ({unit})</span>}
      </label>
      {spec.descriptor?.type === 'enum' ? (
        <select {...common} value={text} onChange={(e) => change(e.target.value)}>
          {!spec.descriptor.options.includes(text) && <option value={text}>{text || '(none)'}</option>}
          {spec.descriptor.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : bounds ? (
        <span className="stepper">
          {input}
          {/* Out of the tab order: the arrow keys do the same from the field itself. */}
          <button type="button" tabIndex={-1} aria-label={`Decrease ${spec.label}`} onClick={() => step(-1)}>
            −
          </button>
          <button type="button" tabIndex={-1} aria-label={`Increase ${spec.label}`} onClick={() => step(1)}>
            +
          </button>
        </span>
      ) : (
        input
      )}
      <span id={helpId} className={helpVisible ? 'field-help' : 'visually-hidden'}>
        {spec.help}
      </span>
      {invalid && (
        <span id={errorId} className="field-error">
          {issues!.map((issue) => (
            <span key={`${issue.path}:${issue.message}`}>{issueSentence(issue)}</span>
          ))}
        </span>
      )}
    </div>
  )
}
