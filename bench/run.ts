import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { benchCliCancel } from './cli-cancel.ts'
import { benchCliFirstByte, benchCliHelp } from './cli-help.ts'
import { benchConfigs } from './configs.ts'

/**
 * `npm run bench [names…]`: per config, wall time, rows/s, MB/s and peak RSS, then the same per phase (population,
 * injection, each table's generation + encoding, manifest), each run in its own process, medians over several
 * runs, with ratios to baselines measured in the same run (threads 0 vs 1 vs 2). CPU s (all threads) is given beside
 * wall time: on a shared machine it moves far less than wall time does. Speed targets live here, never
 * in unit tests. Cases marked onlyByName (population-5m) run only when named.
 */
type Phase = { name: string; ms: number; rows: number; bytes: number; rssMb: number; cpuS: number }
type Sample = {
  ms: number
  cpuS: number
  rows: number
  bytes: number
  maxRssMb: number
  threads: number
  phases: Phase[]
}
const one = fileURLToPath(new URL('./one.ts', import.meta.url))
const asked = process.argv.slice(2)
const names = (asked.length > 0 ? asked : Object.keys(benchConfigs).filter((n) => !benchConfigs[n].onlyByName)).filter(
  (n) => n !== 'cli-help' && n !== 'cli-cancel',
)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const int = (n: number) => Math.round(n).toLocaleString('en-US')
const perSecond = (n: number, ms: number) => (ms > 0 && n > 0 ? int((n / ms) * 1000) : '-')
const mbPerSecond = (bytes: number, ms: number) => (ms > 0 && bytes > 0 ? (bytes / 1e6 / (ms / 1000)).toFixed(1) : '-')

function printTable(rows: string[][], left = 1): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

/** The median sample's figures, phase by phase (each phase's median over the runs; RSS is the highest seen). */
function summarise(samples: Sample[]): Sample {
  const first = samples[0]
  return {
    ...first,
    ms: median(samples.map((s) => s.ms)),
    cpuS: median(samples.map((s) => s.cpuS)),
    maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)),
    phases: first.phases.map((p, i) => ({
      ...p,
      ms: median(samples.map((s) => s.phases[i]?.ms ?? 0)),
      cpuS: median(samples.map((s) => s.phases[i]?.cpuS ?? 0)),
      rssMb: Math.max(...samples.map((s) => s.phases[i]?.rssMb ?? 0)),
    })),
  }
}

const results: Record<string, Sample> = {}
const overview: string[][] = [
  ['config', 'runs', 'threads', 'wall s', 'CPU s', 'rows', 'rows/s', 'MB', 'MB/s', 'peak RSS MB', 'note'],
]
for (const name of names)
  if (!benchConfigs[name])
    throw new Error(`unknown bench config ${name}; known: ${Object.keys(benchConfigs).join(', ')}`)
// Alternating rounds (every config's run i before any config's run i + 1): on a shared machine the load drifts over
// minutes, and a config measured all at once would carry the load of its own few minutes into every ratio.
const samplesOf = new Map<string, Sample[]>(names.map((n) => [n, []]))
const rounds = Math.max(...names.map((n) => benchConfigs[n].runs))
for (let i = 0; i < rounds; i++)
  for (const name of names) {
    const spec = benchConfigs[name]
    if (i >= spec.runs) continue
    process.stderr.write(`${name} run ${i + 1}/${spec.runs}…\n`)
    const out = execFileSync(process.execPath, ['--import', 'tsx', one, name], {
      encoding: 'utf8',
      maxBuffer: 1 << 22,
    })
    samplesOf.get(name)?.push(JSON.parse(out) as Sample)
  }
for (const name of names) {
  const spec = benchConfigs[name]
  const s = summarise(samplesOf.get(name) ?? [])
  results[name] = s
  overview.push([
    name,
    String(spec.runs),
    String(s.threads),
    (s.ms / 1000).toFixed(3),
    s.cpuS.toFixed(2),
    int(s.rows),
    perSecond(s.rows, s.ms),
    (s.bytes / 1e6).toFixed(1),
    mbPerSecond(s.bytes, s.ms),
    int(s.maxRssMb),
    spec.note,
  ])
}
printTable(overview)

for (const name of names) {
  const s = results[name]
  console.log(`\n${name}: per phase (median of ${benchConfigs[name].runs}; RSS = highest seen during the phase)`)
  const rows = [['phase', 's', 'CPU s', 'rows', 'rows/s', 'MB', 'MB/s', 'RSS MB']]
  for (const p of s.phases.filter((x) => x.rows > 0 || x.ms >= 1 || x.name === 'sorting'))
    rows.push([
      p.name,
      (p.ms / 1000).toFixed(3),
      p.cpuS > 0 ? p.cpuS.toFixed(2) : '-',
      int(p.rows),
      perSecond(p.rows, p.ms),
      p.bytes > 0 ? (p.bytes / 1e6).toFixed(1) : '-',
      mbPerSecond(p.bytes, p.ms),
      p.rssMb > 0 ? int(p.rssMb) : '-',
    ])
  printTable(rows)
}

