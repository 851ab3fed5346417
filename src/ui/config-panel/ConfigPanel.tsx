import { useMemo, type KeyboardEvent } from 'react'
import type { ResolvedConfig } from '../../engine/index.ts'
import { kindColour, settings } from '../kinds.ts'
import { useDraftCheck } from '../queries/use-draft-check.ts'
import { useConfigStore } from '../state/config-store.ts'
import { getAt } from '../state/draft.ts'
import { ConfigActions } from './ConfigActions.tsx'
import { FormField } from './FormField.tsx'
import { buildFormSpec, generateBlockReason, placeIssues } from './form-model.ts'
import { GenerateBar } from './GenerateBar.tsx'
import { IssueList } from './IssueList.tsx'
import { PatternFieldset } from './PatternFieldset.tsx'
import { PresetPicker } from './PresetPicker.tsx'

interface Props {
  readonly running: boolean
  readonly onGenerate: (config: ResolvedConfig) => void
  readonly onCancel: () => void
}

/** The settings, rendered from the engine's descriptors and checked by the engine's own validator on every edit. */
export function ConfigPanel({ running, onGenerate, onCancel }: Props) {
  const { draft, validation } = useDraftCheck()
  const setField = useConfigStore((s) => s.setField)
  const spec = useMemo(() => buildFormSpec(settings), [])
  const issues = useMemo(() => (validation.ok ? [] : validation.issues), [validation])
  const placed = useMemo(() => (spec ? placeIssues(issues, spec) : null), [issues, spec])
  const reason = generateBlockReason(issues, spec)
  const byPath = placed?.byPath ?? new Map()
  const run = () => {
    if (validation.ok && reason === null) onGenerate(validation.config)
  }
  // Enter in any settings field runs, as in a form; the button stays the visible way to do the same.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || target.tagName !== 'INPUT') return
    if ((target as HTMLInputElement).type === 'checkbox' || (target as HTMLInputElement).type === 'file') return
    event.preventDefault()
    run()
  }

  return (
    <aside className="config-panel" aria-label="Settings">
      <div className="panel-scroll" onKeyDown={onKeyDown}>
        <PresetPicker />
        {placed && <IssueList issues={placed.unplaced} title="This configuration has problems outside the form:" />}
        <>
          <section className="panel-section" aria-labelledby="run-title">
            <h2 id="run-title">Seed and time window</h2>
            <div className="field-grid">
              {spec.general.map((f) => (
                <FormField
                  key={f.path}
                  spec={f}
                  value={getAt(draft, f.path)}
                  issues={byPath.get(f.path)}
                  onChange={setField}
                  helpVisible={f.kind === 'seed'}
                />
              ))}
            </div>
          </section>
          <section className="panel-section" aria-labelledby="counts-title">
            <h2 id="counts-title">Background population and activity</h2>
            <IssueList issues={byPath.get('counts') ?? []} title="Counts:" />
            <div className="field-grid">
              {spec.counts.map((f) => (
                <FormField
                  key={f.path}
                  spec={f}
                  value={getAt(draft, f.path)}
                  issues={byPath.get(f.path)}
                  onChange={setField}
                  helpVisible={false}
                />
              ))}
            </div>
          </section>
          <section className="panel-section" aria-labelledby="difficulty-title">
            <h2 id="difficulty-title">Difficulty and prevalence</h2>
            <IssueList issues={byPath.get('difficultyKnobs') ?? []} title="Difficulty knobs:" />
            <div className="field-grid">
              {spec.difficulty.map((f) => (
                <FormField
                  key={f.path}
                  spec={f}
                  value={getAt(draft, f.path)}
                  issues={byPath.get(f.path)}
                  onChange={setField}
                  helpVisible={f.path === 'difficulty'}
                />
              ))}
            </div>
          </section>
          <section className="panel-section" aria-labelledby="patterns-title">
            <h2 id="patterns-title">Crime patterns to inject</h2>
            {spec.patterns.map((p) => (
              <PatternFieldset
                key={p.kind}
                pattern={p}
                colour={kindColour.get(p.kind) ?? '#555'}
                draft={draft}
                issuesByPath={byPath}
                onChange={setField}
              />
            ))}
          </section>
        </>
        <ConfigActions draft={draft} />
      </div>
      <GenerateBar
        reason={reason}
        rows={validation.ok ? Object.values(validation.config.counts).reduce((n, c) => n + c, 0) : 0}
        running={running}
        onGenerate={run}
        onCancel={onCancel}
      />
    </aside>
  )
}
