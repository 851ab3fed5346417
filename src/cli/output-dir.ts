import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { shownText } from '../engine/index.ts'
import { whyNotOurs } from './force.ts'
import { fsErrorText } from './fs-errors.ts'
import { sweepStaleTemps } from './stale.ts'
import { tempName } from './temp-names.ts'
import { FsProblem, UsageError } from './usage-error.ts'

export { UsageError } from './usage-error.ts'

export interface Output {
  /** The hidden folder the run writes into. */
  readonly temp: string
  /** The folder the run fills on success (symbolic links resolved). */
  readonly target: string
  /** Lines for stderr about debris of earlier runs found beside the target. */
  readonly notes: readonly string[]
  /** Moves the finished temp folder into place. Synchronous, so a signal lands either before it or after it. */
  commit(): void
  /** Removes the temp folder; safe to call more than once and from a signal handler. */
  discard(): void
}

/** `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const r = relative(outer, inner)
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !r.startsWith(sep))
}

function real(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

function isEmptyDir(path: string): boolean {
  return readdirSync(path).length === 0
}

/** Folders no run may ever replace, whatever is in them: the root, the home folder and where the user stands. */
function protectedReason(target: string): string | null {
  if (target === sep) return 'is the root folder'
  if (within(real(process.cwd()), target)) return 'is the current folder or one of its parents'
  if (within(real(homedir()), target)) return 'is your home folder or one of its parents'
  return null
}

/** Resolves --out to the folder it names: a symbolic link to a folder means that folder; a dangling one is refused. */
function resolveTarget(out: string, shown: string): { target: string; exists: boolean } {
  const target = resolve(out)
  let info
  try {
    info = lstatSync(target)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { target, exists: false }
    throw new FsProblem(`--out ${fsErrorText(e, shown, 'write')}`)
  }
  if (info.isSymbolicLink()) {
    try {
      statSync(target)
    } catch {
      throw new FsProblem(
        `--out ${shown} is a symbolic link to something that does not exist: remove the link or give a real folder`,
      )
    }
    return { target: realpathSync(target), exists: true }
  }
  return { target, exists: true }
}

/**
 * The output folder is written atomically: everything goes into a hidden sibling temp folder, which replaces the
 * target only when the run succeeded. Everything that can be checked before generating is checked here: the
 * target is a folder we may fill (empty, new, or with --force one this tool wrote), its parent exists and is
 * writable (the temp folder is created now), and debris of killed runs beside it is swept.
 */
/** Temp folders this process made: alive whatever their pid says. */
const ownTemps = new Set<string>()

export function prepareOutput(out: string, force: boolean): Output {
  const shown = shownText(out)
  const { target, exists } = resolveTarget(out, shown)
  const guarded = protectedReason(real(target))
  if (guarded)
    throw new UsageError(`--out ${shown} ${guarded}: it is never replaced; choose a new folder, e.g. --out ./dataset`)
  if (exists) {
    const info = statSync(target)
    if (!info.isDirectory())
      throw new UsageError(
        `--out ${shown} is a file, not a folder: choose a folder name (--force never replaces a file)`,
      )
    checkReplaceable(target, shown, force)
  }
  const parent = dirname(target)
  try {
    if (!statSync(parent).isDirectory())
      throw new FsProblem(`--out ${shown}: ${shownText(parent)} is a file, not a folder: check the path`)
  } catch (e) {
    if (e instanceof FsProblem) throw e
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new FsProblem(
        `--out ${shown}: the folder ${shownText(parent)} does not exist: create it first (mkdir -p) or choose another --out`,
      )
    throw new FsProblem(`--out ${fsErrorText(e, shownText(parent), 'write')}`)
  }
  // A run preparing two folders in one parent (--benchmark's answers) must not sweep its own first one.
  const notes = sweepStaleTemps(parent, ownTemps)
  const temp = join(parent, tempName(basename(target), 'partial', process.pid))
  try {
    // Never removed first: the sweep above already cleared our own dead temp folder of this name, so one still
    // here holds something we never write.
    mkdirSync(temp)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new FsProblem(
        `--out ${shown}: ${shownText(temp)} is in the way and holds things this tool never writes: move it away, then run again`,
      )
    throw new FsProblem(`--out ${fsErrorText(e, shownText(parent), 'write')}`)
  }
  ownTemps.add(temp)
  let committed = false
  return {
    temp,
    target,
    notes,
    commit() {
      // The target may have changed while we generated (a user copying files in): check again before replacing.
      let present: boolean
      try {
        present = statSync(target).isDirectory()
      } catch {
        present = false
      }
      if (present && !isEmptyDir(target)) {
        checkReplaceable(target, shown, force)
        const old = join(parent, tempName(basename(target), 'old', process.pid))
        renameSync(target, old)
        renameSync(temp, target)
        committed = true
        rmSync(old, { recursive: true, force: true, maxRetries: 3 })
      } else {
        renameSync(temp, target) // over an empty folder or into a free name
        committed = true
      }
    },
    discard() {
      if (!committed) rmSync(temp, { recursive: true, force: true, maxRetries: 3 })
    },
  }
}

function checkReplaceable(target: string, shown: string, force: boolean): void {
  if (isEmptyDir(target)) return
  if (!force)
    throw new UsageError(
      `--out ${shown} already exists and is not empty: choose another folder, or add --force if it holds an earlier output of this tool`,
    )
  const reason = whyNotOurs(target)
  if (reason)
    throw new UsageError(
      `--out ${shown} ${shownText(reason, 240)}: --force replaces only a folder this tool wrote; move your files away or choose another --out`,
    )
}
