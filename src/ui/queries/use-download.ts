import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { OutputFormat, Progress, ResolvedConfig } from '../../engine/index.ts'
import { engine, isAbortError, type Download } from '../../worker/client.ts'
import { saveFile } from '../save-file.ts'

export type DownloadKind = OutputFormat

/** Builds a download in the worker (zip or a JSON run of the same config) and hands it to the browser. */
export function useDownload(kind: DownloadKind) {
  const [progress, setProgress] = useState<Progress | null>(null)
  const controller = useRef<AbortController | null>(null)
  const mutation = useMutation({
    mutationKey: ['download', kind],
    mutationFn: async (config: ResolvedConfig): Promise<Download> => {
      controller.current = new AbortController()
      setProgress(null)
      const signal = controller.current.signal
      const download =
        kind === 'csv'
          ? await engine.exportZip(config, setProgress, signal)
          : kind === 'json'
            ? await engine.exportJson(config, setProgress, signal)
            : await engine.exportFormat(config, kind, setProgress, signal)
      saveFile(download.bytes, download.name, download.mime)
      return download
    },
    onSettled: () => setProgress(null),
  })
  const cancelled = mutation.isError && isAbortError(mutation.error)
  return {
    start: mutation.mutate,
    cancel: () => controller.current?.abort(),
    pending: mutation.isPending,
    progress,
    error: mutation.isError && !cancelled ? (mutation.error as Error).message : null,
  }
}
