import { useConfigStore } from '../state/config-store.ts'
import { presets } from '../state/presets.ts'

/** Starting points; choosing one replaces every setting except the seed. */
export function PresetPicker() {
  const presetId = useConfigStore((s) => s.presetId)
  const applyPreset = useConfigStore((s) => s.applyPreset)
  return (
    <section className="panel-section" aria-labelledby="presets-title">
      <h2 id="presets-title">Start from</h2>
      <div className="preset-list" role="group" aria-label="Presets">
        {presets.map((p) => (
          <button
            key={p.id}
            type="button"
            className="preset"
            aria-pressed={presetId === p.id}
            onClick={() => applyPreset(p.id)}
            title={p.description}
          >
            <span className="preset-label">{p.label}</span>
            <span className="preset-description">{p.description}</span>
          </button>
        ))}
      </div>
    </section>
  )
}
