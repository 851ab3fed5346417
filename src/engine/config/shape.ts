import type { ConfigIssue } from './issues.ts'
import { patternKinds } from './schema.ts'

/** Keys that reach an object's prototype when copied with `obj[key] = …`: never settings, wherever they appear. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype']
/** More issues than this help nobody; a huge hostile input stops being walked here. */
const MAX_ISSUES = 20
const MAX_DEPTH = 16

function kindOf(x: unknown): string {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'an array'
  if (typeof x === 'string') return 'a text'
  if (typeof x === 'number') return 'a number'
  return typeof x === 'boolean' ? `${x}` : typeof x
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function objectSlots(input: Record<string, unknown>, kinds: readonly string[]): [string, unknown, string][] {
  const slots: [string, unknown, string][] = []
  if ('counts' in input) slots.push(['counts', input.counts, 'write for example "counts": { "persons": 1000 }'])
  if ('difficultyKnobs' in input)
    slots.push([
      'difficultyKnobs',
      input.difficultyKnobs,
      'write for example "difficultyKnobs": { "lookalikeRatio": 2 }',
    ])
  if ('patterns' in input) {
    slots.push(['patterns', input.patterns, `use keys ${kinds.join(', ')}`])
    if (isRecord(input.patterns))
      for (const kind of kinds) {
        const entry = input.patterns[kind]
        if (entry === undefined) continue
        slots.push([`patterns.${kind}`, entry, `write for example "${kind}": { "count": 2 }`])
        if (isRecord(entry) && 'params' in entry)
          slots.push([`patterns.${kind}.params`, entry.params, 'write "params": { … } or leave it out'])
      }
  }
  return slots
}

/**
 * Structural checks that run before any value is read: the config and every nested settings group are objects,
 * no prototype key appears anywhere, and nothing nests deeper than a config can. Runs first in `validateConfig`, so
 * the page, the worker and the CLI all refuse the same shapes.
 */
/** `kinds`: the pattern kinds the validating engine knows (the built-in ones unless it registered more). */
export function checkShape(input: unknown, kinds: readonly string[] = patternKinds): ConfigIssue[] {
  if (!isRecord(input))
    return [
      {
        path: '(config)',
        message: `must be a JSON object, not ${kindOf(input)}`,
        hint: 'start from the example config in the README: { "seed": 42, "counts": { … } }',
      },
    ]
  const issues: ConfigIssue[] = []
  // Iterative walk: a hostile file may nest thousands of levels.
  const stack: [unknown, string, number][] = [[input, '', 0]]
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [value, path, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_DEPTH) {
      issues.push({ path: path || '(config)', message: 'nests too deeply', hint: 'a config is at most 4 levels deep' })
      continue
    }
    if (Array.isArray(value)) {
      // Arrays are never expected; their items only matter for prototype keys inside them.
      for (let i = 0; i < value.length && i < MAX_ISSUES; i++) stack.push([value[i], `${path}[${i}]`, depth + 1])
      continue
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key
      if (PROTOTYPE_KEYS.includes(key)) issues.push({ path: at, message: 'is not a known setting', hint: 'remove it' })
      else stack.push([(value as Record<string, unknown>)[key], at, depth + 1])
    }
  }
  for (const [path, value, hint] of objectSlots(input, kinds))
    if (!isRecord(value))
      issues.push({
        path,
        message: `must be an object, not ${kindOf(value)}`,
        hint,
      })
  return issues.slice(0, MAX_ISSUES)
}
