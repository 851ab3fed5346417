import { ConfigError } from '../errors.ts'
import type { ByteSink } from '../export/byte-sink.ts'
import { FileWriter, type HasherFactory } from '../export/file-writer.ts'
import { createDatasetWriter, type DatasetWriter } from '../export/formats.ts'
import type { FileInfo } from '../export/output.ts'
import { defineTable, f, labelFields, type TableDef } from '../model/field.ts'
import type { TableName } from '../model/schema.ts'

/**
 * Benchmark mode: a dataset published without its answers. The run is keyed by a secret (the host draws it; the
 * engine only receives it), the public folder gets the event and entity tables without their label columns, and
 * the ground truth (patterns, pattern_members, each labelled table's labels, the audit and the secret) goes to a
 * separate answers folder.
 */
export interface BenchmarkOptions {
  /** 32 to 64 hex digits; the same secret with the same config gives the same bytes in both folders. */
  readonly secret: string
  readonly answers: ByteSink
}

const TRUTH_TABLES: readonly string[] = ['patterns', 'pattern_members']
const LABEL_KEYS = new Set<string>([...Object.keys(labelFields), 'isSuspicious'])

/** The secret as 32-bit words; a clear message when it is not 32–64 hex digits. */
export function secretWords(hex: string): number[] {
  if (!/^([0-9a-f]{8}){4,8}$/i.test(hex))
    throw new ConfigError([
      {
        path: 'benchmark.secret',
        message: 'must be 32 to 64 hex digits (a multiple of 8)',
        hint: 'leave it out to draw a new one, or copy it from the answers folder’s manifest.json',
      },
    ])
  return Array.from({ length: hex.length / 8 }, (_, i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16))
}

export function isTruthTable(name: string): boolean {
  return TRUTH_TABLES.includes(name)
}

/** Whether a table carries a label column: event tables, and the entity tables' is_suspicious. */
export function hasLabels(def: TableDef): boolean {
  return def.columns.some((c) => LABEL_KEYS.has(c.key))
}

/** A table as published: its label columns left out. */
export function publicTable(def: TableDef): TableDef {
  if (!hasLabels(def)) return def
  return { ...def, columns: def.columns.filter((c) => !LABEL_KEYS.has(c.key)), labelled: false }
}

/** The answers' file for a labelled table: the id and label columns of each labelled row. */
function labelsTable(def: TableDef): TableDef {
  const label = Object.fromEntries(def.columns.filter((c) => LABEL_KEYS.has(c.key)).map((c) => [c.key, c.spec]))
  return defineTable(
    `${def.name}_labels`,
    '',
    `Ground truth for ${def.name}: one row per labelled row (join on id); rows not listed are background.`,
    { id: f.id(), ...label },
  )
}

/** Writes the answers folder beside the public run: truth tables, label files, then its manifest. */
export function createAnswers(options: BenchmarkOptions, format: 'csv' | 'jsonl', hasher: HasherFactory) {
  const writer: DatasetWriter = createDatasetWriter(format, options.answers, null, hasher)
  const rows: Partial<Record<string, number>> = {}
  return {
    sink: options.answers,
    /** The truth table `def` with all its rows. */
    async writeTruth(def: TableDef, all: Iterable<unknown>): Promise<number> {
      const write = await writer.beginTable(def)
      let n = 0
      for (const row of all) {
        await write(row as Record<string, unknown>)
        n++
      }
      await writer.endTable()
      rows[def.name] = n
      return n
    },
    /** Opens `def`'s labels file; the returned function takes every row and keeps the labelled ones. */
    async beginLabels(def: TableDef) {
      const table = labelsTable(def)
      const write = await writer.beginTable(table)
      let n = 0
      return {
        write(row: Record<string, unknown>) {
          // Listed: an event row of an instance, or a suspicious entity (a member of a crime instance).
          const listed = row.patternId !== null && row.patternId !== undefined
          if (!listed && row.isSuspicious !== true) return
          n++
          return write(row)
        },
        async end() {
          await writer.endTable()
          rows[table.name] = n
        },
      }
    },
    /** Closes the data files and writes manifest.json; `extra` (the audit) is listed with them. */
    async finish(core: Record<string, unknown>, extra: readonly FileInfo[]): Promise<FileInfo[]> {
      const files = [...(await writer.finish()), ...extra].map((f) => ({
        ...f,
        rows: f.rows !== undefined ? f.rows : (rows[f.name.replace(/\.[a-z]+$/, '')] ?? null),
      }))
      const manifest = await FileWriter.open(options.answers, 'manifest.json', hasher)
      await manifest.write(JSON.stringify({ ...core, files }, null, 2) + '\n')
      return [...files, await manifest.close()]
    },
  }
}

export type Answers = ReturnType<typeof createAnswers>

/** The public manifest's parts: no ground-truth tables, no injected counts, no label columns in the dictionary. */
export function publicManifestCore(core: Record<string, unknown>, counts: Readonly<Record<TableName, number>>) {
  const dictionary = (core.dictionary as { name: string; columns: { name: string }[] }[])
    .filter((t) => !isTruthTable(t.name))
    .map((t) => ({
      ...t,
      columns: t.columns.filter((c) => !['pattern_id', 'pattern_role', 'is_suspicious'].includes(c.name)),
    }))
  const publicCounts = Object.fromEntries(Object.entries(counts).filter(([t]) => !isTruthTable(t)))
  const { injected: _injected, ...rest } = core
  return { ...rest, benchmark: true, counts: publicCounts, dictionary }
}

type WriteRow = (row: Record<string, unknown>) => Promise<void> | void

/** One row to both files: the public table and, if labelled, the answers' labels (both awaited for backpressure). */
export function writeBoth(publicRow: WriteRow, labelRow: WriteRow): WriteRow {
  return (row) => {
    const a = publicRow(row)
    const b = labelRow(row)
    if (a && b) return Promise.all([a, b]).then(() => undefined)
    return a ?? b
  }
}

/** Benchmark runs write the per-table text formats from this thread, whole: refuse what would break that. */
export function checkBenchmarkOptions(o: {
  readonly format: string
  readonly benchmark?: BenchmarkOptions
  readonly lanes?: unknown
  readonly shard?: { readonly count: number }
}): number[] | undefined {
  if (!o.benchmark) return undefined
  const words = secretWords(o.benchmark.secret)
  const problem =
    o.format !== 'csv' && o.format !== 'jsonl'
      ? { message: `cannot withhold the labels of format ${o.format}`, hint: 'use format csv or jsonl' }
      : o.lanes
        ? { message: 'strips label columns on this thread, so not with lanes', hint: 'leave lanes out' }
        : o.shard && o.shard.count > 1
          ? { message: 'needs the whole run, not one shard', hint: 'leave out the shard' }
          : null
  if (problem) throw new ConfigError([{ path: 'benchmark', ...problem }])
  return words
}
