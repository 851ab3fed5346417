import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createFsSink } from '../src/cli/fs-sink.ts'
import { fsErrorText } from '../src/cli/fs-errors.ts'
import { bin, cli, ensureCliBuilt, errorLines, tinyFlags } from './helpers/cli.ts'

beforeAll(ensureCliBuilt, 120_000)
const work = mkdtempSync(join(tmpdir(), 'fincrime-fs-'))
const tiny = tinyFlags

function expectFsLine(r: { code: number | null; stderr: string }, message: RegExp) {
  expect(r.code, r.stderr).toBe(1)
  const lines = errorLines(r.stderr)
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(message)
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/)
}

/**
 * A private mount namespace with a small tmpfs at `dir` (the user namespace makes us root inside it): real
 * read-only and full file systems without touching the machine's. Not every machine allows it (Ubuntu's AppArmor
 * may forbid unprivileged user namespaces); the sink test below covers a full disk through /dev/full everywhere.
 */
const canMount =
  spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs -o size=64k none /mnt'], { encoding: 'utf8' }).status === 0

function inTmpfs(options: string, script: string): { code: number | null; stderr: string; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fincrime-mnt-'))
  const r = spawnSync(
    'unshare',
    ['-Urm', 'sh', '-c', `mount -t tmpfs -o ${options} none "$1" && cd "$1" && ${script}`, 'sh', dir],
    { encoding: 'utf8', env: { ...process.env, BIN: bin }, timeout: 60_000 },
  )
  return { code: r.status, stderr: r.stderr, stdout: r.stdout }
}

describe('file-system errors are one line naming the path and the fix, exit 1', () => {
  it('a missing parent folder', () => {
    const r = cli(['--out', join(work, 'no/such/dir/out'), ...tiny])
    expectFsLine(r, /--out .*no\/such\/dir\/out: the folder .*no\/such\/dir does not exist: create it first/)
  })

  it('a dangling symbolic link as --out, found before generating', () => {
    const link = join(work, 'dangling')
    symlinkSync(join(work, 'gone'), link)
    expectFsLine(cli(['--out', link, ...tiny]), /--out .*dangling is a symbolic link to something that does not exist/)
  })

  it('a parent that is a file', () => {
    writeFileSync(join(work, 'plain'), 'x')
    expectFsLine(
      cli(['--out', join(work, 'plain/out'), ...tiny]),
      /plain\/out: a part of this path is a file, not a folder: check the path/,
    )
  })

  it.skipIf(!canMount)('a read-only file system, found before generating', () => {
    const r = inTmpfs('ro', `node "$BIN" --out out ${tiny.join(' ')}`)
    expectFsLine(r, /is on a read-only file system: choose a folder on a writable disk/)
  })

  it.skipIf(!canMount)('a disk that fills up while writing: one line, and nothing left behind', () => {
    // Room for bytes but only a few files: the disk is full part-way through the tables.
    const r = inTmpfs('size=64m,nr_inodes=8', `node "$BIN" --out out ${tiny.join(' ')}; echo "rc=$?"; ls -A`)
    expect(r.stdout.trim().split('\n').at(-2) ?? r.stdout, r.stdout).toMatch(/rc=1/)
    expect(
      r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .filter((l) => l !== ''),
      'debris on the full disk',
    ).toEqual([])
    expect(errorLines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toMatch(/no space left on the disk holding out\/\w+\.csv: free some space/)
  })

  it.skipIf(!canMount)('a disk too small for the estimate is refused before generating', () => {
    const r = inTmpfs('size=256k', `node "$BIN" --out out ${tiny.join(' ')}; echo "rc=$?"; ls -A`)
    expect(r.stdout).toMatch(/^rc=2\n?$/)
    expect(r.stderr).toMatch(/this run writes about [\d.]+ MiB, more than the 0\.\d MiB free on the disk holding/)
  })

  it('a full device through the file sink (/dev/full): the error names the file and says what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fincrime-full-'))
    symlinkSync('/dev/full', join(dir, 'persons.csv'))
    const sink = createFsSink(dir)
    const file = await sink.open('persons.csv')
    const failure = await Promise.resolve(file.write(new Uint8Array(4096))).then(
      () => null,
      (e: unknown) => e,
    )
    await sink.closeAll()
    expect((failure as NodeJS.ErrnoException).code).toBe('ENOSPC')
    expect(fsErrorText(failure, 'out/persons.csv', 'write')).toBe(
      'no space left on the disk holding out/persons.csv: free some space, lower the counts, or write elsewhere',
    )
    expect(readdirSync(dir)).toEqual(['persons.csv'])
  })
})
