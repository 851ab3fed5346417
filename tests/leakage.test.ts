import { describe, expect, it } from 'vitest'
import { patternKinds } from '../src/engine/config/schema.ts'
import { tables } from '../src/engine/model/schema.ts'
import { eventTables } from '../src/engine/orchestrator/event-span.ts'
import { generate } from './helpers/dataset.ts'

/** Fewer labelled rows than this say nothing about a column; such a table is reported as skipped, never silently. */
const MIN_POSITIVES = 10
/** Columns the typology itself changes (amounts, times, who) or that are unique per row: a rule on them is detection, not leakage. */
const EXEMPT = new Set([
  'id',
  'pattern_id',
  'pattern_role',
  'is_suspicious',
  'timestamp',
  'departure_at',
  'arrival_at',
  'issued_at',
  'amount',
  'to_amount',
  'fx_rate',
  'quantity',
  'price',
  'value',
  'total_amount',
  'number',
  'due_on',
  'duration_seconds',
  'body',
  'subject',
  'line_count',
])

describe('label leakage', () => {
  it('no single unrelated column separates labelled rows from background rows', async () => {
    const patterns = Object.fromEntries(patternKinds.map((k) => [k, { count: 4 }]))
    // The hard end of the ladder must hold this; easy keeps the plain typologies' tells (e.g. havens) on purpose.
    const g = await generate({ seed: 31, patterns, difficulty: 'hard' })
    const leaks: string[] = []
    const covered: string[] = []
    for (const name of eventTables) {
      const rows = g.tables[name]
      // The target column: look-alike and camouflage rows are labelled with an instance but are not suspicious.
      const positives = rows.filter((r) => r.is_suspicious === 'true')
      if (positives.length < MIN_POSITIVES) continue
      covered.push(name)
      for (const col of tables[name].columns) {
        if (EXEMPT.has(col.name)) continue
        const isRef = col.spec.kind === 'ref' || col.spec.kind === 'id'
        // Rule family 1: "column is empty" / "column is filled".
        for (const empty of [true, false]) {
          const hit = (v: string) => (v === '') === empty
          const tp = positives.filter((r) => hit(r[col.name])).length
          const fp =
            rows.length - positives.length - rows.filter((r) => r.is_suspicious !== 'true' && !hit(r[col.name])).length
          if (tp / positives.length >= 0.3 && tp / (tp + fp) >= 0.5)
            leaks.push(
              `${name}.${col.name} ${empty ? 'empty' : 'filled'}: recall ${(tp / positives.length).toFixed(2)}, precision ${(tp / (tp + fp)).toFixed(2)}`,
            )
        }
        if (isRef) continue
        // Rule family 2: "column equals value" for each value the labelled rows use.
        const counts = new Map<string, [number, number]>()
        for (const r of rows) {
          const c = counts.get(r[col.name]) ?? [0, 0]
          c[r.is_suspicious !== 'true' ? 1 : 0]++
          counts.set(r[col.name], c)
        }
        for (const [value, [tp, fp]] of counts) {
          if (tp / positives.length >= 0.3 && tp / (tp + fp) >= 0.5)
            leaks.push(
              `${name}.${col.name} = ${JSON.stringify(value)}: recall ${(tp / positives.length).toFixed(2)}, precision ${(tp / (tp + fp)).toFixed(2)}`,
            )
        }
      }
      // Ids must look alike: same prefix and length for labelled and background rows.
      const shape = (id: string) => id.replace(/[0-9A-Z]/g, 'x')
      expect(new Set(positives.map((r) => shape(r.id)))).toEqual(new Set([shape(rows[0].id)]))
    }
    expect(leaks).toEqual([])
    // Which tables were examined is part of the result: no pattern labels travels yet. When one does (or a
    // table stops getting labelled rows), this line changes on purpose.
    expect(covered).toEqual(eventTables.filter((t) => t !== 'travels'))
  })
})
