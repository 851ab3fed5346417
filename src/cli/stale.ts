import { lstatSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { holdsOnlyFiles, parseTempName, thisHost } from './temp-names.ts'

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false // a pid reused for us: the run that made the folder is gone
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // exists, owned by someone else
  }
}

/**
 * Temp folders left in `parent` by a run that was killed (SIGKILL, power loss) before it could clean up: removed
 * when the process that made them is gone, reported (never touched) while it still runs; another machine's are
 * left alone (batch tasks share output folders). Returns one line per
 * folder for stderr.
 */
export function sweepStaleTemps(parent: string, own: ReadonlySet<string> = new Set()): string[] {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return [] // the caller reports an unreadable parent
  }
  const notes: string[] = []
  for (const name of names) {
    const parsed = parseTempName(name)
    // Another machine's run (a sibling batch task on a shared volume): its pid cannot be checked from here.
    if (!parsed || parsed.host !== thisHost) continue
    const path = join(parent, name)
    if (own.has(path)) continue
    let isDir: boolean
    try {
      isDir = lstatSync(path).isDirectory()
    } catch {
      continue
    }
    if (!isDir || !holdsOnlyFiles(path)) {
      notes.push(`note: left ${path} alone: it looks like a temp folder of ours but holds things we never write`)
      continue
    }
    if (isRunning(parsed.pid)) {
      notes.push(`note: ${path} belongs to a run that is still going (pid ${parsed.pid}): left it alone`)
      continue
    }
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 3 })
      notes.push(`note: removed ${path}, left by an interrupted run (pid ${parsed.pid})`)
    } catch (e) {
      notes.push(`note: could not remove ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}): remove it by hand`)
    }
  }
  return notes
}
