import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runGeneration, validateConfig, type ByteSink } from '../src/engine/index.ts'

/**
 * What the two whole-run reports cost on one thread: the medium config (bench/quality/medium.json) generated
 * in-process as CSV into a sink that drops the bytes, in alternating rounds with neither report, realism.json
 * alone, audit.json alone and both, and the CPU time of each run (process.cpuUsage, so a busy machine's waiting
 * is not counted), medians per combination. Targets: the audit adds at most 10 %, realism.json at most 5 %.
 * The thread counts are measured on the compiled CLI by bench/observer-cost.sh.
 *   npx tsx bench/audit-cost.ts [rounds, default 3]
 */
const discard: ByteSink = { open: async () => ({ write: () => undefined, close: () => undefined }) }

const combos = {
  none: { audit: false, realism: false },
  realism: { audit: false, realism: true },
  audit: { audit: true, realism: false },
  both: { audit: true, realism: true },
} as const
type Combo = keyof typeof combos

export async function benchAuditCost(runs = 3) {
  const input = JSON.parse(readFileSync(new URL('./quality/medium.json', import.meta.url), 'utf8'))
  const checked = validateConfig({ ...input, seed: 1 })
  if (!checked.ok) throw new Error(checked.issues[0].message)
  const cpu = async (combo: Combo) => {
    const before = process.cpuUsage()
    await runGeneration(checked.config, { format: 'csv', sink: discard, ...combos[combo] })
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1000
  }
  await cpu('none') // warm-up: the first run pays for compiling the engine
  const ms: Record<Combo, number[]> = { none: [], realism: [], audit: [], both: [] }
  for (let i = 0; i < runs; i++) for (const c of Object.keys(combos) as Combo[]) ms[c].push(await cpu(c))
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]
  return Object.fromEntries(Object.entries(ms).map(([c, v]) => [c, median(v)])) as Record<Combo, number>
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchAuditCost(Number(process.argv[2] ?? 3))
  const share = (c: Combo) => `${(((r[c] - r.none) / r.none) * 100).toFixed(1)} %`
  console.log(
    `medium run CPU, one thread: ${r.none.toFixed(0)} ms with neither report; realism.json +${share('realism')} ` +
      `(target ≤ 5 %), audit.json +${share('audit')} (target ≤ 10 %), both +${share('both')}`,
  )
}
