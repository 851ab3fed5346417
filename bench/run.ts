import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { benchCliCancel } from './cli-cancel.ts'
import { benchCliHelp } from './cli-help.ts'
import { benchConfigs } from './configs.ts'

/**
 * `npm run bench [names…]`: wall time, rows/s, MB/s of output and peak RSS per config, each run in its own
 * process, medians over several runs. Speed targets live here, never in unit tests.
 */
type Sample = {
  ms: number
  rows: number
  bytes: number
  maxRssMb: number
  transactionsPerSecond: number
  patternsMs: number
}
const one = fileURLToPath(new URL('./one.ts', import.meta.url))
const names = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(benchConfigs)).filter(
  (n) => n !== 'cli-help' && n !== 'cli-cancel',
)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rows: string[][] = [
  [
    'config',
    'runs',
    'wall s (median)',
    'rows',
    'rows/s',
    'txn rows/s',
    'MB',
    'MB/s',
    'peak RSS MB',
    'patterns ms',
    'note',
  ],
]
const results: Record<string, Sample> = {}
for (const name of names) {
  const spec = benchConfigs[name]
  if (!spec) throw new Error(`unknown bench config ${name}; known: ${Object.keys(benchConfigs).join(', ')}`)
  const samples: Sample[] = []
  for (let i = 0; i < spec.runs; i++) {
    process.stderr.write(`${name} run ${i + 1}/${spec.runs}…\n`)
    samples.push(
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', one, name], { encoding: 'utf8', maxBuffer: 1 << 20 }),
      ) as Sample,
    )
  }
  const ms = median(samples.map((s) => s.ms))
  const s = samples[0]
  results[name] = { ...s, ms }
  rows.push([
    name,
    String(spec.runs),
    (ms / 1000).toFixed(3),
    s.rows.toLocaleString('en-US'),
    Math.round((s.rows / ms) * 1000).toLocaleString('en-US'),
    Math.round(median(samples.map((x) => x.transactionsPerSecond))).toLocaleString('en-US'),
    (s.bytes / 1e6).toFixed(1),
    (s.bytes / 1e6 / (ms / 1000)).toFixed(1),
    Math.round(Math.max(...samples.map((x) => x.maxRssMb))).toString(),
    Math.round(median(samples.map((x) => x.patternsMs))).toString(),
    spec.note,
  ])
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
for (const [i, r] of (names.length > 0 ? rows : []).entries()) {
  console.log(
    r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  )
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
}
if (results.small) console.log(`\nsmall vs Python reference (8.1 s): ${(8100 / results.small.ms).toFixed(0)}× faster`)
if (results.medium) console.log(`medium vs Python reference (76 s): ${(76000 / results.medium.ms).toFixed(0)}× faster`)
if (results['medium-50-each'] && results['medium-no-patterns']) {
  // Wall-time differences between separate processes are mostly noise on a shared machine; the injection phase is measured directly.
  const heavy = results['medium-50-each']
  console.log(
    `injecting 300 pattern instances (50 of each kind) took ${Math.round(heavy.patternsMs)} ms, ${((heavy.patternsMs / heavy.ms) * 100).toFixed(1)}% of that run; medium without patterns took ${(results['medium-no-patterns'].ms / 1000).toFixed(3)} s, with them ${(heavy.ms / 1000).toFixed(3)} s`,
  )
}

// The compiled CLI's startup and cancellation (`npm run bench cli-help cli-cancel` runs only these).
const wanted = (name: string) => process.argv.slice(2).length === 0 || process.argv.includes(name)
if (wanted('cli-help')) {
  const help = benchCliHelp()
  console.log(
    `\nfincrime-synth --help (compiled, plain node): median ${help.medianMs.toFixed(0)} ms of 10 runs; target well under 200 ms`,
  )
}
if (wanted('cli-cancel')) {
  const cancel = await benchCliCancel()
  console.log(
    `Ctrl-C to exit during a 300k-person run: median ${cancel.medianMs.toFixed(0)} ms, max ${cancel.maxMs.toFixed(0)} ms over ${cancel.samples.length} cancelled runs; target < 500 ms`,
  )
}
