import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFsSink } from '../src/cli/fs-sink.ts'
import { runGeneration, validateConfig } from '../src/engine/index.ts'
import { createLanePool, defaultThreads } from '../src/cli/lanes.ts'
import { benchConfigs } from './configs.ts'
import { nativeHasher } from '../src/cli/native-hasher.ts'

/** One measured run in a fresh process (so peak RSS belongs to this config alone); prints one JSON line. */
const name = process.argv[2]
const spec = benchConfigs[name]
const dir = mkdtempSync(join(tmpdir(), `fincrime-bench-${name}-`))
const checked = validateConfig(spec.config)
if (!checked.ok) throw new Error(`bench config ${name} is invalid`)
// The same threading the CLI uses by default (cores − 1 lanes for big event tables); LANES=n to compare.
const c = checked.config.counts
const lanes =
  spec.format !== 'json' && Math.max(c.transactions, c.communications, c.accessEvents) >= 200_000
    ? createLanePool(checked.config, spec.format, Number(process.env.LANES ?? defaultThreads()))
    : undefined
const started = performance.now()
const result = await runGeneration(checked.config, {
  lanes,
  format: spec.format,
  sink: createFsSink(dir),
  now: () => performance.now(),
  hasher: nativeHasher,
})
const ms = performance.now() - started
await lanes?.close()
rmSync(dir, { recursive: true, force: true })
const rows = Object.values(result.counts).reduce((a, b) => a + b, 0)
const bytes = result.files.reduce((a, f) => a + f.bytes, 0)
const txPhase = result.phases.find((p) => p.name === 'transactions')
process.stdout.write(
  JSON.stringify({
    name,
    ms,
    rows,
    bytes,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    transactionsPerSecond: txPhase && txPhase.ms > 0 ? (txPhase.rows / txPhase.ms) * 1000 : 0,
    patternsMs: result.phases.find((p) => p.name === 'injection')?.ms ?? 0,
  }) + '\n',
)
