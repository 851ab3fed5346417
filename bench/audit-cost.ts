import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runGeneration, validateConfig, type ByteSink } from '../src/engine/index.ts'

/**
 * What the separability audit costs: the medium config (bench/quality/medium.json) generated in-process as CSV
 * into a sink that drops the bytes, alternately without and with the audit, and the CPU time of each run
 * (process.cpuUsage, so a busy machine's waiting is not counted). Target: the audit adds at most 10 %.
 *   npx tsx bench/audit-cost.ts [runs per side, default 3]
 */
const discard: ByteSink = { open: async () => ({ write: () => undefined, close: () => undefined }) }

export async function benchAuditCost(runs = 3) {
  const input = JSON.parse(readFileSync(new URL('./quality/medium.json', import.meta.url), 'utf8'))
  const checked = validateConfig({ ...input, seed: 1 })
  if (!checked.ok) throw new Error(checked.issues[0].message)
  const cpu = async (audit: boolean) => {
    const before = process.cpuUsage()
    const r = await runGeneration(checked.config, { format: 'csv', sink: discard, audit, now: () => performance.now() })
    const used = process.cpuUsage(before)
    return { ms: (used.user + used.system) / 1000, auditMs: r.phases.find((p) => p.name === 'audit')?.ms ?? 0 }
  }
  await cpu(false) // warm-up: the first run pays for compiling the engine
  const off: number[] = []
  const on: number[] = []
  const finish: number[] = []
  for (let i = 0; i < runs; i++) {
    off.push((await cpu(false)).ms)
    const a = await cpu(true)
    on.push(a.ms)
    finish.push(a.auditMs)
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]
  return { offMs: median(off), onMs: median(on), reportMs: median(finish) }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchAuditCost(Number(process.argv[2] ?? 3))
  const share = ((r.onMs - r.offMs) / r.offMs) * 100
  console.log(
    `medium run CPU: ${r.offMs.toFixed(0)} ms without the audit, ${r.onMs.toFixed(0)} ms with it (+${share.toFixed(1)} %; the report itself ${r.reportMs.toFixed(0)} ms wall); target ≤ +10 %`,
  )
}
