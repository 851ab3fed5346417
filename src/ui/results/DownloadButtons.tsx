import type { ResolvedConfig } from '../../engine/index.ts'
import { useDownload, type DownloadKind } from '../queries/use-download.ts'
import { FormatDownload } from './FormatDownload.tsx'

function DownloadButton({
  kind,
  config,
  disabled,
  label,
  hint,
}: {
  kind: DownloadKind
  config: ResolvedConfig
  disabled: boolean
  label: string
  hint: string
}) {
  const download = useDownload(kind)
  const percent = download.progress ? ` ${Math.round(download.progress.fraction * 100)}%` : ''
  return (
    <div className="download">
      <button
        type="button"
        className="button button-primary-outline"
        onClick={() => download.start(config)}
        disabled={disabled || download.pending}
        title={hint}
      >
        {download.pending ? `Preparing${percent}…` : label}
      </button>
      {download.error && (
        <span className="field-error" role="alert">
          {download.error}
        </span>
      )}
    </div>
  )
}

/** The run's data as files: the CLI's CSV folder as a zip, or dataset.json; both built in the worker. */
export function DownloadButtons({ config, disabled }: { readonly config: ResolvedConfig; readonly disabled: boolean }) {
  return (
    <div className="downloads" role="group" aria-label="Downloads">
      <DownloadButton
        kind="csv"
        config={config}
        disabled={disabled}
        label="Download CSV (zip)"
        hint="One CSV file per table plus manifest.json, exactly as the CLI writes them"
      />
      <DownloadButton
        kind="json"
        config={config}
        disabled={disabled}
        label="Download JSON"
        hint="dataset.json: the manifest and every table, as the CLI writes it with --format json"
      />
      <FormatDownload config={config} disabled={disabled} />
    </div>
  )
}
