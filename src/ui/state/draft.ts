import { defaultConfig, emptyConfig } from '../../engine/config/defaults.ts'

/**
 * The configuration as the user is editing it: the CLI's JSON shape, but a field may hold text that is not yet a
 * valid value ("12a", ""). Keeping that text, instead of coercing it, lets `validateConfig` name the field and
 * say what is wrong, and the user sees exactly what they typed.
 */
export type Draft = Record<string, unknown>

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

export function getAt(draft: unknown, path: string): unknown {
  let at: unknown = draft
  for (const key of path.split('.')) {
    if (!isRecord(at)) return undefined
    at = at[key]
  }
  return at
}

/** A copy of `draft` with `value` at `path`; objects along the path are copied, everything else is shared. */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const [head, ...rest] = path.split('.')
  if (rest.length === 0) return { ...draft, [head]: value }
  const child = isRecord(draft[head]) ? (draft[head] as Draft) : {}
  return { ...draft, [head]: setAt(child, rest.join('.'), value) }
}

/** Deep-merges `input` onto what an empty config file means (no pattern kind it leaves out), as the CLI reads it; unknown keys stay, for validation to flag. */
export function mergeOntoDefaults(input: Draft): Draft {
  return mergeRecords(emptyConfig() as unknown as Draft, input)
}

function mergeRecords(base: Draft, over: Draft): Draft {
  const out: Draft = { ...base }
  for (const [key, value] of Object.entries(over)) {
    out[key] = isRecord(value) && isRecord(base[key]) ? mergeRecords(base[key] as Draft, value) : value
  }
  return out
}

export function defaultDraft(): Draft {
  return defaultConfig() as unknown as Draft
}

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const INTEGER_TEXT = /^-?\d+$/

/** Text typed into a numeric field: a number when it reads as one, else the text itself (which validation rejects). */
export function parseNumberInput(text: string): number | string {
  const trimmed = text.trim().replace(/[_,\s](?=\d)/g, '')
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : text
}

/** The seed may be a whole number or any text; "42" means the number 42, as in a JSON config. */
export function parseSeedInput(text: string): number | string {
  const trimmed = text.trim()
  if (INTEGER_TEXT.test(trimmed)) {
    const n = Number(trimmed)
    if (Number.isSafeInteger(n)) return n
  }
  return text
}

export function formatDraftValue(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : String(value)
}

export { isRecord }
