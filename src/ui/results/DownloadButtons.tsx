import { useState } from 'react'
import type { ResolvedConfig } from '../../engine/index.ts'
import { formatBytes } from '../format.ts'
import { canSaveToDisk } from '../save-target.ts'
import { DownloadButton } from './DownloadButton.tsx'
import { FormatDownload } from './FormatDownload.tsx'

/**
 * From this much data on, downloads go straight to a file by default: built in the tab, the zip would sit in its
 * memory (and a Blob copy beside it) until the browser has saved it. Smaller ones keep the one-click download.
 */
export const STREAM_FROM_BYTES = 100 * 2 ** 20

interface Props {
  readonly runKey: string
  readonly config: ResolvedConfig
  /** The run's files, uncompressed. */
  readonly bytes: number
  readonly disabled: boolean
}

/** The run's data as files: the CLI's CSV folder as a zip, dataset.json, or another format; all made in the worker. */
export function DownloadButtons({ runKey, config, bytes, disabled }: Props) {
  const streams = canSaveToDisk()
  // The user's choice holds for the run it was made on; a new run starts from its own size's default.
  const [choice, setChoice] = useState<{ runKey: string; on: boolean } | null>(null)
  const toDisk = streams && (choice?.runKey === runKey ? choice.on : bytes >= STREAM_FROM_BYTES)
  return (
    <div className="downloads" role="group" aria-label="Downloads">
      <div className="download">
        <DownloadButton
          format="csv"
          config={config}
          disabled={disabled}
          toDisk={toDisk}
          label="Download CSV (zip)"
          hint="One CSV file per table plus manifest.json, exactly as the CLI writes them"
        />
      </div>
      <div className="download">
        <DownloadButton
          format="json"
          config={config}
          disabled={disabled}
          toDisk={toDisk}
          label="Download JSON"
          hint="dataset.json: the manifest and every table, as the CLI writes it with --format json"
        />
      </div>
      <FormatDownload config={config} disabled={disabled} toDisk={toDisk} />
      {streams && (
        <label className="download-to-disk">
          <input
            type="checkbox"
            checked={toDisk}
            onChange={(e) => setChoice({ runKey, on: e.target.checked })}
            disabled={disabled}
          />{' '}
          Write straight to a file I choose ({formatBytes(bytes)} of data; the tab holds none of it)
        </label>
      )}
    </div>
  )
}