// Ratios to baselines measured in this same bench run (threads vs none), and the targets.
const phaseOf = (r: Sample, phase: string) => r.phases.find((p) => p.name === phase)
const txnRate = (r: Sample) => {
  const p = phaseOf(r, 'transactions')
  return p && p.ms > 0 ? (p.rows / p.ms) * 1000 : 0
}
for (const [base, others] of [
  ['txn-1m-t0', ['txn-1m', 'txn-1m-t2']],
  ['txn-2m-t0', ['txn-2m-t1', 'txn-2m-t2']],
] as const) {
  const t0 = results[base]
  if (!t0) continue
  console.log('')
  for (const n of others) {
    const r = results[n]
    if (!r) continue
    const a = phaseOf(t0, 'transactions')
    const b = phaseOf(r, 'transactions')
    console.log(
      `${n} (${r.threads} lane threads) vs ${base}: whole run ${(t0.ms / r.ms).toFixed(2)}× as fast (CPU ${(r.cpuS / t0.cpuS).toFixed(2)}× as much), transactions phase ${a && b ? (a.ms / b.ms).toFixed(2) : '?'}× (${perSecond(b?.rows ?? 0, b?.ms ?? 0)} vs ${perSecond(a?.rows ?? 0, a?.ms ?? 0)} rows/s), peak RSS ${int(r.maxRssMb)} vs ${int(t0.maxRssMb)} MB`,
    )
  }
}
// A transaction row's cost is split between the ledger's pre-pass (its draws, or waiting for the lanes' draws) and
// the transactions phase (its text and bytes): the rate against the target counts both.
const target = (label: string, r: Sample | undefined, goal: number) => {
  const ledger = r && phaseOf(r, 'ledger')
  const txn = r && phaseOf(r, 'transactions')
  if (!r || !txn) return
  const ms = txn.ms + (ledger?.ms ?? 0)
  const rate = ms > 0 ? (txn.rows / ms) * 1000 : 0
  console.log(
    `target ${label}: ${int(rate)} transaction rows/s over the ledger and transactions phases, ${(rate / goal).toFixed(2)}× the ${int(goal)} asked (transactions phase alone ${int(txnRate(r))} rows/s, whole run ${int((r.rows / r.ms) * 1000)} rows/s)`,
  )
}
target('default threads (txn-1m)', results['txn-1m'], 1_000_000)
target('one thread (txn-1m-t0)', results['txn-1m-t0'], 500_000)
// The Python reference is not installed here: these are its recorded times on this machine, not this run's.
if (results.small) console.log(`small vs Python reference (recorded 8.1 s): ${(8100 / results.small.ms).toFixed(0)}×`)
if (results.medium)
  console.log(`medium vs Python reference (recorded 222.5 s): ${(222_500 / results.medium.ms).toFixed(0)}×`)
if (results['medium-50-each'] && results['medium-no-patterns']) {
  // Wall-time differences between separate processes are mostly noise on a shared machine; the injection phase is measured directly.
  const heavy = results['medium-50-each']
  const inj = phaseOf(heavy, 'injection')?.ms ?? 0
  console.log(
    `injecting 300 pattern instances (50 of each kind) took ${Math.round(inj)} ms, ${((inj / heavy.ms) * 100).toFixed(1)}% of that run; medium without patterns took ${(results['medium-no-patterns'].ms / 1000).toFixed(3)} s, with them ${(heavy.ms / 1000).toFixed(3)} s`,
  )
}
for (const n of ['population-1m', 'population-5m']) {
  const r = results[n]
  const pop = r && phaseOf(r, 'population')
  if (r && pop)
    console.log(
      `${n}: population built in ${(pop.ms / 1000).toFixed(1)} s (${perSecond(pop.rows, pop.ms)} entities/s), whole run ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.maxRssMb / 1024).toFixed(2)} GB`,
    )
}

// The compiled CLI's startup and cancellation (`npm run bench cli-help cli-cancel` runs only these).
const wanted = (name: string) => asked.length === 0 || asked.includes(name)
if (wanted('cli-help')) {
  const help = await benchCliHelp()
  const first = await benchCliFirstByte()
  console.log(
    `\nfincrime-synth --help (compiled, plain node): median ${help.medianMs.toFixed(0)} ms of 10 runs (node -e 0 beside it: ${help.nodeMs.toFixed(0)} ms); first byte of --out - (default config, JSON Lines on stdout): ${first.medianMs.toFixed(0)} ms; target ≤ 100 ms above node's own start`,
  )
}
if (wanted('cli-cancel')) {
  const cancel = await benchCliCancel()
  console.log(
    `Ctrl-C to exit during a 300k-person run: median ${cancel.medianMs.toFixed(0)} ms, max ${cancel.maxMs.toFixed(0)} ms over ${cancel.samples.length} cancelled runs; target < 500 ms`,
  )
}
