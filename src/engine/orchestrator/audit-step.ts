import type { ValidConfig } from '../config/schema.ts'
import { ConfigError } from '../errors.ts'
import { createAudit, type Audit } from '../audit/audit.ts'
import { summarizeAudit, type AuditSummary } from '../audit/summary.ts'
import type { ByteSink } from '../export/byte-sink.ts'
import { FileWriter, type HasherFactory } from '../export/file-writer.ts'
import type { FileInfo } from '../export/output.ts'
import type { TableName } from '../model/schema.ts'
import type { Injected } from '../patterns/types.ts'
import type { Shard } from './shards.ts'
import type { RunOptions } from './types.ts'

export const AUDIT_FILE = 'audit.json'

/** The audit sees every row of the whole run (rows encoded in lanes come back packed): refuse a shard, which has a part. */
export function checkAuditOptions(opts: RunOptions, shard: Shard | null): void {
  if (!opts.audit) return
  if (shard)
    throw new ConfigError([
      {
        path: 'audit',
        message: 'the separability audit needs the whole run, not one shard',
        hint: 'leave out the shard, or turn the audit off',
      },
    ])
}

/** The audit of this run, or null when it was not asked for. */
export function startAudit(
  opts: RunOptions,
  config: ValidConfig,
  truth: Injected,
  counts: Readonly<Record<TableName, number>>,
  injected: Readonly<Record<TableName, number>>,
): Audit | null {
  if (!opts.audit) return null
  return createAudit({ truth, startDate: config.startDate, durationDays: config.durationDays, counts, injected })
}

/** Writes `audit.json` (next to the data files, listed in the manifest) and returns its entry and the summary. */
export async function finishAudit(
  audit: Audit,
  sink: ByteSink,
  hasher: HasherFactory,
): Promise<{ file: FileInfo; summary: AuditSummary }> {
  const report = audit.finish()
  const file = await FileWriter.open(sink, AUDIT_FILE, hasher)
  await file.write(JSON.stringify(report, null, 2) + '\n')
  return { file: { ...(await file.close()), rows: null }, summary: summarizeAudit(report) }
}
