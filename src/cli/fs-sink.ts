import { open, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { ByteSink } from '../engine/index.ts'

/**
 * Writes each engine file into `dir` (a temp folder the caller renames into place when the run succeeds).
 * `closeAll` closes whatever an aborted run left open, so no handle is left to the garbage collector (DEP0137).
 */
export function createFsSink(dir: string): ByteSink & { closeAll(): Promise<void> } {
  const open_ = new Set<FileHandle>()
  return {
    async open(name) {
      const handle = await open(join(dir, name), 'w')
      open_.add(handle)
      return {
        // handle.write has passed the bytes to the kernel when it resolves.
        releasesChunks: true,
        async write(chunk) {
          await handle.write(chunk)
        },
        async close() {
          open_.delete(handle)
          await handle.close()
        },
      }
    },
    async closeAll() {
      const handles = [...open_]
      open_.clear()
      await Promise.allSettled(handles.map((h) => h.close()))
    },
  }
}
