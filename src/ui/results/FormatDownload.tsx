import { useState } from 'react'
import type { OutputFormat, ResolvedConfig } from '../../engine/index.ts'
import { useDownload } from '../queries/use-download.ts'

/** The formats beyond CSV and JSON, each a zip of the files the CLI writes with `--format <value>`. */
const OTHER_FORMATS: readonly { value: OutputFormat; label: string }[] = [
  { value: 'parquet', label: 'Parquet (one file per table)' },
  { value: 'neo4j', label: 'Neo4j bulk import' },
  { value: 'graphson', label: 'GraphSON 3 / JanusGraph' },
  { value: 'amlworld', label: 'AMLworld (Kaggle IT-AML layout)' },
  { value: 'graph-ml', label: 'Graph ML (PyTorch Geometric)' },
  { value: 'jsonl', label: 'JSON Lines' },
]

function FormatButton({
  format,
  config,
  disabled,
}: {
  format: OutputFormat
  config: ResolvedConfig
  disabled: boolean
}) {
  const download = useDownload(format)
  const percent = download.progress ? ` ${Math.round(download.progress.fraction * 100)}%` : ''
  return (
    <>
      <button
        type="button"
        className="button button-primary-outline"
        onClick={() => download.start(config)}
        disabled={disabled || download.pending}
        title="A zip of the files the CLI writes in this format, with manifest.json"
      >
        {download.pending ? `Preparing${percent}…` : 'Download (zip)'}
      </button>
      {download.error && (
        <span className="field-error" role="alert">
          {download.error}
        </span>
      )}
    </>
  )
}

/** One menu for the other export formats, so the two main buttons stay the obvious choice. */
export function FormatDownload({ config, disabled }: { readonly config: ResolvedConfig; readonly disabled: boolean }) {
  const [format, setFormat] = useState<OutputFormat>('parquet')
  return (
    <div className="download">
      <label>
        Other format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as OutputFormat)} disabled={disabled}>
          {OTHER_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>{' '}
      {/* One hook per format, keyed, so switching the menu never mixes up two downloads' progress. */}
      <FormatButton key={format} format={format} config={config} disabled={disabled} />
    </div>
  )
}
