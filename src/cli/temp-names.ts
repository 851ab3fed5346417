import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Names of the folders a run keeps beside its output: the output being written, and (while replacing an older
 * output with --force) the old one on its way out. Both carry the product and the writer's pid, so a later run
 * can tell ours from a user's folder and a dead run's from a live one.
 */
export function tempName(base: string, kind: 'partial' | 'old', pid: number): string {
  return `.${base}.fincrime-synth-${kind}-${pid}`
}

const TEMP = /^\.(.+)\.fincrime-synth-(partial|old)-([1-9]\d{0,9})$/

export function parseTempName(name: string): { base: string; kind: 'partial' | 'old'; pid: number } | null {
  const m = TEMP.exec(name)
  return m ? { base: m[1], kind: m[2] as 'partial' | 'old', pid: Number(m[3]) } : null
}

/** Our runs write only plain files, never subfolders: anything else inside means the folder is not ours. */
export function holdsOnlyFiles(dir: string): boolean {
  try {
    return readdirSync(join(dir), { withFileTypes: true }).every((e) => e.isFile())
  } catch {
    return false
  }
}
