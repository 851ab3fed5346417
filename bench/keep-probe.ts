import { readFileSync } from 'node:fs'
import { validateConfig } from '../src/engine/index.ts'
import { buildBackground } from '../src/engine/orchestrator/background.ts'
import { eventStreams } from '../src/engine/orchestrator/table-sources.ts'
import { isTransactionStream, legColumns } from '../src/engine/generators/events/transaction-legs.ts'

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const checked = validateConfig({ ...input, seed: 1 })
if (!checked.ok) throw new Error('bad config')
const c = checked.config
const bg = buildBackground(c)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const fresh = () => {
  const s = eventStreams(bg, c.counts).transactions
  if (!isTransactionStream(s)) throw new Error('no lean path')
  s.fill(0, 1, legColumns(1)) // schedules built outside the timing
  return s
}
const legs = legColumns(1)
const modes: Record<string, () => void> = {
  rows: () => {
    const s = fresh()
    const t = cpu()
    for (let i = 0; i < s.count; i++) s.rowWithLegs(i, legs, 0)
    console.log('rows', (cpu() - t).toFixed(2))
  },
  fill: () => {
    const s = fresh()
    const t = cpu()
    const cols = legColumns(16384)
    for (let i = 0; i < s.count; i += 16384) s.fill(i, Math.min(s.count, i + 16384), cols, false)
    const t1 = cpu()
    for (let i = 0; i < s.count; i++) s.rowWithLegs(i, legs, 0)
    console.log('fill+rows', (t1 - t).toFixed(2), (cpu() - t).toFixed(2))
  },
  keep: () => {
    const s = fresh()
    const t = cpu()
    const cols = legColumns(16384)
    for (let i = 0; i < s.count; i += 16384) s.fill(i, Math.min(s.count, i + 16384), cols, true)
    const t1 = cpu()
    for (let i = 0; i < s.count; i++) s.rowWithLegs(i, legs, 0)
    console.log('keep+rows', (t1 - t).toFixed(2), (cpu() - t).toFixed(2))
  },
}
for (let r = 0; r < 3; r++) for (const m of ['rows', 'fill', 'keep']) modes[m]()
