import type { OutputFormat, ResolvedConfig } from '../../engine/index.ts'
import { useDownload } from '../queries/use-download.ts'

interface Props {
  readonly format: OutputFormat
  readonly config: ResolvedConfig
  readonly disabled: boolean
  readonly toDisk: boolean
  readonly label: string
  readonly hint: string
}

/** One download: its button, how far the worker has got with it, and what went wrong. */
export function DownloadButton({ format, config, disabled, toDisk, label, hint }: Props) {
  const download = useDownload(format)
  const percent = download.progress ? ` ${Math.round(download.progress.fraction * 100)} %` : ''
  return (
    <>
      <button
        type="button"
        className="button button-primary-outline"
        onClick={() => download.start({ config, toDisk })}
        disabled={disabled || download.pending}
        title={download.progress?.label ?? hint}
      >
        {download.pending ? `Preparing…${percent}` : label}
      </button>
      {download.error && (
        <span className="field-error" role="alert">
          {download.error}
        </span>
      )}
    </>
  )
}
