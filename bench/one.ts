import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFsSink } from '../src/cli/fs-sink.ts'
import { runGeneration, validateConfig } from '../src/engine/index.ts'
import { createLanePool, defaultThreads } from '../src/cli/lanes.ts'
import { benchConfigs } from './configs.ts'
import { nativeHasher } from '../src/cli/native-hasher.ts'

/**
 * One measured run in a fresh process (so peak RSS belongs to this config alone); prints one JSON line with the
 * whole run and every phase: ms, rows, output bytes, and the highest resident set seen during the phase.
 */
const name = process.argv[2]
const spec = benchConfigs[name]
const dir = mkdtempSync(join(tmpdir(), `fincrime-bench-${name}-`))
const checked = validateConfig(spec.config)
if (!checked.ok) throw new Error(`bench config ${name} is invalid`)
// The same threading the CLI uses by default (cores − 1 lanes for big event tables); the spec or LANES=n to compare.
const c = checked.config.counts
const threads = spec.threads ?? Number(process.env.LANES ?? defaultThreads())
const lanes =
  threads > 0 && spec.format !== 'json' && Math.max(c.transactions, c.communications, c.accessEvents) >= 200_000
    ? createLanePool(checked.config, spec.format, threads)
    : undefined

// Peak RSS per phase: progress callbacks arrive often during every phase, and the process-wide peak is read at
// each phase change (rss() alone misses spikes between callbacks).
const rssMb = () => process.memoryUsage.rss() / 2 ** 20
const peakMb = () => process.resourceUsage().maxRSS / 1024
// CPU seconds of every thread of the process: unlike wall time, barely moved by other work on a shared machine.
const cpuS = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const phaseCpu = new Map<string, number>()
let phaseCpuStart = 0
const phasePeak = new Map<string, number>()
let current = ''
let currentMax = 0
const closePhase = () => {
  if (current) phasePeak.set(current, Math.max(currentMax, rssMb(), phasePeak.get(current) ?? 0))
  if (current) phaseCpu.set(current, (phaseCpu.get(current) ?? 0) + cpuS() - phaseCpuStart)
  phaseCpuStart = cpuS()
}
const started = performance.now()
const cpuStarted = cpuS()
const result = await runGeneration(checked.config, {
  lanes,
  format: spec.format,
  sink: createFsSink(dir),
  now: () => performance.now(),
  hasher: nativeHasher,
  // As the CLI does: lets the main thread encode alongside the lanes and see their results arrive.
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  onProgress: (p) => {
    if (p.phase !== current) {
      closePhase()
      current = p.phase
      currentMax = 0
    }
    currentMax = Math.max(currentMax, rssMb())
  },
})
closePhase()
const ms = performance.now() - started
const cpuTotal = cpuS() - cpuStarted
await lanes?.close()
rmSync(dir, { recursive: true, force: true })
const rows = Object.values(result.counts).reduce((a, b) => a + b, 0)
const bytes = result.files.reduce((a, f) => a + f.bytes, 0)
const fileBytes = (table: string) => result.files.find((f) => f.name.replace(/\.[a-z]+$/, '') === table)?.bytes ?? 0
process.stdout.write(
  JSON.stringify({
    name,
    threads: lanes ? threads : 0,
    ms,
    rows,
    bytes,
    maxRssMb: peakMb(),
    cpuS: cpuTotal,
    phases: result.phases.map((p) => ({
      name: p.name,
      ms: p.ms,
      rows: p.rows,
      bytes: fileBytes(p.name),
      rssMb: phasePeak.get(p.name) ?? 0,
      // By progress phase (the entity sort runs inside the injection phase there).
      cpuS: phaseCpu.get(p.name) ?? 0,
    })),
  }) + '\n',
)
