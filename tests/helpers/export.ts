import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import type { InputConfig, OutputFormat } from '../../src/engine/index.ts'
import { generate, type Generated } from './dataset.ts'

/** Generates `config` in `format` into a fresh temp folder (for readers that want files: DuckDB, Kùzu, Python). */
export async function generateToDir(
  config: InputConfig,
  format: OutputFormat,
): Promise<Generated & { dir: string; path(name: string): string; remove(): Promise<void> }> {
  const g = await generate(config, format)
  const dir = await mkdtemp(join(tmpdir(), `fincrime-${format}-`))
  for (const [name, bytes] of g.files) await writeFile(join(dir, name), bytes)
  return { ...g, dir, path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) }
}

export type Query = (sql: string) => Promise<Record<string, unknown>[]>

/** An in-memory DuckDB; rows come back as JSON-friendly objects (decimals and big integers as strings). */
export async function duckdb(): Promise<{ query: Query; close(): void }> {
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  return {
    query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    close: () => {
      connection.closeSync()
      db.closeSync()
    },
  }
}
