import { useState } from 'react'
import type { OutputFormat, ResolvedConfig } from '../../engine/index.ts'
import { DownloadButton } from './DownloadButton.tsx'

/** The formats beyond CSV and JSON, each a zip of the files the CLI writes with `--format <value>`. */
const OTHER_FORMATS: readonly { value: OutputFormat; label: string }[] = [
  { value: 'parquet', label: 'Parquet (one file per table)' },
  { value: 'neo4j', label: 'Neo4j bulk import' },
  { value: 'graphson', label: 'GraphSON 3 / JanusGraph' },
  { value: 'amlworld', label: 'AMLworld (Kaggle IT-AML layout)' },
  { value: 'graph-ml', label: 'Graph ML (PyTorch Geometric)' },
  { value: 'jsonl', label: 'JSON Lines' },
]

interface Props {
  readonly config: ResolvedConfig
  readonly disabled: boolean
  readonly toDisk: boolean
}

/** One menu for the other export formats, so the two main buttons stay the obvious choice. */
export function FormatDownload({ config, disabled, toDisk }: Props) {
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
      {/* Keyed by format, so switching the menu never mixes up two downloads' progress. */}
      <DownloadButton
        key={format}
        format={format}
        config={config}
        disabled={disabled}
        toDisk={toDisk}
        label="Download (zip)"
        hint="A zip of the files the CLI writes in this format, with manifest.json"
      />
    </div>
  )
}
