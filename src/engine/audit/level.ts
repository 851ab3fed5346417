import { mix32 } from '../random/hash.ts'
import { aucAgainst, directionFree, round4 } from './auc.ts'
import { scoreRow, STUMP_ROUNDS, trainStumps } from './stumps.ts'

/** One feature of a level, one value per row; a categorical feature holds category codes (−1 = empty). */
export interface FeatureColumn {
  readonly name: string
  readonly categorical: boolean
  readonly values: Float64Array
}

/** What a level hands the evaluation: its features, each row's label and which half it is in. */
export interface LevelInput {
  readonly columns: readonly FeatureColumn[]
  /** Index into `kinds` of the row's suspicious instance's kind; −1 for every other row. */
  readonly kind: Int32Array
  readonly kinds: readonly string[]
  /** 1 for rows of the half the model is evaluated on, 0 for the half it is trained on. */
  readonly test: Uint8Array
  /** Rows each row stands for (background rows may be sampled; labelled rows never are). */
  readonly weight: Float64Array
}

export interface FeatureAuc {
  readonly feature: string
  readonly auc: number | null
}

export interface KindReport {
  readonly positives: number
  readonly best_feature: FeatureAuc | null
  readonly baseline_auc: number | null
}

export interface LevelReport {
  readonly rows: number
  readonly positives: number
  readonly best_single_features: readonly FeatureAuc[]
  readonly baseline: {
    readonly train_rows: number
    readonly test_rows: number
    readonly test_positives: number
    readonly roc_auc: number | null
  }
  readonly per_kind: Readonly<Record<string, KindReport>>
}

/** Training negatives beyond this are subsampled (reweighted), so a big level trains in a fixed time. */
const TRAIN_NEGATIVES = 8_000
const TOP_FEATURES = 5

/** Each category's share of target rows, as the category's score (fit and scored on the same rows, as separability.py does). */
function categoryRates(codes: Float64Array, isTarget: (row: number) => boolean, use: (row: number) => boolean) {
  const pos = new Map<number, number>()
  const all = new Map<number, number>()
  for (let r = 0; r < codes.length; r++) {
    if (!use(r)) continue
    all.set(codes[r], (all.get(codes[r]) ?? 0) + 1)
    if (isTarget(r)) pos.set(codes[r], (pos.get(codes[r]) ?? 0) + 1)
  }
  return (code: number) => {
    const n = all.get(code)
    return n ? (pos.get(code) ?? 0) / n : -1
  }
}

/** AUC of `score` for the rows of `kind` (or every positive, kind −2) against the negatives, both restricted by `use`. */
function aucOf(score: (row: number) => number, input: LevelInput, kind: number, use: (row: number) => boolean) {
  const neg: number[] = []
  const pos: number[] = []
  for (let r = 0; r < input.kind.length; r++) {
    if (!use(r)) continue
    const k = input.kind[r]
    if (k < 0) neg.push(score(r))
    else if (kind === -2 || k === kind) pos.push(score(r))
  }
  return aucAgainst(Float64Array.from(neg).sort(), pos)
}

const everyRow = () => true

/**
 * Direction-free AUC of one feature for every target (index 0: every positive, k + 1: kind k). A numeric feature's
 * negatives are sorted once for all targets; a categorical one is re-scored per target (its category rates).
 */
function featureAucs(input: LevelInput, col: FeatureColumn): (number | null)[] {
  const targets = [-2, ...input.kinds.map((_, k) => k)]
  let sortedNeg: Float64Array | null = null
  return targets.map((kind) => {
    const isTarget = (r: number) => (kind === -2 ? input.kind[r] >= 0 : input.kind[r] === kind)
    let auc: number | null
    if (col.categorical) {
      const rate = categoryRates(col.values, isTarget, everyRow)
      auc = aucOf((r) => rate(col.values[r]), input, kind, everyRow)
    } else {
      if (!sortedNeg) {
        const neg: number[] = []
        for (let r = 0; r < input.kind.length; r++) if (input.kind[r] < 0) neg.push(col.values[r])
        sortedNeg = Float64Array.from(neg).sort()
      }
      const pos: number[] = []
      for (let r = 0; r < input.kind.length; r++) if (isTarget(r)) pos.push(col.values[r])
      auc = aucAgainst(sortedNeg, pos)
    }
    return auc === null ? null : round4(directionFree(auc))
  })
}

