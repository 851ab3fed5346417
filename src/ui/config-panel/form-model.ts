import type { Catalog, ConfigIssue, ParamDescriptor } from '../../engine/index.ts'

export type FieldKind = 'int' | 'number' | 'enum' | 'seed' | 'date'

export interface FieldSpec {
  /** Dotted config path, the same as `ConfigIssue.path`. */
  readonly path: string
  readonly label: string
  readonly help: string
  readonly kind: FieldKind
  readonly descriptor: ParamDescriptor | null
  /** May be left empty (stored as null): a difficulty knob then takes its difficulty's value, prevalence is off. */
  readonly optional?: boolean
}

export interface PatternSpec {
  readonly kind: string
  readonly label: string
  readonly description: string
  readonly path: string
  readonly count: FieldSpec
  readonly params: readonly FieldSpec[]
}

export interface FormSpec {
  readonly general: readonly FieldSpec[]
  readonly counts: readonly FieldSpec[]
  readonly difficulty: readonly FieldSpec[]
  readonly patterns: readonly PatternSpec[]
}

function fromDescriptor(path: string, d: ParamDescriptor): FieldSpec {
  return { path, label: d.label, help: d.help, kind: d.type, descriptor: d }
}

/** The whole form, derived from the engine's descriptors: a new pattern or parameter appears without UI changes. */
export function buildFormSpec(catalog: Pick<Catalog, 'general' | 'counts' | 'difficulty' | 'patterns'>): FormSpec {
  const general: FieldSpec[] = [
    {
      path: 'seed',
      label: 'Seed',
      help: 'A whole number or any text. The same seed and settings give the same data, byte for byte.',
      kind: 'seed',
      descriptor: null,
    },
    {
      path: 'startDate',
      label: 'Start date',
      help: 'First day of the simulated window (UTC).',
      kind: 'date',
      descriptor: null,
    },
    ...Object.entries(catalog.general).map(([key, d]) => fromDescriptor(key, d)),
  ]
  const counts = Object.entries(catalog.counts).map(([key, d]) => fromDescriptor(`counts.${key}`, d))
  const difficulty: FieldSpec[] = [
    fromDescriptor('difficulty', catalog.difficulty.difficulty),
    ...Object.entries(catalog.difficulty.knobs).map(([key, d]) => ({
      ...fromDescriptor(`difficultyKnobs.${key}`, d),
      optional: true,
    })),
    { ...fromDescriptor('prevalence', catalog.difficulty.prevalence), optional: true },
  ]
  const patterns = catalog.patterns.map((p) => {
    const path = `patterns.${p.kind}`
    const count: FieldSpec = {
      path: `${path}.count`,
      label: 'Instances',
      help: `How many ${p.label.toLowerCase()} instances to inject (0 to ${p.maxCount}).`,
      kind: 'int',
      descriptor: { type: 'int', label: 'Instances', help: '', min: 0, max: p.maxCount, default: 0 },
    }
    const params = Object.entries(p.params).map(([key, d]) => fromDescriptor(`${path}.params.${key}`, d))
    return { kind: p.kind, label: p.label, description: p.description, path, count, params }
  })
  return { general, counts, difficulty, patterns }
}

export function allFields(spec: FormSpec): FieldSpec[] {
  return [...spec.general, ...spec.counts, ...spec.difficulty, ...spec.patterns.flatMap((p) => [p.count, ...p.params])]
}

/** Element id of a field's input; ids may not contain dots in CSS selectors, so paths are dashed. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

export interface PlacedIssues {
  /** Issues keyed by the field or group path they are shown next to. */
  readonly byPath: ReadonlyMap<string, readonly ConfigIssue[]>
  /** Issues no field or group owns (an unknown top-level key in an imported file): shown above the form. */
  readonly unplaced: readonly ConfigIssue[]
}

/**
 * Puts every issue next to the field its path names; an issue about an unknown key inside a section (a typo in
 * an imported file, `counts.persns`) goes to that section, and anything else to the list above the form.
 */
export function placeIssues(issues: readonly ConfigIssue[], spec: FormSpec): PlacedIssues {
  const owners = [
    ...allFields(spec).map((f) => f.path),
    'counts',
    'difficultyKnobs',
    ...spec.patterns.flatMap((p) => [p.path, `${p.path}.params`]),
  ]
  const byPath = new Map<string, ConfigIssue[]>()
  const unplaced: ConfigIssue[] = []
  for (const raw of issues) {
    const issue = labelIssue(raw, spec)
    const owner = owners.includes(issue.path)
      ? issue.path
      : owners.filter((o) => issue.path.startsWith(`${o}.`)).sort((a, b) => b.length - a.length)[0]
    if (owner === undefined) unplaced.push(issue)
    else byPath.set(owner, [...(byPath.get(owner) ?? []), issue])
  }
  return { byPath, unplaced }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "Must be at most 5000000: lower it to 5000000 or less." */
export function issueSentence(issue: ConfigIssue): string {
  const hint = issue.hint ? `: ${issue.hint}` : ''
  return `${capitalise(issue.message)}${hint}${/[.?!]$/.test(hint || issue.message) ? '' : '.'}`
}

/** A human label for an issue's path ("Structuring › Smurfs"), falling back to the path itself. */
export function labelForPath(path: string, spec: FormSpec): string {
  const field = allFields(spec).find((f) => f.path === path)
  const pattern = spec.patterns.find((p) => path === p.path || path.startsWith(`${p.path}.`))
  if (field && pattern) return `${pattern.label} › ${field.label}`
  if (field) return field.label
  if (pattern) return pattern.label
  return path
}

const PATH_TOKEN = /\b(?:counts|patterns)(?:\.[A-Za-z]+)+|\b(?:startDate|durationDays)\b/g

/** Config paths in a message become the labels people see on the form ("raise “Accounts”", not "counts.accounts"). */
export function labelPaths(text: string, spec: FormSpec): string {
  return text.replace(PATH_TOKEN, (path) => {
    const label = labelForPath(path, spec)
    return label === path ? path : `“${label}”`
  })
}

function labelIssue(issue: ConfigIssue, spec: FormSpec): ConfigIssue {
  return { ...issue, message: labelPaths(issue.message, spec), hint: labelPaths(issue.hint, spec) }
}

/** Why Generate is disabled, in words, or null when it may run. */
export function generateBlockReason(issues: readonly ConfigIssue[], spec: FormSpec | null): string | null {
  if (!spec) return 'Loading the engine…'
  if (issues.length === 0) return null
  const first = labelIssue(issues[0], spec)
  const where = labelForPath(first.path, spec)
  const lead = issues.length === 1 ? 'Fix 1 setting to generate' : `Fix ${issues.length} settings to generate`
  return `${lead}. ${where}: ${first.message}.`
}
