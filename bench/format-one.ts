import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFsSink } from '../src/cli/fs-sink.ts'
import { createLanePool } from '../src/cli/lanes.ts'
import { isOutputFormat, runGeneration, validateConfig } from '../src/engine/index.ts'
import { formatBenchConfig } from './format-config.ts'
import { nativeHasher } from '../src/cli/native-hasher.ts'

/** One run of the format bench in a fresh process (its own peak RSS); prints one JSON line. LANES=n for csv/jsonl. */
const format = process.argv[2]
if (!isOutputFormat(format)) throw new Error(`unknown format ${format}`)
const checked = validateConfig(formatBenchConfig)
if (!checked.ok) throw new Error('format bench config is invalid')
const dir = mkdtempSync(join(tmpdir(), `fincrime-format-${format}-`))
const laneCount = Number(process.env.LANES ?? 0)
const lanes =
  laneCount > 0 && (format === 'csv' || format === 'jsonl')
    ? createLanePool(checked.config, format, laneCount)
    : undefined
const started = performance.now()
const result = await runGeneration(checked.config, {
  format,
  lanes,
  sink: createFsSink(dir),
  now: () => performance.now(),
  hasher: nativeHasher,
})
const ms = performance.now() - started
await lanes?.close()
rmSync(dir, { recursive: true, force: true })
process.stdout.write(
  JSON.stringify({
    format,
    ms,
    files: result.files.length,
    bytes: result.files.reduce((a, f) => a + f.bytes, 0),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
)
