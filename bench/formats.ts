import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { outputFormats } from '../src/engine/index.ts'

/**
 * `npx tsx bench/formats.ts [formats…]`: size, wall time and peak RSS of every output format for the medium config
 * (bench/format-config.ts), each run in its own process on the main thread only (LANES=0), best of RUNS (default 2).
 */
const one = fileURLToPath(new URL('./format-one.ts', import.meta.url))
const formats = process.argv.slice(2).length > 0 ? process.argv.slice(2) : outputFormats
const runs = Number(process.env.RUNS ?? 2)
type Sample = { format: string; ms: number; files: number; bytes: number; maxRssMb: number }
const results: Sample[] = []
for (const format of formats) {
  const samples: Sample[] = []
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`${format} run ${i + 1}/${runs}…\n`)
    const out = execFileSync(process.execPath, ['--import', 'tsx', one, format], {
      encoding: 'utf8',
      env: { ...process.env, LANES: process.env.LANES ?? '0' },
    })
    samples.push(JSON.parse(out) as Sample)
  }
  results.push(samples.reduce((a, b) => (b.ms < a.ms ? b : a)))
}
const csv = results.find((r) => r.format === 'csv')
console.log('| format | files | MB | × CSV size | s | × CSV time | peak RSS MB |')
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const r of results)
  console.log(
    `| ${r.format} | ${r.files} | ${(r.bytes / 1e6).toFixed(1)} | ${csv ? (r.bytes / csv.bytes).toFixed(2) : '–'} | ${(r.ms / 1000).toFixed(2)} | ${csv ? (r.ms / csv.ms).toFixed(2) : '–'} | ${Math.round(r.maxRssMb)} |`,
  )
