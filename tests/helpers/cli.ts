import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { defaultConfig } from '../../src/engine/config/defaults.ts'

export const root = new URL('../..', import.meta.url).pathname
export const bin = join(root, 'bin/fincrime-synth.mjs')
const bundle = join(root, 'dist-cli/main.cjs')

function newestSource(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * The CLI's tests run the compiled CLI, as users do. CI builds it first (`npm run build`); locally this rebuilds
 * it when a source is newer than the bundle. A lock folder keeps parallel test files from building at once.
 */
export function ensureCliBuilt(): void {
  const fresh = () =>
    existsSync(bundle) &&
    statSync(bundle).mtimeMs >=
      Math.max(...['src/cli', 'src/server', 'src/engine'].map((d) => newestSource(join(root, d))))
  if (fresh()) return
  const lock = join(root, 'node_modules/.cli-build.lock')
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (i > 600) rmSync(lock, { recursive: true, force: true }) // a crashed builder's lock (after ~60 s)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the compiled CLI with plain node (what the package's bin does), in `cwd`. */
export function cli(args: string[], opts: { cwd?: string; timeout?: number; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    input: opts.input,
  })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** Lines of stderr without npm's own noise (its warnings about the machine's npmrc). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn') && !l.startsWith('npm WARN'))
}

export function touch(path: string): void {
  closeSync(openSync(path, 'w'))
}

/** A population small enough for a CLI test to generate in well under a second. */
export const tinyCounts = {
  persons: 40,
  companies: 10,
  accounts: 90,
  transactions: 300,
  communications: 50,
  trades: 20,
  travels: 10,
  documents: 20,
  accessEvents: 50,
}

/**
 * A small population as flags, plus --quiet; the other counts and the pattern counts as given (two of every kind)
 * are the page's dense demo (defaultConfig), not the CLI's bank-sized 0.1 % dataset that runs without a config file.
 */
export const tinyFlags = [
  '--persons',
  '40',
  '--companies',
  '10',
  '--accounts',
  '90',
  '--transactions',
  '300',
  ...demoRestFlags(),
  '--quiet',
]

function demoRestFlags(): string[] {
  const small = new Set(['persons', 'companies', 'accounts', 'transactions'])
  const rest = Object.entries(defaultConfig().counts).filter(([k]) => !small.has(k))
  const flags = rest.flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, String(v)])
  return [...flags, '--prevalence', 'none']
}
