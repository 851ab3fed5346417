import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readConfigFile } from '../src/cli/config-file.ts'
import { applyFlags } from '../src/cli/flags.ts'
import { UsageError } from '../src/cli/usage-error.ts'
import { issueText, validateConfig, type InputConfig } from '../src/engine/index.ts'
import { cli, ensureCliBuilt, errorLines, tinyCounts } from './helpers/cli.ts'
import { prng } from './helpers/prng.ts'

beforeAll(ensureCliBuilt, 120_000)
const work = mkdtempSync(join(tmpdir(), 'fincrime-input-'))
let files = 0
function file(content: string | Buffer): string {
  const path = join(work, `c${files++}.json`)
  writeFileSync(path, content)
  return path
}

// eslint-disable-next-line no-control-regex -- the point: no raw control character may reach the terminal
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

function expectOneLine(r: ReturnType<typeof cli>, message: RegExp, code = 2) {
  expect(r.code, r.stderr).toBe(code)
  const lines = errorLines(r.stderr)
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(message)
  expect(lines[0]).not.toMatch(RAW_CONTROL)
  expect(lines[0]).not.toMatch(/\n\s+at /)
}

describe('config input is checked before anything else', () => {
  const out = join(work, 'never')
  const cases: [string, string, RegExp][] = [
    ['null', 'null', /\(config\) must be a JSON object, not null/],
    ['an array', '[]', /\(config\) must be a JSON object, not an array/],
    ['a number', '42', /\(config\) must be a JSON object, not a number/],
    ['true', 'true', /\(config\) must be a JSON object, not true/],
    ['counts: null', '{"counts":null}', /counts must be an object, not null/],
    ['patterns: []', '{"patterns":[]}', /patterns must be an object, not an array/],
    ['a pattern as a number', '{"patterns":{"structuring":3}}', /patterns\.structuring must be an object/],
    ['params as text', '{"patterns":{"tbml":{"params":"x"}}}', /patterns\.tbml\.params must be an object/],
    ['a repeated key', '{"seed":1,"seed":2}', /seed appears twice/],
    ['a repeated nested key', '{"counts":{"persons":5,"persons":6}}', /counts\.persons appears twice/],
    ['__proto__ at the top', '{"__proto__":{"seed":1}}', /__proto__ is not a known setting/],
    ['constructor in counts', '{"counts":{"constructor":1}}', /counts\.constructor is not a known setting/],
    [
      'prototype in params',
      '{"patterns":{"tbml":{"params":{"prototype":1}}}}',
      /patterns\.tbml\.params\.prototype is not a known setting/,
    ],
    ['2100-01-01', '{"startDate":"2100-01-01"}', /startDate must be a real calendar date .* between 1900 and 2099/],
    ['deep nesting', '['.repeat(5000) + ']'.repeat(5000), /\(config\) must be a JSON object, not an array/],
  ]
  for (const [what, text, message] of cases)
    it(`refuses ${what} with one line`, () => expectOneLine(cli(['--config', file(text), '--out', out]), message))

  it('accepts 2099-12-31, the last day the message allows', () => {
    const r = cli([
      '--config',
      file(JSON.stringify({ counts: tinyCounts })),
      '--start-date',
      '2099-12-31',
      '--out',
      join(work, 'ok'),
      '--quiet',
    ])
    expect(r.code, r.stderr).toBe(0)
  })

  const flagCases: [string[], RegExp][] = [
    [['--pattern', '__proto__=5'], /patterns\.__proto__ is not a known setting/],
    [['--param', '__proto__.count=5'], /patterns\.__proto__ is not a known setting/],
    [['--param', 'structuring.__proto__=5'], /patterns\.structuring\.params\.__proto__ is not a known setting/],
    [['--param', 'constructor.count=1'], /patterns\.constructor is not a known setting/],
    [['--threads', ''], /--threads '' must be a whole number from 0 to 64/],
    [['--threads', ' 2x'], /--threads +2x must be a whole number/],
    [['--max-memory', 'lots'], /--max-memory lots must be a whole number of MiB/],
  ]
  for (const [args, message] of flagCases)
    it(`refuses ${args.join(' ')}`, () => expectOneLine(cli([...args, '--out', out]), message))
})

