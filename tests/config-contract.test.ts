import { describe, expect, it } from 'vitest'
import {
  CONFIG_VERSION,
  createEngine,
  createMemorySink,
  defaultConfig,
  definePattern,
  parseConfig,
  runGeneration,
  validateConfig,
  type Engine,
} from '../src/engine/index.ts'
import { sha256 } from './helpers/dataset.ts'

/** A kind that does not exist today: registered only here, as a future release would register a new kind. */
const futureKind = definePattern({
  kind: 'futureKind',
  slot: 14,
  label: 'A kind from a later release',
  description: 'Adds no rows: it stands for any kind a later release adds.',
  params: {},
  inject(ctx) {
    return {
      subtype: 'one',
      members: [],
      rows: {},
      currency: null,
      totalMinor: null,
      narrative: `nothing (${ctx.patternId})`,
    }
  },
})

/** A config as the page or the CLI writes it today: every kind written out. */
function writtenToday(): unknown {
  const config = defaultConfig()
  config.seed = 'contract'
  config.counts = {
    ...config.counts,
    persons: 150,
    companies: 30,
    accounts: 330,
    transactions: 1200,
    communications: 200,
    trades: 100,
    travels: 40,
    documents: 60,
    accessEvents: 200,
  }
  return JSON.parse(JSON.stringify(config))
}

async function hashes(engine: Pick<Engine, 'parseConfig' | 'runGeneration'>, input: unknown) {
  const sink = createMemorySink()
  await engine.runGeneration(engine.parseConfig(input), { format: 'csv', sink })
  return Object.fromEntries([...sink.files.keys()].map((name) => [name, sha256(sink.bytes(name))]))
}

describe('configs are versioned contracts', () => {
  it('a config written today gives the same bytes, manifest included, after a new kind is registered', async () => {
    const today = await hashes({ parseConfig, runGeneration }, writtenToday())
    const later = createEngine({ patterns: [futureKind] })
    expect(Object.keys(later.patterns)).toContain('futureKind')
    expect(await hashes(later, writtenToday())).toEqual(today)
  }, 60_000)

  it('a kind or a count left out of a file means no instances', () => {
    const none = parseConfig({ counts: { persons: 50, companies: 10, accounts: 100 } })
    for (const kind of Object.keys(none.patterns)) expect(none.patterns[kind].count, kind).toBe(0)
    const one = parseConfig({ patterns: { structuring: { count: 3 }, tbml: { params: { invoices: 9 } } } })
    expect(one.patterns.structuring.count).toBe(3)
    expect(one.patterns.tbml.count).toBe(0)
    expect(one.patterns.fraudRing.count).toBe(0)
  })

  it('carries its version, and a file from another version is refused with the fix', () => {
    expect(parseConfig({}).version).toBe(CONFIG_VERSION)
    const other = validateConfig({ version: 2 })
    expect(other.ok).toBe(false)
    if (!other.ok)
      expect(other.issues[0]).toMatchObject({ path: 'version', hint: expect.stringContaining('"version": 1') })
  })

  it('a registered kind is named where a config lists the known kinds', () => {
    const bad = createEngine({ patterns: [futureKind] }).validateConfig({ patterns: 5 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'patterns', hint: expect.stringContaining('futureKind') })
  })

  it('registering refuses a kind twice, or a slot another kind holds (ids would collide)', () => {
    expect(() => createEngine({ patterns: [futureKind, futureKind] })).toThrow(/already registered/)
    expect(() => createEngine({ patterns: [{ ...futureKind, kind: 'other', slot: 3 }] })).toThrow(
      /slot 3 is accountTakeover's/,
    )
    expect(() => createEngine({ patterns: [{ ...futureKind, kind: 'other', slot: 16 }] })).toThrow(/from 0 to 15/)
  })
})
