import { describe, expect, it } from 'vitest'
import { describeCatalog } from '../../engine/catalog.ts'
import { defaultConfig } from '../../engine/config/defaults.ts'
import { validateConfig } from '../../engine/config/validate.ts'
import { setAt, type Draft } from '../state/draft.ts'
import {
  allFields,
  buildFormSpec,
  fieldId,
  generateBlockReason,
  issueSentence,
  labelForPath,
  labelPaths,
  placeIssues,
} from './form-model.ts'

const spec = buildFormSpec(describeCatalog())

function issuesOf(draft: Draft) {
  const check = validateConfig(draft)
  return check.ok ? [] : check.issues
}

describe('form spec from descriptors', () => {
  it('has a field for every key of the default config', () => {
    const paths = new Set(allFields(spec).map((f) => f.path))
    const config = defaultConfig()
    for (const key of ['seed', 'startDate', 'durationDays']) expect(paths).toContain(key)
    for (const key of Object.keys(config.counts)) expect(paths).toContain(`counts.${key}`)
    for (const [kind, pattern] of Object.entries(config.patterns)) {
      expect(paths).toContain(`patterns.${kind}.count`)
      for (const param of Object.keys(pattern.params)) expect(paths).toContain(`patterns.${kind}.params.${param}`)
    }
  })

  it('gives every field a unique, selector-safe element id', () => {
    const ids = allFields(spec).map((f) => fieldId(f.path))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/)
  })
})

describe('issues next to their fields', () => {
  const base = defaultConfig() as unknown as Draft

  it('puts a bad count by its field', () => {
    const issues = issuesOf(setAt(base, 'counts.persons', 'lots'))
    const placed = placeIssues(issues, spec)
    expect(placed.byPath.get('counts.persons')?.[0].message).toMatch(/number/)
    expect(placed.unplaced).toEqual([])
  })

  it('puts a bad pattern parameter by that parameter', () => {
    const [kind, pattern] =
      Object.entries(defaultConfig().patterns).find(([, p]) => Object.keys(p.params).length > 0) ?? []
    // The default config has kinds with parameters; without one this test would check nothing.
    expect(pattern).toBeDefined()
    const param = Object.keys(pattern!.params)[0]
    const path = `patterns.${kind}.params.${param}`
    const placed = placeIssues(issuesOf(setAt(base, path, -1e12)), spec)
    expect(placed.byPath.get(path)?.length).toBeGreaterThan(0)
  })

  it('sends an unknown key inside a section to that section, and an unknown top-level key above the form', () => {
    const typo = setAt(setAt(base, 'counts.persns', 5), 'colour', 'red')
    const placed = placeIssues(issuesOf(typo), spec)
    expect(placed.byPath.get('counts')?.[0].path).toBe('counts.persns')
    expect(placed.unplaced.map((i) => i.path)).toEqual(['colour'])
  })

  it('writes issues as sentences with their fix', () => {
    expect(issueSentence({ path: 'counts.persons', message: 'must be at most 5', hint: 'lower it to 5 or less' })).toBe(
      'Must be at most 5: lower it to 5 or less.',
    )
  })

  it('labels pattern fields with their pattern', () => {
    const pattern = spec.patterns[0]
    expect(labelForPath(pattern.count.path, spec)).toBe(`${pattern.label} › Instances`)
    expect(labelForPath('counts.persons', spec)).toBe('Persons')
  })
})

describe('Generate button', () => {
  it('is enabled for the default config', () => {
    expect(generateBlockReason(issuesOf(defaultConfig() as unknown as Draft), spec)).toBeNull()
  })

  it('says why it is disabled, naming the first field', () => {
    const issues = issuesOf(setAt(defaultConfig() as unknown as Draft, 'durationDays', 0))
    const reason = generateBlockReason(issues, spec)
    expect(reason).toMatch(/^Fix 1 setting to generate\. Days simulated: must be at least 1\.$/)
  })

  it('counts several problems', () => {
    const draft = setAt(setAt(defaultConfig() as unknown as Draft, 'durationDays', 0), 'counts.persons', -1)
    expect(generateBlockReason(issuesOf(draft), spec)).toMatch(/^Fix 2 settings to generate\./)
  })

  it('waits for the engine before anything else', () => {
    expect(generateBlockReason([], null)).toMatch(/Loading/)
  })
})

describe('messages in the words of the form', () => {
  it('names fields by their labels, never by config paths', () => {
    // Too few accounts for the persons, and more smurfs than persons: both messages refer to other fields.
    let draft = setAt(defaultConfig() as unknown as Draft, 'counts.persons', 20)
    draft = setAt(draft, 'counts.accounts', 1)
    draft = setAt(draft, 'patterns.structuring.params.smurfs', 30)
    const placed = placeIssues(issuesOf(draft), spec)
    const texts = [...placed.byPath.values()].flat().map((i) => `${i.message} ${i.hint}`)
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts) expect(text).not.toMatch(/\b(counts|patterns)\.[A-Za-z]/)
    expect(generateBlockReason(issuesOf(draft), spec)).not.toMatch(/\b(counts|patterns)\.[A-Za-z]/)
    expect(labelPaths('raise counts.accounts above 4', spec)).toBe('raise “Accounts” above 4')
  })
})
