/**
 * Where exporters write. The engine never does I/O itself: the CLI supplies files in a temp folder,
 * the browser worker supplies in-memory chunk lists, tests supply whatever they like.
 */
export interface FileSink {
  write(chunk: Uint8Array): void | Promise<void>
  close(): void | Promise<void>
  /**
   * True when the sink keeps no reference to a chunk once its write has resolved (it wrote or copied the bytes), so
   * the writer may fill that memory again. Sinks that keep chunks (the memory sink, a zip) leave it unset.
   */
  readonly releasesChunks?: boolean
}

export interface ByteSink {
  /** Opens a new file named `name` (a bare file name such as `transactions.csv`). */
  open(name: string): FileSink | Promise<FileSink>
}

/** A sink that keeps every file in memory: for the browser worker and tests. */
export function createMemorySink(): ByteSink & { files: Map<string, Uint8Array[]>; bytes(name: string): Uint8Array } {
  const files = new Map<string, Uint8Array[]>()
  return {
    files,
    open(name) {
      const chunks: Uint8Array[] = []
      files.set(name, chunks)
      return { write: (c) => void chunks.push(c), close: () => undefined }
    },
    bytes(name) {
      const chunks = files.get(name) ?? []
      const total = chunks.reduce((n, c) => n + c.length, 0)
      const out = new Uint8Array(total)
      let at = 0
      for (const c of chunks) {
        out.set(c, at)
        at += c.length
      }
      return out
    },
  }
}
