import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { OutputFormat, Progress, ResolvedConfig } from '../../engine/index.ts'
import { downloadFile, engine, isAbortError, type Written } from '../../worker/client.ts'
import { blobTarget, diskTarget, type SaveTarget } from '../save-target.ts'

export interface DownloadRequest {
  readonly config: ResolvedConfig
  /** Write to a file the user picks as the worker makes it, instead of a download built in the tab's memory. */
  readonly toDisk: boolean
}

/**
 * Builds a download in the worker and writes it as it is made: to a file the user picks, or into Blob parts that
 * become an ordinary download at the end. Closing the save dialog is a cancel, not an error.
 */
export function useDownload(format: OutputFormat) {
  const [progress, setProgress] = useState<Progress | null>(null)
  const controller = useRef<AbortController | null>(null)
  const mutation = useMutation({
    mutationKey: ['download', format],
    mutationFn: async ({ config, toDisk }: DownloadRequest): Promise<Written> => {
      controller.current = new AbortController()
      setProgress(null)
      const { name, mime } = downloadFile(config.seed, format)
      // The dialog first, while the click still counts as the user's gesture.
      const target: SaveTarget = toDisk ? await diskTarget(name, mime) : blobTarget(name, mime)
      try {
        const written = await engine.streamDownload(
          config,
          format,
          (block) => target.write(block),
          setProgress,
          controller.current.signal,
        )
        await target.close()
        return written
      } catch (error) {
        await target.abort()
        throw error
      }
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
