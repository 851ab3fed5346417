import { ConfigError } from '../errors.ts'
import { parseDate, weekday } from '../model/time.ts'
import { patternSpecs } from '../patterns/specs.ts'
import type { PatternSpecSet } from '../patterns/types.ts'
import { emptyConfig } from './defaults.ts'
import { countKeys, countParams, generalParams, MAX_PATTERN_COUNT } from './general.ts'
import type { ConfigIssue } from './issues.ts'
import { checkShape } from './shape.ts'
import { checkDifficulty } from './difficulty-validate.ts'
import { checkParam, type ParamDescriptors } from './params.ts'
import { CONFIG_VERSION, type ResolvedConfig, type ValidConfig } from './schema.ts'

export type ValidationResult = { ok: true; config: ValidConfig } | { ok: false; issues: ConfigIssue[] }

const TOP_KEYS = [
  'version',
  'seed',
  'startDate',
  'durationDays',
  'counts',
  'patterns',
  'difficulty',
  'difficultyKnobs',
  'prevalence',
]

/** Cross-field checks of every kind with instances, against the population and the window. */
function patternIssues(config: ResolvedConfig, specs: PatternSpecSet): ConfigIssue[] {
  const shape = { counts: config.counts, durationDays: config.durationDays }
  const issues: ConfigIssue[] = []
  for (const [kind, spec] of Object.entries(specs)) {
    const { count, params } = config.patterns[kind]
    if (count > 0) issues.push(...(spec.validate?.(params, shape) ?? []))
  }
  return issues
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase()
  return (
    known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => k.toLowerCase().startsWith(lower.slice(0, 4)))
  )
}

function unknownKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  path: string,
  issues: ConfigIssue[],
): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue
    const guess = closest(key, known)
    issues.push({
      path: path ? `${path}.${key}` : key,
      message: 'is not a known setting',
      hint: guess
        ? `did you mean ${path ? `${path}.` : ''}${guess}?`
        : `remove it; known keys here are ${known.join(', ')}`,
    })
  }
}

function checkSeed(seed: unknown, issues: ConfigIssue[]): void {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return
  if (typeof seed === 'string' && seed.length > 0 && seed.length <= 200) return
  issues.push({
    path: 'seed',
    message: 'must be a whole number or a non-empty text of at most 200 characters',
    hint: 'use for example 42 or "demo-2025"',
  })
}

function checkParams(
  descriptors: ParamDescriptors,
  given: Record<string, unknown>,
  path: string,
  issues: ConfigIssue[],
): void {
  for (const [key, d] of Object.entries(descriptors)) {
    if (!(key in given)) continue
    const problem = checkParam(d, given[key])
    if (problem) issues.push({ path: `${path}.${key}`, ...problem })
  }
}

/** Checks that the background population can hold the requested background events. */
function checkPopulation(c: ResolvedConfig, issues: ConfigIssue[]): void {
  const { persons, companies, accounts } = c.counts
  const need = (path: string, ok: boolean, message: string, hint: string) => {
    if (!ok) issues.push({ path, message, hint })
  }
  need(
    'counts.accounts',
    accounts === 0 || persons + companies > 0,
    'needs persons or companies to own the accounts',
    'raise counts.persons or counts.companies above 0, or set counts.accounts to 0',
  )
  need(
    'counts.transactions',
    c.counts.transactions === 0 || accounts >= 2,
    'needs at least 2 accounts',
    'raise counts.accounts to 2 or more, or set counts.transactions to 0',
  )
  need(
    'counts.communications',
    c.counts.communications === 0 || persons >= 2,
    'needs at least 2 persons',
    'raise counts.persons to 2 or more, or set counts.communications to 0',
  )
  need(
    'counts.travels',
    c.counts.travels === 0 || persons >= 1,
    'needs at least 1 person',
    'raise counts.persons, or set counts.travels to 0',
  )
  need(
    'counts.documents',
    c.counts.documents === 0 || companies >= 2,
    'needs at least 2 companies',
    'raise counts.companies to 2 or more, or set counts.documents to 0',
  )
  need(
    'counts.trades',
    c.counts.trades === 0 || (persons >= 1 && companies >= 1 && accounts > persons + companies),
    `needs investment accounts, which come after each company's and person's first account (${persons + companies})`,
    `raise counts.accounts above ${persons + companies} (with at least 1 person and 1 company), or set counts.trades to 0`,
  )
  const startDay = parseDate(c.startDate) ?? 0
  const hasWeekday = Array.from({ length: Math.min(c.durationDays, 7) }, (_, d) => weekday(startDay + d)).some(
    (wd) => wd < 5,
  )
  need(
    'counts.trades',
    c.counts.trades === 0 || hasWeekday,
    'needs a weekday in the window (exchanges are closed at weekends)',
    'lengthen durationDays or move startDate',
  )
  need(
    'counts.accessEvents',
    c.counts.accessEvents === 0 || (persons >= 1 && accounts > companies),
    'needs accounts held by persons',
    `raise counts.persons above 0 and counts.accounts above counts.companies (${companies}), or set counts.accessEvents to 0`,
  )
}

