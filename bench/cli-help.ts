import { execFileSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Startup of the compiled CLI (plain node, the bundle in dist-cli/), medians of 10 runs after one warm-up, with a
 * bare `node -e 0` measured in the same run as the floor no bundle can go under. Build first (`npm run build` or
 * `npm run build:cli`).
 */
const bin = fileURLToPath(new URL('../bin/fincrime-synth.mjs', import.meta.url))

function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b)
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2
}

function timed(runs: number, once: () => number | Promise<number>) {
  return (async () => {
    await once()
    const samples: number[] = []
    for (let i = 0; i < runs; i++) samples.push(await once())
    return { medianMs: median(samples), samples }
  })()
}

const wall = (args: string[]) => () => {
  const started = performance.now()
  execFileSync(process.execPath, args, { stdio: 'ignore' })
  return performance.now() - started
}

/** Wall time of `fincrime-synth --help`, and of `node -e 0` beside it. */
export async function benchCliHelp(runs = 10) {
  const node = await timed(runs, wall(['-e', '0']))
  const help = await timed(runs, wall([bin, '--help']))
  return { ...help, nodeMs: node.medianMs }
}

/**
 * A population whose build takes a few milliseconds: its first byte is the start itself (Node, the bundle from its
 * code cache, the flags) plus the engine's fixed cost, without the default dataset's population and ledger pass.
 */
export const TINY_RUN = [
  ...['--persons', '20', '--companies', '4', '--accounts', '40', '--transactions', '200', '--communications', '50'],
  ...['--trades', '20', '--travels', '10', '--documents', '20', '--access-events', '50'],
]

/**
 * From spawning `fincrime-synth --out -` (the default config as JSON Lines on stdout, or that with `args`) to its
 * first byte. The default config's first line needs the whole population and the ledger's pass over all 200k
 * transactions (every row carries balances that start from openings planned over the whole run).
 */
export function benchCliFirstByte(runs = 10, args: readonly string[] = []) {
  return timed(
    runs,
    () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now()
        const child = spawn(process.execPath, [bin, '--out', '-', '--quiet', ...args], {
          stdio: ['ignore', 'pipe', 'ignore'],
        })
        child.stdout.once('data', () => {
          resolve(performance.now() - started)
          child.kill()
        })
        child.once('error', reject)
        child.once('exit', (code) => reject(new Error(`fincrime-synth --out - exited (${code}) before writing a byte`)))
      }),
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const help = await benchCliHelp()
  const first = await benchCliFirstByte()
  const tiny = await benchCliFirstByte(10, TINY_RUN)
  console.log(
    `fincrime-synth --help: median ${help.medianMs.toFixed(0)} ms (node -e 0: ${help.nodeMs.toFixed(0)} ms); first byte of --out -: median ${first.medianMs.toFixed(0)} ms (${TINY_RUN.join(' ')}: ${tiny.medianMs.toFixed(0)} ms)`,
  )
}
