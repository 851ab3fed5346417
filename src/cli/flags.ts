import type { Command } from 'commander'
import { DATASET_COUNTS, DATASET_PREVALENCE, describeCatalog, shownText, type InputConfig } from '../engine/index.ts'

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
  // Without --config the run is the bank-sized dataset (DATASET_COUNTS); a config file's missing counts are the
  // descriptors' own defaults.
  for (const [key, d] of Object.entries(catalog.counts))
    program.option(
      `--${kebab(key)} <n>`,
      `${d.help} (default ${DATASET_COUNTS[key as keyof typeof DATASET_COUNTS]}; ${d.default} where a --config file has none)`,
    )
  program.option(
    '--prevalence <share>',
    `target share of suspicious transactions (the pattern counts become the mix), or none for the counts as given; default ${DATASET_PREVALENCE} without --config`,
  )
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

/** Sets an own property even for `__proto__`, so validation sees the key and refuses it instead of the prototype changing. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function ownValue(target: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = Object.hasOwn(target, key) ? target[key] : undefined
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
}

function splitAssignment(text: string, flag: string, example: string): [string, string] {
  const at = text.indexOf('=')
  if (at <= 0) throw new FlagError(`${flag} ${shownText(text)} must look like ${example}`)
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
  if (opts.prevalence !== undefined) {
    const text = String(opts.prevalence).trim()
    config.prevalence = text === 'none' ? null : (parseValue(text) as number)
  }
  const patterns = config.patterns as Record<string, unknown>
  for (const text of (opts.pattern as string[]) ?? []) {
    const [kind, count] = splitAssignment(text, '--pattern', 'structuring=3')
    const entry = { ...ownValue(patterns, kind) }
    setOwn(entry, 'count', parseValue(count))
    setOwn(patterns, kind, entry)
  }
  for (const text of (opts.param as string[]) ?? []) {
    const [path, value] = splitAssignment(text, '--param', 'structuring.smurfs=8')
    const dot = path.indexOf('.')
    if (dot <= 0)
      throw new FlagError(
        `--param ${shownText(text)} must name the pattern and the parameter, e.g. structuring.smurfs=8`,
      )
    const kind = path.slice(0, dot)
    const entry = { ...ownValue(patterns, kind) }
    const params = { ...ownValue(entry, 'params') }
    setOwn(params, path.slice(dot + 1), parseValue(value))
    setOwn(entry, 'params', params)
    setOwn(patterns, kind, entry)
  }
  return config
}
