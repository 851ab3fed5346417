import { mix32 } from '../random/hash.ts'
import { aucAgainst, directionFree, round4 } from './auc.ts'
import { tabulate } from './growable.ts'
import { MAX_BINS, scoreRows, SUBSAMPLE_FLOOR, trainTrees, TREE_PARAMS } from './trees.ts'

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
  /**
   * Train on each half in turn and average the two held-out AUCs (entity levels, whose halves are interchangeable;
   * not a time split). With about a hundred instances split by instance, one split alone moved the AUC by ±0.03
   * from seed to seed.
   */
  readonly crossFit?: boolean
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
    /** Cross-fitted levels: each half's held-out AUC (roc_auc is their mean); train and test rows are the first's. */
    readonly fold_roc_auc?: readonly (number | null)[]
  }
  readonly per_kind: Readonly<Record<string, KindReport>>
}

/** Training negatives beyond this are subsampled (reweighted), so a big level trains in a fixed time. */
const TRAIN_NEGATIVES = 2_000
const TOP_FEATURES = 5

/** Rows by role, gathered once per level: negatives, every positive, and each kind's positives. */
interface Groups {
  readonly negatives: Int32Array
  /** Index 0: every positive; k + 1: the positives of kind k. */
  readonly targets: readonly Int32Array[]
}

function groupRows(input: LevelInput): Groups {
  const negatives: number[] = []
  const targets: number[][] = [[], ...input.kinds.map(() => [])]
  for (let r = 0; r < input.kind.length; r++) {
    const k = input.kind[r]
    if (k < 0) negatives.push(r)
    else {
      targets[0].push(r)
      targets[k + 1].push(r)
    }
  }
  return { negatives: Int32Array.from(negatives), targets: targets.map((t) => Int32Array.from(t)) }
}

/** A category's smoothed positive rate (toward the prior, weight 10): one rare bank cannot score 1. */
const smoothed = (p: number, n: number, prior: number) => (p + 10 * prior) / (p + n + 10)

/** A categorical column as small integers (code + 1, so that −1, empty, is 0) and how many there are. */
function categoryIndex(codes: Float64Array): { index: Int32Array; size: number } {
  const index = new Int32Array(codes.length)
  let size = 1
  for (let r = 0; r < codes.length; r++) {
    index[r] = codes[r] + 1
    if (index[r] >= size) size = index[r] + 1
  }
  return { index, size }
}

/** Per category, the rows of `rows` in the training half (test 0) and in the test half (test 1). */
function countByHalf(index: Int32Array, size: number, rows: Int32Array, test: Uint8Array) {
  const train = new Float64Array(size)
  const held = new Float64Array(size)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    if (test[r]) held[index[r]]++
    else train[index[r]]++
  }
  return { train, held }
}

/**
 * Held-out AUC of a categorical feature: each category is rated by its share of target rows on the training half
 * (smoothed; unseen categories get the training prior) and the test half is scored with those rates. Rated on the
 * rows it scores, a column with a hundred categories (banks) reaches 0.67-0.70 on labels shuffled at random. Rows
 * of one category share a rate, so the Mann-Whitney count runs over categories (negatives counted once per column).
 */
function categoricalAuc(
  cats: { index: Int32Array; size: number },
  neg: { train: Float64Array; held: Float64Array },
  positives: Int32Array,
  test: Uint8Array,
) {
  const pos = countByHalf(cats.index, cats.size, positives, test)
  let trainPos = 0
  let trainNeg = 0
  let testPos = 0
  let testNeg = 0
  for (let c = 0; c < cats.size; c++) {
    trainPos += pos.train[c]
    trainNeg += neg.train[c]
    testPos += pos.held[c]
    testNeg += neg.held[c]
  }
  if (trainPos + trainNeg === 0 || testPos === 0 || testNeg === 0) return null
  const prior = trainPos / (trainPos + trainNeg)
  const rate = new Float64Array(cats.size)
  for (let c = 0; c < cats.size; c++) rate[c] = smoothed(pos.train[c], neg.train[c], prior)
  let wins = 0
  for (let c = 0; c < cats.size; c++) {
    if (pos.held[c] === 0) continue
    let below = 0
    let equal = 0
    for (let d = 0; d < cats.size; d++) {
      if (rate[d] < rate[c]) below += neg.held[d]
      else if (rate[d] === rate[c]) equal += neg.held[d]
    }
    wins += pos.held[c] * (below + equal / 2)
  }
  return wins / (testNeg * testPos)
}

function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]]
  return out
}

/** Direction-free AUC of one feature for every target (see Groups); a numeric feature's negatives are sorted once. */
function featureAucs(groups: Groups, col: FeatureColumn, test: Uint8Array): (number | null)[] {
  const sortedNeg = col.categorical ? null : gather(col.values, groups.negatives).sort()
  const cats = col.categorical ? categoryIndex(col.values) : null
  const neg = cats === null ? null : countByHalf(cats.index, cats.size, groups.negatives, test)
  return groups.targets.map((rows) => {
    const auc =
      cats !== null && neg !== null
        ? categoricalAuc(cats, neg, rows, test)
        : aucAgainst(sortedNeg as Float64Array, gather(col.values, rows))
    return auc === null ? null : round4(directionFree(auc))
  })
}

/** The scores of the rows of `rows` that `use` keeps, ascending. */
function keptScores(scores: Float64Array, rows: Int32Array, use: Uint8Array): Float64Array {
  let n = 0
  for (let i = 0; i < rows.length; i++) n += use[rows[i]]
  const out = new Float64Array(n)
  for (let i = 0, k = 0; i < rows.length; i++) if (use[rows[i]] === 1) out[k++] = scores[rows[i]]
  return out
}