/** Features by AUC for target t (0: every positive, k + 1: kind k), best first; ties keep the declared order. */
function ranked(input: LevelInput, table: (number | null)[][], t: number): FeatureAuc[] {
  return input.columns
    .map((c, i) => ({ feature: c.name, auc: table[i][t] }))
    .filter((f) => f.auc !== null)
    .sort((a, b) => (b.auc as number) - (a.auc as number))
}

/** The rows the model trains on: every training positive, and training negatives thinned to TRAIN_NEGATIVES. */
function trainingRows(input: LevelInput): { rows: Int32Array; weight: Float64Array } {
  let negatives = 0
  for (let r = 0; r < input.kind.length; r++) if (!input.test[r] && input.kind[r] < 0) negatives++
  const keep = Math.min(1, TRAIN_NEGATIVES / Math.max(1, negatives))
  const rows: number[] = []
  const weight = Float64Array.from(input.weight)
  for (let r = 0; r < input.kind.length; r++) {
    if (input.test[r]) continue
    if (input.kind[r] >= 0) rows.push(r)
    else if (mix32(r ^ 0x5bd1e995) / 4_294_967_296 < keep) {
      rows.push(r)
      weight[r] /= keep
    }
  }
  return { rows: Int32Array.from(rows), weight }
}

/** Categorical codes become the training half's positive rate (smoothed toward the overall rate; unseen → overall). */
function encodeForModel(input: LevelInput, train: Int32Array): Float64Array[] {
  const inTrain = new Uint8Array(input.kind.length)
  for (const r of train) inTrain[r] = 1
  let pos = 0
  for (const r of train) if (input.kind[r] >= 0) pos++
  const prior = train.length > 0 ? pos / train.length : 0
  return input.columns.map((c) => {
    if (!c.categorical) return c.values
    const p = new Map<number, number>()
    const n = new Map<number, number>()
    for (const r of train) {
      n.set(c.values[r], (n.get(c.values[r]) ?? 0) + 1)
      if (input.kind[r] >= 0) p.set(c.values[r], (p.get(c.values[r]) ?? 0) + 1)
    }
    return Float64Array.from(c.values, (v) => ((p.get(v) ?? 0) + 10 * prior) / ((n.get(v) ?? 0) + 10))
  })
}

function baseline(input: LevelInput) {
  const { rows, weight } = trainingRows(input)
  const columns = encodeForModel(input, rows)
  const y = Uint8Array.from(input.kind, (k) => (k >= 0 ? 1 : 0))
  const model = trainStumps(columns, y, weight, rows)
  const scores = Float64Array.from(input.kind, (_, r) => scoreRow(model, columns, r))
  const inTest = (r: number) => input.test[r] === 1
  const score = (r: number) => scores[r]
  let testRows = 0
  let testPositives = 0
  for (let r = 0; r < input.kind.length; r++)
    if (input.test[r]) {
      testRows++
      if (input.kind[r] >= 0) testPositives++
    }
  return {
    summary: {
      train_rows: rows.length,
      test_rows: testRows,
      test_positives: testPositives,
      roc_auc: round4(aucOf(score, input, -2, inTest)),
    },
    perKind: (kind: number) => round4(aucOf(score, input, kind, inTest)),
  }
}

/** The level's report: single features ranked (overall and per kind) and the baseline model's held-out AUC. */
export function evaluateLevel(input: LevelInput): LevelReport {
  let positives = 0
  for (const k of input.kind) if (k >= 0) positives++
  const model = baseline(input)
  const table = input.columns.map((c) => featureAucs(input, c))
  const per_kind: Record<string, KindReport> = {}
  input.kinds.forEach((name, k) => {
    let n = 0
    for (const x of input.kind) if (x === k) n++
    if (n === 0) return
    per_kind[name] = {
      positives: n,
      best_feature: ranked(input, table, k + 1)[0] ?? null,
      baseline_auc: model.perKind(k),
    }
  })
  return {
    rows: input.kind.length,
    positives,
    best_single_features: ranked(input, table, 0).slice(0, TOP_FEATURES),
    baseline: model.summary,
    per_kind,
  }
}

export const MODEL_DESCRIPTION = `gradient-boosted decision stumps: ${STUMP_ROUNDS} rounds, logistic loss, learning rate 0.3, 32 quantile bins per feature, categorical features as the training half's smoothed positive rate, training negatives thinned to ${TRAIN_NEGATIVES} (reweighted)`
