import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

export class UsageError extends Error {
  override name = 'UsageError'
}

async function isNonEmptyDir(path: string): Promise<boolean | null> {
  try {
    const s = await stat(path)
    if (!s.isDirectory()) return true
    return (await readdir(path)).length > 0
  } catch {
    return null // does not exist
  }
}

/**
 * The output folder is written atomically: everything goes into a hidden sibling temp folder, which replaces
 * the target only when the run succeeded. After an error or Ctrl-C the temp folder is removed and the target
 * is untouched, so nothing half-written is ever left where the user looks.
 */
export async function prepareOutput(
  out: string,
  force: boolean,
): Promise<{ temp: string; commit(): Promise<void>; discard(): Promise<void> }> {
  const target = resolve(out)
  const state = await isNonEmptyDir(target)
  if (state === true && !force)
    throw new UsageError(
      `--out ${out} already exists and is not empty: choose another folder or add --force to replace it`,
    )
  await mkdir(dirname(target), { recursive: true })
  const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`)
  await rm(temp, { recursive: true, force: true })
  await mkdir(temp)
  return {
    temp,
    async commit() {
      if ((await isNonEmptyDir(target)) !== null) {
        const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`)
        await rename(target, old)
        await rename(temp, target)
        await rm(old, { recursive: true, force: true })
      } else await rename(temp, target)
    },
    async discard() {
      await rm(temp, { recursive: true, force: true })
    },
  }
}
