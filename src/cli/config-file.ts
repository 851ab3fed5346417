import { constants, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import { checkShape, issueText, shownText } from '../engine/index.ts'
import { fsErrorText } from './fs-errors.ts'
import { findDuplicateKey } from './json-duplicates.ts'
import { UsageError } from './usage-error.ts'

/** A config is a few kilobytes; a limit keeps a wrong path (a log, a dataset) from being read into memory. */
export const MAX_CONFIG_BYTES = 1024 * 1024

/**
 * Reads and parses `--config` with every check that needs the file itself: a regular file (not a device, a FIFO
 * or a folder) of at most 1 MiB, valid UTF-8 JSON without repeated keys, shaped like a config. Opened
 * non-blocking, so a FIFO with no writer is refused at once instead of hanging.
 */
export async function readConfigFile(path: string): Promise<unknown> {
  const shown = shownText(path)
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
  } catch (e) {
    throw new UsageError(`--config ${fsErrorText(e, shown, 'read')}`)
  }
  let text: string
  try {
    const info = await handle.stat()
    if (!info.isFile())
      throw new UsageError(
        `--config ${shown} is not a regular file (it is ${kindOf(info)}): give the path of a .json config file`,
      )
    if (info.size > MAX_CONFIG_BYTES)
      throw new UsageError(
        `--config ${shown} is ${info.size} bytes; a config is at most ${MAX_CONFIG_BYTES} bytes (1 MiB): check the path`,
      )
    // Read one byte past the limit: a file that grows after stat() is still caught.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > MAX_CONFIG_BYTES)
        throw new UsageError(`--config ${shown} is larger than ${MAX_CONFIG_BYTES} bytes (1 MiB): check the path`)
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length))
    } catch {
      throw new UsageError(`--config ${shown} is not UTF-8 text: save the config as UTF-8 JSON`)
    }
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`--config ${fsErrorText(e, shown, 'read')}`)
  } finally {
    await handle.close()
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new UsageError(
      `--config ${shown} is not valid JSON (${shownText((e as Error).message)}): fix the file or start from the README's example`,
    )
  }
  const repeated = findDuplicateKey(text)
  if (repeated !== null)
    throw new UsageError(
      `--config ${shown}: ${shownText(repeated)} appears twice: keep one (JSON keeps only the last, silently)`,
    )
  const issues = checkShape(value)
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    throw new UsageError(`--config ${shown}: ${issueText(issues[0])}${more}`)
  }
  return value
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'not a file'
}
