import { readdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * The machine in a temp name: batch tasks on many machines (Kubernetes pods, Slurm nodes) write parts into one
 * shared folder, and a pid means something only on the machine that issued it.
 */
export const thisHost =
  hostname()
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 63) || 'host'

/**
 * Names of the folders a run keeps beside its output: the output being written, and (while replacing an older
 * output with --force) the old one on its way out. Both carry the product and the writer's pid, so a later run
 * can tell ours from a user's folder and a dead run's from a live one (on the same machine).
 */
export function tempName(base: string, kind: 'partial' | 'old', pid: number): string {
  return `.${base}.fincrime-synth-${kind}-${thisHost}-${pid}`
}

const TEMP = /^\.(.+)\.fincrime-synth-(partial|old)-([A-Za-z0-9-]{1,63})-([1-9]\d{0,9})$/

export function parseTempName(
  name: string,
): { base: string; kind: 'partial' | 'old'; host: string; pid: number } | null {
  const m = TEMP.exec(name)
  return m ? { base: m[1], kind: m[2] as 'partial' | 'old', host: m[3], pid: Number(m[4]) } : null
}

/** Our runs write only plain files, never subfolders: anything else inside means the folder is not ours. */
export function holdsOnlyFiles(dir: string): boolean {
  try {
    return readdirSync(join(dir), { withFileTypes: true }).every((e) => e.isFile())
  } catch {
    return false
  }
}