/** AUC of `scores` on the rows `use` keeps, for one target (see Groups), against the kept negatives (sorted once). */
function heldOutAuc(scores: Float64Array, sortedNeg: Float64Array, groups: Groups, t: number, use: Uint8Array) {
  return aucAgainst(sortedNeg, keptScores(scores, groups.targets[t], use))
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

/** Per category: training rows and positives among them, of the rows `rows` lists that `keep` accepts. */
function categoryCounts(codes: Float64Array, kind: Int32Array, rows: Int32Array, keep: (r: number) => boolean) {
  const n = new Map<number, number>()
  const p = new Map<number, number>()
  let all = 0
  let positives = 0
  for (const r of rows) {
    if (!keep(r)) continue
    n.set(codes[r], (n.get(codes[r]) ?? 0) + 1)
    all++
    if (kind[r] >= 0) {
      p.set(codes[r], (p.get(codes[r]) ?? 0) + 1)
      positives++
    }
  }
  const prior = all > 0 ? positives / all : 0
  return (c: number) => smoothed(p.get(c) ?? 0, (n.get(c) ?? 0) - (p.get(c) ?? 0), prior)
}

/** Which of two folds a training row is in, for the cross-fitted category rates. */
const foldOf = (r: number) => mix32(r ^ 0x27d4eb2f) & 1

/**
 * Categorical codes become a smoothed positive rate (toward the overall rate; unseen → overall). A training row's
 * rate comes from the other fold of the training rows, the test half's from all of them: rated on the rows it
 * trains on, a column of a hundred banks hands the model its own labels (account AUC 0.87 with it, 0.91 without
 * the categories, on the hard ladder config).
 */
function encodeForModel(input: LevelInput, train: Int32Array): Float64Array[] {
  const isTrain = new Uint8Array(input.kind.length)
  for (const r of train) isTrain[r] = 1
  return input.columns.map((c) => {
    if (!c.categorical) return c.values
    const all = categoryCounts(c.values, input.kind, train, () => true)
    const folds = [0, 1].map((k) => categoryCounts(c.values, input.kind, train, (r) => foldOf(r) !== k))
    return tabulate(c.values.length, (i) => (isTrain[i] ? folds[foldOf(i)](c.values[i]) : all(c.values[i])))
  })
}

function testRowsOf(test: Uint8Array): Int32Array {
  let n = 0
  for (let r = 0; r < test.length; r++) n += test[r]
  const out = new Int32Array(n)
  for (let r = 0, k = 0; r < test.length; r++) if (test[r]) out[k++] = r
  return out
}

/** One model trained on the half `input.test` leaves out, scored on the other half. */
function heldOutFit(input: LevelInput, groups: Groups, y: Uint8Array) {
  const { rows, weight } = trainingRows(input)
  const columns = encodeForModel(input, rows)
  const model = trainTrees(columns, y, weight, rows)
  // Only the held-out half is ever scored against: the training half's scores are left at 0, unread.
  const held = testRowsOf(input.test)
  const heldScores = scoreRows(model, columns, held)
  const scores = new Float64Array(input.kind.length)
  for (let i = 0; i < held.length; i++) scores[held[i]] = heldScores[i]
  const negatives = keptScores(scores, groups.negatives, input.test).sort()
  let testPositives = 0
  for (const r of held) if (input.kind[r] >= 0) testPositives++
  return {
    trainRows: rows.length,
    testRows: held.length,
    testPositives,
    auc: (t: number) => heldOutAuc(scores, negatives, groups, t, input.test),
  }
}

/** The mean of the AUCs that exist (a kind may have no positives in one half). */
function meanAuc(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null)
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length
}

function baseline(input: LevelInput, groups: Groups) {
  const y = Uint8Array.from(input.kind, (k) => (k >= 0 ? 1 : 0))
  const first = heldOutFit(input, groups, y)
  const flipped = () => heldOutFit({ ...input, test: input.test.map((h) => 1 - h) }, groups, y)
  const fits = input.crossFit ? [first, flipped()] : [first]
  const auc = (t: number) => round4(meanAuc(fits.map((f) => f.auc(t))))
  return {
    summary: {
      train_rows: first.trainRows,
      test_rows: first.testRows,
      test_positives: first.testPositives,
      roc_auc: auc(0),
      ...(input.crossFit ? { fold_roc_auc: fits.map((f) => round4(f.auc(0))) } : {}),
    },
    perKind: (kind: number) => auc(kind + 1),
  }
}

/** The level's report: single features ranked (overall and per kind) and the baseline model's held-out AUC. */
export function evaluateLevel(input: LevelInput): LevelReport {
  let positives = 0
  for (const k of input.kind) if (k >= 0) positives++
  const groups = groupRows(input)
  const model = baseline(input, groups)
  const table = input.columns.map((c) => featureAucs(groups, c, input.test))
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

export const MODEL_DESCRIPTION = `gradient-boosted trees of depth ${TREE_PARAMS.depth}: ${TREE_PARAMS.rounds} rounds, each tree grown on ${TREE_PARAMS.subsample * 100} % of the training rows (a fixed hash of row and round; at least ${SUBSAMPLE_FLOOR}), logistic loss, learning rate ${TREE_PARAMS.learningRate}, L2 1, at least ${TREE_PARAMS.minChildRows} training rows per leaf, ${MAX_BINS} quantile bins per feature, categorical features as a smoothed positive rate (a training row's from the other of two training folds, a test row's from the whole training half), training negatives thinned to ${TRAIN_NEGATIVES} (reweighted)`
