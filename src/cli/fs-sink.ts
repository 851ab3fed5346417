import { open } from 'node:fs/promises'
import { join } from 'node:path'
import type { ByteSink } from '../engine/index.ts'

/** Writes each engine file into `dir` (a temp folder the caller renames into place when the run succeeds). */
export function createFsSink(dir: string): ByteSink {
  return {
    async open(name) {
      const handle = await open(join(dir, name), 'w')
      return {
        async write(chunk) {
          await handle.write(chunk)
        },
        async close() {
          await handle.close()
        },
      }
    },
  }
}
