import { beforeAll, describe, expect, it } from 'vitest'
import type { Difficulty } from '../src/engine/config/difficulty.ts'
import { generate, smallConfig, type Generated } from './helpers/dataset.ts'
import { THRESHOLDS } from './helpers/thresholds.ts'

const DAY = 86_400_000

/** Accounts that are members of a suspicious instance: the account-level target. */
function suspiciousAccounts(g: Generated): Set<string> {
  return new Set(g.tables.accounts.filter((a) => a.is_suspicious === 'true').map((a) => a.id))
}

/** The analyst's rule: >= 3 cash deposits in [90 %, 100 %) of the threshold into one account within 10 days. */
function nearThresholdPrecision(g: Generated): number {
  const byAccount = new Map<string, number[]>()
  for (const t of g.tables.transactions) {
    const limit = THRESHOLDS[t.currency]
    const a = Number(t.amount)
    if (t.kind !== 'cash_deposit' || limit === undefined || a < 0.9 * limit || a >= limit) continue
    byAccount.set(t.to_account_id, [...(byAccount.get(t.to_account_id) ?? []), Date.parse(t.timestamp)])
  }
  const alerted = [...byAccount].filter(([, ts]) => {
    ts.sort((x, y) => x - y)
    return ts.some((t, i) => i + 2 < ts.length && ts[i + 2] - t <= 10 * DAY)
  })
  const bad = suspiciousAccounts(g)
  return alerted.filter(([a]) => bad.has(a)).length / Math.max(1, alerted.length)
}

/** ROC-AUC of one score against the account target (ties count half), folded so that direction does not matter. */
function auc(scores: Map<string, number>, positives: Set<string>): number {
  const items = [...scores].sort((a, b) => a[1] - b[1])
  let rankSum = 0
  let p = 0
  for (let i = 0; i < items.length;) {
    let j = i
    while (j < items.length && items[j][1] === items[i][1]) j++
    const mid = (i + j + 1) / 2
    for (let k = i; k < j; k++) {
      if (!positives.has(items[k][0])) continue
      rankSum += mid
      p++
    }
    i = j
  }
  const n = items.length - p
  const a = (rankSum - (p * (p + 1)) / 2) / Math.max(1, p * n)
  return Math.max(a, 1 - a)
}

/** Transaction level: how well "just under the threshold" alone finds suspicious cash deposits (AUC). */
function nearThresholdAuc(g: Generated): number {
  const scores = new Map<string, number>()
  const positives = new Set<string>()
  for (const t of g.tables.transactions) {
    const limit = THRESHOLDS[t.currency]
    if (t.kind !== 'cash_deposit' || limit === undefined) continue
    const a = Number(t.amount)
    scores.set(t.id, a < limit ? a / limit : 0)
    if (t.is_suspicious === 'true') positives.add(t.id)
  }
  return auc(scores, positives)
}

/** The ladder on a small config, measured as a user would: each step down makes the labels harder to find. */
describe('difficulty ladder', () => {
  const runs = {} as Record<Difficulty, Generated>
  beforeAll(async () => {
    for (const difficulty of ['easy', 'medium', 'hard'] as const)
      runs[difficulty] = await generate({ ...smallConfig('ladder', 3), difficulty })
  }, 300_000)

  it('the near-threshold rule is least precise at hard and most at easy', () => {
    const p = {
      easy: nearThresholdPrecision(runs.easy),
      medium: nearThresholdPrecision(runs.medium),
      hard: nearThresholdPrecision(runs.hard),
    }
    expect(p.hard, JSON.stringify(p)).toBeLessThan(p.medium)
    expect(p.medium, JSON.stringify(p)).toBeLessThan(p.easy)
    expect(p.hard).toBeLessThan(0.5)
  })

  it('"just under the threshold" finds suspicious cash deposits least well at hard and best at easy', async () => {
    // Nine structuring instances on their own: with the three of the shared runs, hard and medium sat within the
    // draw's noise (0.673 vs 0.678; across eight seeds hard was the lower on seven, by 0.04 on average). With
    // nine, hard is lower on all of seeds 1-7 and 'ladder', by 0.03 at least.
    const a = {} as Record<Difficulty, number>
    for (const difficulty of ['easy', 'medium', 'hard'] as const)
      a[difficulty] = nearThresholdAuc(
        await generate({ ...smallConfig('ladder'), patterns: { structuring: { count: 9 } }, difficulty }),
      )
    expect(a.hard, JSON.stringify(a)).toBeLessThan(a.medium)
    expect(a.medium, JSON.stringify(a)).toBeLessThan(a.easy)
  }, 120_000)

  it('look-alikes and camouflage grow down the ladder', () => {
    const count = (g: Generated, f: (r: Record<string, string>) => boolean) => g.tables.transactions.filter(f).length
    const look = (g: Generated) => g.tables.patterns.filter((p) => p.is_suspicious === 'false').length
    const camo = (g: Generated) => count(g, (t) => t.pattern_role === 'camouflage')
    // easy keeps a few look-alikes so that its rules meet false alerts too, but no camouflage.
    expect(look(runs.easy)).toBeGreaterThan(0)
    expect(look(runs.easy)).toBeLessThan(look(runs.medium))
    expect(camo(runs.easy)).toBe(0)
    expect(look(runs.medium)).toBeLessThan(look(runs.hard))
    expect(camo(runs.medium)).toBeLessThan(camo(runs.hard))
  })
})
