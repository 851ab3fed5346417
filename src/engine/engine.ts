import { describeCatalog, type Catalog } from './catalog.ts'
import { datasetConfig, defaultConfig, emptyConfig } from './config/defaults.ts'
import type { ResolvedConfig, ValidConfig } from './config/schema.ts'
import { parseConfig, validateConfig, type ValidationResult } from './config/validate.ts'
import { EngineError } from './errors.ts'
import type { Exporter } from './export/exporter.ts'
import { formatFiles } from './export/formats.ts'
import { builtinExporters } from './export/registry.ts'
import type { PatternSet } from './orchestrator/inject.ts'
import { generateWith } from './orchestrator/run.ts'
import type { RunOptions, RunResult } from './orchestrator/types.ts'
import { MAX_SLOT, patternRegistry } from './patterns/registry.ts'
import type { AnyPattern, PatternSpecSet } from './patterns/types.ts'

export interface EngineOptions {
  /** Pattern kinds injected after the built-in ones, in this order (define them with `definePattern`). */
  readonly patterns?: readonly AnyPattern[]
  /** Output formats besides csv, json and jsonl. */
  readonly exporters?: readonly Exporter[]
}

/** Validation, defaults, the catalogue and generation, all for the same set of pattern kinds and formats. */
export interface Engine {
  readonly patterns: PatternSpecSet
  validateConfig(input: unknown): ValidationResult
  parseConfig(input: unknown): ValidConfig
  defaultConfig(): ResolvedConfig
  /** What the CLI generates without a config file: a bank-sized dataset at about 0.1 % suspicious transactions. */
  datasetConfig(): ResolvedConfig
  emptyConfig(): ResolvedConfig
  describeCatalog(): Catalog
  runGeneration(config: ValidConfig, opts: RunOptions): Promise<RunResult>
}

function registerPatterns(extra: readonly AnyPattern[]): PatternSet {
  const set: Record<string, AnyPattern> = { ...patternRegistry }
  const slots = new Map(Object.values(set).map((d) => [d.slot, d.kind]))
  for (const def of extra) {
    if (Object.hasOwn(set, def.kind)) throw new EngineError(`pattern kind ${def.kind} is already registered`)
    if (!Number.isInteger(def.slot) || def.slot < 0 || def.slot > MAX_SLOT)
      throw new EngineError(`pattern ${def.kind}: slot ${def.slot} must be a whole number from 0 to ${MAX_SLOT}`)
    const taken = slots.get(def.slot)
    if (taken) throw new EngineError(`pattern ${def.kind}: slot ${def.slot} is ${taken}'s; pick a free one`)
    set[def.kind] = def
    slots.set(def.slot, def.kind)
  }
  return set
}

function registerExporters(list: readonly Exporter[]): Record<string, Exporter> {
  const out: Record<string, Exporter> = {}
  for (const e of list) {
    if (Object.hasOwn(formatFiles, e.name) || Object.hasOwn(builtinExporters, e.name) || Object.hasOwn(out, e.name))
      throw new EngineError(`format ${e.name} is already registered`)
    out[e.name] = e
  }
  return out
}

/**
 * An engine with extra pattern kinds and output formats. The registry is this explicit object, never an import
 * side effect: two engines in one program do not see each other's kinds. A config validated by one engine is
 * run by the same engine.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const patterns = registerPatterns(options.patterns ?? [])
  const exporters = registerExporters(options.exporters ?? [])
  return {
    patterns,
    validateConfig: (input) => validateConfig(input, patterns),
    parseConfig: (input) => parseConfig(input, patterns),
    defaultConfig: () => defaultConfig(patterns),
    datasetConfig: () => datasetConfig(patterns),
    emptyConfig: () => emptyConfig(patterns),
    describeCatalog: () => describeCatalog(patterns),
    runGeneration: (config, opts) => generateWith({ patterns, exporters }, config, opts),
  }
}
