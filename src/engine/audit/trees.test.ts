import { describe, expect, it } from 'vitest'
import { mix32 } from '../random/hash.ts'
import { aucAgainst } from './auc.ts'
import { evaluateLevel } from './level.ts'
import { scoreRows, trainTrees, TREE_PARAMS } from './trees.ts'

/** Two uniform features A and B and a noise one; the label is (A > 0.5) xor (B > 0.5). Halves alternate. */
function xorData(n: number) {
  const u = (i: number, salt: number) => mix32(Math.imul(i + 1, 0x9e3779b1) ^ salt) / 4_294_967_296
  const a = Float64Array.from({ length: n }, (_, i) => u(i, 0x1234))
  const b = Float64Array.from({ length: n }, (_, i) => u(i, 0xbeef))
  const noise = Float64Array.from({ length: n }, (_, i) => u(i, 0x7777))
  const y = Uint8Array.from({ length: n }, (_, i) => ((a[i] > 0.5 ? 1 : 0) ^ (b[i] > 0.5 ? 1 : 0)) as number)
  const test = Uint8Array.from({ length: n }, (_, i) => i & 1)
  return { a, b, noise, y, test }
}

/** Held-out AUC of a model trained on the even rows and scored on the odd ones. */
function heldOut(columns: Float64Array[], y: Uint8Array, test: Uint8Array, depth: number, rounds: number, lr: number) {
  const train = Int32Array.from({ length: y.length }, (_, i) => i).filter((i) => !test[i])
  const w = new Float64Array(y.length).fill(1)
  const model = trainTrees(columns, y, w, train, { depth, rounds, learningRate: lr, minChildRows: 10, subsample: 1 })
  const held = Int32Array.from({ length: y.length }, (_, i) => i).filter((i) => test[i])
  const scores = scoreRows(model, columns, held)
  const neg: number[] = []
  const pos: number[] = []
  held.forEach((r, i) => (y[r] ? pos : neg).push(scores[i]))
  return aucAgainst(Float64Array.from(neg).sort(), pos) as number
}

describe('baseline trees', () => {
  it('find a feature interaction (label = A xor B) that boosted stumps cannot', () => {
    const { a, b, noise, y, test } = xorData(2000)
    const report = evaluateLevel({
      columns: [
        { name: 'a', categorical: false, values: a },
        { name: 'b', categorical: false, values: b },
        { name: 'noise', categorical: false, values: noise },
      ],
      kind: Int32Array.from(y, (v) => (v ? 0 : -1)),
      kinds: ['xor'],
      test,
      weight: new Float64Array(y.length).fill(1),
    })
    // Neither feature says anything alone …
    for (const f of report.best_single_features) expect(f.auc as number).toBeLessThan(0.6)
    // … the shipped model finds the interaction on the held-out half …
    expect(report.baseline.roc_auc as number).toBeGreaterThan(0.95)
    // … and the stumps it replaced (depth 1: 40 rounds at learning rate 0.3) could not: they only add features up.
    expect(heldOut([a, b, noise], y, test, 1, 40, 0.3)).toBeLessThan(0.65)
    expect(
      heldOut([a, b, noise], y, test, TREE_PARAMS.depth, TREE_PARAMS.rounds, TREE_PARAMS.learningRate),
    ).toBeCloseTo(report.baseline.roc_auc as number, 4)
  })

  it('send a row to the same side of a split in training and in scoring (v ≤ threshold goes left)', () => {
    // One feature with three values; positives are exactly the rows at the middle value.
    const values = Float64Array.from({ length: 300 }, (_, i) => i % 3)
    const y = Uint8Array.from(values, (v) => (v === 1 ? 1 : 0))
    const rows = Int32Array.from({ length: 300 }, (_, i) => i)
    const model = trainTrees([values], y, new Float64Array(300).fill(1), rows, { ...TREE_PARAMS, rounds: 30 })
    const s = scoreRows(model, [values], Int32Array.of(0, 1, 2))
    expect(s[1]).toBeGreaterThan(s[0])
    expect(s[1]).toBeGreaterThan(s[2])
    expect(model.trees.length).toBe(30)
  })
})