describe('special and oversized files as --config are refused at once', () => {
  it('refuses devices, a FIFO without a writer, a folder and files over 1 MiB', () => {
    const fifo = join(work, 'fifo')
    execFileSync('mkfifo', [fifo])
    const big = file('[' + '0,'.repeat(600_000) + '0]')
    const millionItems = file('[' + '0,'.repeat(999_999) + '0]')
    for (const [path, message] of [
      ['/dev/urandom', /not a regular file \(it is a device\)/],
      ['/dev/zero', /not a regular file \(it is a device\)/],
      [fifo, /not a regular file \(it is a named pipe\)/],
      [work, /not a regular file \(it is a folder\)/],
      [big, /is 1200003 bytes; a config is at most 1048576 bytes \(1 MiB\)/],
      [millionItems, /is 2000001 bytes; a config is at most/],
      [join(work, 'missing.json'), /missing\.json does not exist: check the path/],
    ] as const)
      // A hang here would show as the spawn's timeout (status null), not as a pass.
      expectOneLine(cli(['--config', path, '--out', join(work, 'never')], { timeout: 30_000 }), message)
  })

  it('refuses text that is not UTF-8', () =>
    expectOneLine(cli(['--config', file(Buffer.from([0x7b, 0xff, 0x7d])), '--out', join(work, 'n')]), /not UTF-8/))
})

describe('messages echo input escaped and shortened', () => {
  it('shows an escape sequence in a key escaped, never raw', () => {
    const r = cli(['--config', file('{"counts":{"\\u001b[2J\\u001b[31mred":1}}'), '--out', join(work, 'n')])
    expectOneLine(r, /counts\.\\x1b\[2J\\x1b\[31mred is not a known setting/)
    expect(r.stderr).not.toContain('\u001b')
  })

  it('shortens a 1,000,000-character key', () => {
    const r = cli(['--config', file(JSON.stringify({ ['k'.repeat(1_000_000)]: 1 })), '--out', join(work, 'n')])
    expectOneLine(r, /…\(1000000 characters\) is not a known setting/)
    expect(r.stderr.length).toBeLessThan(500)
  })

  it('escapes control characters in flag values', () => {
    const r = cli(['--pattern', 'x\u001b]0;pwned\u0007', '--out', join(work, 'n')])
    expectOneLine(r, /--pattern x\\x1b\]0;pwned\\x07 must look like structuring=3/)
  })
})

describe('fuzzed configs', () => {
  it('480 seeded mutations: refused with one clean line or accepted, never a crash', async () => {
    const random = prng(480)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
    const keys = ['seed', 'startDate', 'counts', 'patterns', 'persons', 'structuring', 'params', 'count', 'smurfs']
    const nasty = ['__proto__', 'constructor', 'prototype', '\u001b[31m', 'k'.repeat(5000), '', '\u202e', 'toString']
    const values = (): unknown =>
      pick<() => unknown>([
        () => null,
        () => [],
        () => [1, { __proto__: 1 }],
        () => Math.floor(random() * 1e12) - 5e11,
        () => random(),
        () => true,
        () => 'x'.repeat(Math.floor(random() * 300)),
        () => '2100-01-01',
        () => ({}),
        () => ({ [pick(nasty)]: values() }),
        () => ({ [pick(keys)]: values() }),
      ])()
    let refused = 0
    let accepted = 0
    for (let i = 0; i < 480; i++) {
      const config: Record<string, unknown> = {
        seed: 1,
        counts: { ...tinyCounts },
        patterns: { structuring: { count: 1, params: {} } },
      }
      // One to three mutations at random depths.
      for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
        if (random() < 0.4) {
          // A valid change, so accepted configs are fuzzed too.
          const valid: [string, unknown][] = [
            ['seed', pick([Math.floor(random() * 1e9), `s${Math.floor(random() * 1e6)}`])],
            ['durationDays', 1 + Math.floor(random() * 400)],
            ['startDate', pick(['1900-01-01', '2024-02-29', '2099-12-31'])],
          ]
          const [key, value] = pick(valid)
          config[key] = value
          continue
        }
        let node: Record<string, unknown> = config
        for (let depth = 0; depth < 3 && random() < 0.6; depth++) {
          const next = node[pick(Object.keys(node).length ? Object.keys(node) : keys)]
          if (typeof next !== 'object' || next === null || Array.isArray(next)) break
          node = next as Record<string, unknown>
        }
        Object.defineProperty(node, random() < 0.5 ? pick(keys) : pick(nasty), {
          value: values(),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      let text = JSON.stringify(config)
      if (random() < 0.1) text = text.replace('{', '{"seed":9,') // a repeated key
      let message: string | null = null
      try {
        const value = await readConfigFile(file(text))
        const checked = validateConfig(applyFlags(value as InputConfig, {}))
        if (!checked.ok) message = issueText(checked.issues[0])
      } catch (e) {
        expect(e, text.slice(0, 200)).toBeInstanceOf(UsageError)
        message = (e as Error).message
      }
      if (message === null) accepted++
      else {
        refused++
        expect(message, text.slice(0, 200)).not.toMatch(RAW_CONTROL)
        expect(message.includes('\n'), message).toBe(false)
        expect(message.length, message.slice(0, 200)).toBeLessThan(800)
      }
    }
    console.log(`fuzzed configs: 480 tried, ${refused} refused with one clean line, ${accepted} accepted`)
    expect(refused).toBeGreaterThan(150)
    expect(accepted).toBeGreaterThan(50)
  }, 60_000)
})