/**
 * Validates user input and fills defaults. Never throws on bad input; nothing is generated from an invalid config.
 * `specs` are the pattern kinds a config may name (the built-in ones unless an engine registered more).
 */
export function validateConfig(input: unknown, specs: PatternSpecSet = patternSpecs): ValidationResult {
  const patternKinds = Object.keys(specs)
  const shapeIssues = checkShape(input, patternKinds)
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues }
  const issues: ConfigIssue[] = []
  if (!isRecord(input))
    return {
      ok: false,
      issues: [
        { path: '(config)', message: 'must be a JSON object', hint: 'start from the example config in the README' },
      ],
    }
  unknownKeys(input, TOP_KEYS, '', issues)
  const config = emptyConfig(specs)

  if ('version' in input && input.version !== CONFIG_VERSION)
    issues.push({
      path: 'version',
      message: `is ${JSON.stringify(input.version)}, but this release reads config version ${CONFIG_VERSION}`,
      hint: `set "version": ${CONFIG_VERSION}, or use the release the file was written for`,
    })

  if ('seed' in input) {
    checkSeed(input.seed, issues)
    config.seed = input.seed as number | string
  }
  if ('startDate' in input) {
    const day = typeof input.startDate === 'string' ? parseDate(input.startDate) : null
    // Days since 1970-01-01: 1900-01-01 is -25,567 and 2100-01-01 is 47,482, the first day out of range.
    if (day === null || day < -25_567 || day >= 47_482) {
      issues.push({
        path: 'startDate',
        message: 'must be a real calendar date written YYYY-MM-DD between 1900 and 2099',
        hint: 'use for example "2025-01-01"',
      })
    } else config.startDate = input.startDate as string
  }
  if ('durationDays' in input) {
    const problem = checkParam(generalParams.durationDays, input.durationDays)
    if (problem) issues.push({ path: 'durationDays', ...problem })
    else config.durationDays = input.durationDays as number
  }

  if ('counts' in input) {
    if (!isRecord(input.counts))
      issues.push({
        path: 'counts',
        message: 'must be an object of counts',
        hint: 'write for example "counts": { "persons": 1000 }',
      })
    else {
      unknownKeys(input.counts, countKeys, 'counts', issues)
      for (const key of countKeys) {
        if (!(key in input.counts)) continue
        const problem = checkParam(countParams[key], input.counts[key])
        if (problem) issues.push({ path: `counts.${key}`, ...problem })
        else config.counts[key] = input.counts[key] as number
      }
    }
  }

  if ('patterns' in input) {
    if (!isRecord(input.patterns))
      issues.push({
        path: 'patterns',
        message: 'must be an object keyed by pattern kind',
        hint: `use keys ${patternKinds.join(', ')}`,
      })
    else {
      unknownKeys(input.patterns, patternKinds, 'patterns', issues)
      for (const kind of patternKinds) {
        const given = input.patterns[kind]
        if (given === undefined) continue
        const path = `patterns.${kind}`
        if (!isRecord(given)) {
          issues.push({
            path,
            message: 'must be an object with count and params',
            hint: `write for example "${kind}": { "count": 2 }`,
          })
          continue
        }
        unknownKeys(given, ['count', 'params'], path, issues)
        if ('count' in given) {
          const problem = checkParam(
            { type: 'int', label: 'count', help: '', min: 0, max: MAX_PATTERN_COUNT, default: 0 },
            given.count,
          )
          if (problem) issues.push({ path: `${path}.count`, ...problem })
          else config.patterns[kind].count = given.count as number
        }
        if ('params' in given) {
          if (!isRecord(given.params))
            issues.push({
              path: `${path}.params`,
              message: 'must be an object',
              hint: 'write "params": { … } or leave it out',
            })
          else {
            const descriptors: ParamDescriptors = specs[kind].params
            unknownKeys(given.params, Object.keys(descriptors), `${path}.params`, issues)
            checkParams(descriptors, given.params, `${path}.params`, issues)
            // Each value was just checked against its descriptor: this is the one place params get their type.
            const params = config.patterns[kind].params as Record<string, unknown>
            for (const key of Object.keys(descriptors)) if (key in given.params) params[key] = given.params[key]
          }
        }
      }
    }
  }
  checkDifficulty(input, config, issues)
  if (issues.length > 0) return { ok: false, issues }

  checkPopulation(config, issues)
  issues.push(...patternIssues(config, specs))
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: config as ValidConfig }
}

/** `validateConfig` for callers that treat bad input as an error: the valid config, or a ConfigError naming every issue. */
export function parseConfig(input: unknown, specs: PatternSpecSet = patternSpecs): ValidConfig {
  const checked = validateConfig(input, specs)
  if (!checked.ok) throw new ConfigError(checked.issues)
  return checked.config
}
