import * as Comlink from 'comlink'
import type { OutputFormat, Progress } from '../engine/index.ts'
import { createEngineApi, type Download, type GenerateResponse, type GraphLayout } from './api.ts'

const api = createEngineApi()

type ProgressCallback = ((p: Progress) => void) & Partial<Comlink.ProxyMarked>

/** Each call gets a fresh comlink proxy for its progress callback; releasing it closes the MessagePort behind it. */
function release(callback: ProgressCallback | undefined): void {
  const remote = callback as Partial<Comlink.Remote<ProgressCallback>> | undefined
  remote?.[Comlink.releaseProxy]?.()
}

function transferDownload(d: Download): Download {
  return Comlink.transfer(d, [d.bytes.buffer as ArrayBuffer])
}

/**
 * The comlink face of `api.ts`: identical calls, but bulk bytes (CSV heads, the zip, dataset.json, positions) are
 * transferred, not cloned, so nothing large is copied onto the page's thread (toolchain.md §4d).
 */
const exposed = {
  describeCatalog: () => api.describeCatalog(),

  async generate(input: unknown, onProgress?: ProgressCallback): Promise<GenerateResponse> {
    try {
      const response = await api.generate(input, onProgress)
      if (!response.ok) return response
      return Comlink.transfer(
        response,
        Object.values(response.summary.heads).map((h) => h.buffer as ArrayBuffer),
      )
    } finally {
      release(onProgress)
    }
  },

  async layoutGraph(runKey: string): Promise<GraphLayout | null> {
    const layout = await api.layoutGraph(runKey)
    return layout && Comlink.transfer(layout, [layout.xy.buffer as ArrayBuffer])
  },

  async exportZip(input: unknown, onProgress?: ProgressCallback): Promise<Download> {
    try {
      return transferDownload(await api.exportZip(input, onProgress))
    } finally {
      release(onProgress)
    }
  },

  async exportFormat(input: unknown, format: OutputFormat, onProgress?: ProgressCallback): Promise<Download> {
    try {
      return transferDownload(await api.exportFormat(input, format, onProgress))
    } finally {
      release(onProgress)
    }
  },

  async exportJson(input: unknown, onProgress?: ProgressCallback): Promise<Download> {
    try {
      return transferDownload(await api.exportJson(input, onProgress))
    } finally {
      release(onProgress)
    }
  },
}

export type WorkerApi = typeof exposed

Comlink.expose(exposed)
