import type { Command } from 'commander'
import { describeCatalog, type InputConfig } from '../engine/index.ts'

const catalog = describeCatalog()

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** Flag text to a config value: numbers become numbers (so validation can say "must be a whole number"), the rest stays text. */
export function parseValue(text: string): number | string {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : text
}

/** Every count flag comes from the engine's descriptors, never from a list kept here. */
export function addConfigFlags(program: Command): void {
  program.option('--seed <seed>', 'seed: a whole number or any text (same seed, same bytes)')
  program.option('--start-date <date>', 'first day of the simulated window, YYYY-MM-DD')
  program.option('--days <n>', catalog.general.durationDays.help)
  for (const [key, d] of Object.entries(catalog.counts))
    program.option(`--${kebab(key)} <n>`, `${d.help} (default ${d.default})`)
  program.option(
    '--pattern <kind=count>',
    `instances of a pattern kind, repeatable; kinds: ${catalog.patterns.map((p) => p.kind).join(', ')}`,
    collect,
    [],
  )
  program.option(
    '--param <kind.name=value>',
    'a pattern parameter, repeatable, e.g. --param structuring.smurfs=8',
    collect,
    [],
  )
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

export class FlagError extends Error {}

function splitAssignment(text: string, flag: string, example: string): [string, string] {
  const at = text.indexOf('=')
  if (at <= 0) throw new FlagError(`${flag} ${text} must look like ${example}`)
  return [text.slice(0, at), text.slice(at + 1)]
}

/** Lays the flags over the config from the file; validation of the result is the engine's job. */
export function applyFlags(base: InputConfig, opts: Record<string, unknown>): InputConfig {
  const config: InputConfig = { ...base, counts: { ...base.counts }, patterns: { ...base.patterns } }
  if (opts.seed !== undefined) config.seed = parseValue(String(opts.seed))
  if (opts.startDate !== undefined) config.startDate = String(opts.startDate)
  if (opts.days !== undefined) config.durationDays = parseValue(String(opts.days)) as number
  for (const key of Object.keys(catalog.counts)) {
    const v = opts[camel(kebab(key))]
    if (v !== undefined) (config.counts as Record<string, unknown>)[key] = parseValue(String(v))
  }
  const patterns = config.patterns as Record<string, { count?: unknown; params?: Record<string, unknown> }>
  for (const text of (opts.pattern as string[]) ?? []) {
    const [kind, count] = splitAssignment(text, '--pattern', 'structuring=3')
    patterns[kind] = { ...patterns[kind], count: parseValue(count) }
  }
  for (const text of (opts.param as string[]) ?? []) {
    const [path, value] = splitAssignment(text, '--param', 'structuring.smurfs=8')
    const dot = path.indexOf('.')
    if (dot <= 0)
      throw new FlagError(`--param ${text} must name the pattern and the parameter, e.g. structuring.smurfs=8`)
    const kind = path.slice(0, dot)
    const entry = { ...patterns[kind] }
    entry.params = { ...entry.params, [path.slice(dot + 1)]: parseValue(value) }
    patterns[kind] = entry
  }
  return config
}
