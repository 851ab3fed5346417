import { writeFile } from 'node:fs/promises'
import { realpathSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { Command, CommanderError } from 'commander'
import { loadParts, mergedManifest, mergeFiles, type Part } from './merge.ts'
import { prepareOutput, type Output } from './output-dir.ts'
import { UsageError } from './usage-error.ts'

function fail(code: number, message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(code)
}

/** --out must not overlap any part: replacing it (with --force) would destroy what is being merged. */
function refuseOutInsideParts(out: string, parts: readonly Part[]): void {
  const real = (p: string) => {
    try {
      return realpathSync(p)
    } catch {
      return resolve(p)
    }
  }
  const within = (inner: string, outer: string) => {
    const r = relative(outer, inner)
    return r === '' || !(r === '..' || r.startsWith('..' + sep) || isAbsolute(r))
  }
  const target = real(out)
  for (const part of parts) {
    const dir = real(part.dir)
    if (within(target, dir) || within(dir, target))
      throw new UsageError(
        `--out ${out} overlaps the part ${part.dir}: write the merged dataset into a folder beside the parts`,
      )
  }
}

/**
 * `fincrime-synth merge --out DIR [--concat] PART...`: checks that the folders of a `--shard i/n` array are one
 * whole run (same config and seed, every part present, every file matching its hash) and writes the combined
 * manifest, and with `--concat` the whole files too.
 */
export async function runMergeCommand(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('fincrime-synth merge')
    .description('Check the part folders of a --shard array and write the whole dataset’s manifest (and files).')
    .argument('<parts...>', 'the folders the --shard i/n runs wrote, in any order')
    .requiredOption('--out <dir>', 'output folder for the merged manifest (written atomically; must be empty)')
    .option('--concat', 'also write every table as one file (parts concatenated), so the folder equals a single run')
    .option('--force', 'replace an output folder this tool wrote before')
    .option('--quiet', 'no progress on stderr')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
  try {
    program.parse(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed') process.exit(0)
      fail(2, `${e.message.replace(/^error: /, '')} (see merge --help)`)
    }
    throw e
  }
  const opts = program.opts<{ out: string; concat?: boolean; force?: boolean; quiet?: boolean }>()
  let output: Output | undefined
  try {
    const parts = await loadParts(program.args)
    refuseOutInsideParts(opts.out, parts)
    output = prepareOutput(opts.out, opts.force === true)
    const files = await mergeFiles(
      parts,
      (name) => {
        if (!opts.quiet) process.stderr.write(`checking ${name}\n`)
      },
      opts.concat ? output.temp : undefined,
    )
    await writeFile(join(output.temp, 'manifest.json'), mergedManifest(parts, files, opts.out, opts.concat === true))
    output.commit()
    const rows = files.reduce((n, f) => n + (f.rows ?? 0), 0)
    process.stdout.write(
      `Merged ${parts.length} parts into ${opts.out}: ${files.length} files, ${rows} rows${opts.concat ? '' : ' (manifest only; files stay in their parts)'}\n`,
    )
  } catch (e) {
    output?.discard()
    if (e instanceof UsageError) fail(2, e.message)
    fail(1, `merge failed: ${(e as Error).message}`)
  }
}
