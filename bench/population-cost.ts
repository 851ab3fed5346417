import { validateConfig } from '../src/engine/index.ts'
import { backgroundSteps } from '../src/engine/orchestrator/background.ts'
import { sortByIdSteps } from '../src/engine/orchestrator/stepped-sort.ts'
import { runSteps } from '../src/engine/orchestrator/steps.ts'

/**
 * Where the population build spends CPU and heap, stage by stage (companies, persons, ownership, accounts, the
 * world's indexes, the id sort of each entity table), in one fresh process:
 *   npx tsx bench/population-cost.ts [persons, default 1000000]   (companies persons/5, accounts 2 × persons)
 * Prints one line per stage: CPU seconds of the process (every thread, GC included), heap used and RSS after it.
 * Stages are told apart by the rows the stepped build has yielded, so the engine carries no probe.
 */
const persons = Number(process.argv[2] ?? 1_000_000)
const counts = { persons, companies: persons / 5, accounts: persons * 2 }
const checked = validateConfig({
  version: 1,
  seed: 42,
  counts: { ...counts, transactions: 0, communications: 0, trades: 0, travels: 0, documents: 0, accessEvents: 0 },
  patterns: {},
})
if (!checked.ok) throw new Error('invalid config')

const cpuS = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const mb = (n: number) => Math.round(n / 2 ** 20)
let last = cpuS()
let lastWall = performance.now()
const report = (stage: string) => {
  const now = cpuS()
  const wall = performance.now()
  const m = process.memoryUsage()
  console.log(
    `${stage.padEnd(12)} cpu ${(now - last).toFixed(2).padStart(6)} s  wall ${((wall - lastWall) / 1000).toFixed(2).padStart(6)} s  ` +
      `heap ${String(mb(m.heapUsed)).padStart(5)} MB  rss ${String(mb(m.rss)).padStart(5)} MB  peak ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  )
  last = now
  lastWall = wall
}

const bounds: [string, number][] = [
  ['companies', counts.companies],
  ['persons', counts.companies + counts.persons],
  ['ownership', 2 * counts.companies + counts.persons],
  ['accounts', Infinity],
]
const steps = backgroundSteps(checked.config)
let stage = 0
let r = steps.next()
while (!r.done) {
  while (stage < bounds.length - 1 && r.value >= bounds[stage][1]) report(bounds[stage++][0])
  r = steps.next()
}
while (stage < bounds.length) report(bounds[stage++][0] + '+world')
const pop = r.value.population
for (const table of ['persons', 'companies', 'ownership', 'accounts'] as const) {
  runSteps(sortByIdSteps<{ id: string }>(pop[table]))
  report(`sort ${table}`)
}
console.log(`ownership rows ${pop.ownership.length}, announcements ${pop.announcements.length}`)
