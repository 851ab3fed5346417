import { patternKinds } from '../src/engine/config/schema.ts'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  issueText,
  runGeneration,
  validateConfig,
  type ByteSink,
  type InputConfig,
  type OutputFormat,
  type ValidConfig,
} from '../src/engine/index.ts'

/**
 * `npx tsx bench/estimate-constants.ts`: measures the per-entity constants that src/engine/config/resource-constants.ts
 * holds (the resource guard's estimate). Memory: peak RSS of a run in a fresh process for populations of
 * increasing size, fitted per entity (least squares through the smallest run). Output: bytes written per row of
 * each table and format, counted by a sink that keeps nothing.
 */
const zeroEvents = { transactions: 0, communications: 0, trades: 0, travels: 0, documents: 0, accessEvents: 0 }
const noPatterns = Object.fromEntries(patternKinds.map((k) => [k, { count: 0 }]))

function valid(input: InputConfig): ValidConfig {
  const checked = validateConfig(input)
  if (!checked.ok) throw new Error(issueText(checked.issues[0]))
  return checked.config
}

async function child(counts: Record<string, number>): Promise<void> {
  const sink: ByteSink = { open: () => ({ write: () => undefined, close: () => undefined }) }
  await runGeneration(valid({ seed: 1, counts: { ...zeroEvents, ...counts }, patterns: noPatterns }), {
    format: 'csv',
    sink,
  })
  process.stdout.write(String(process.resourceUsage().maxRSS * 1024))
}

function peak(counts: Record<string, number>): number {
  const self = fileURLToPath(import.meta.url)
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, 'child', JSON.stringify(counts)], {
    encoding: 'utf8',
  })
  return Number(out)
}

async function bytesPerRow(format: OutputFormat): Promise<Record<string, number>> {
  const bytes = new Map<string, number>()
  const sink: ByteSink = {
    open(name) {
      bytes.set(name, 0)
      return { write: (c) => void bytes.set(name, (bytes.get(name) ?? 0) + c.length), close: () => undefined }
    },
  }
  const counts = {
    persons: 20_000,
    companies: 4000,
    accounts: 40_000,
    transactions: 100_000,
    communications: 20_000,
    trades: 10_000,
    travels: 5000,
    documents: 10_000,
    accessEvents: 20_000,
  }
  const r = await runGeneration(valid({ seed: 7, counts, patterns: noPatterns }), { format, sink })
  const perRow: Record<string, number> = {}
  for (const [name, n] of bytes) {
    const table = name.replace(/\.(csv|jsonl)$/, '')
    const rows = r.counts[table as keyof typeof r.counts]
    if (rows) perRow[table] = Math.ceil(n / rows)
    else perRow[name] = n
  }
  return perRow
}

if (process.argv[2] === 'child') await child(JSON.parse(process.argv[3]) as Record<string, number>)
else {
  const base = peak({ persons: 0, companies: 0, accounts: 0 })
  const n = 200_000
  const perPerson = (peak({ persons: n, companies: 0, accounts: 0 }) - base) / n
  const perCompany = (peak({ persons: 0, companies: n / 4, accounts: 0 }) - base) / (n / 4)
  const withAccounts = peak({ persons: n, companies: 0, accounts: 2 * n })
  const perAccount = (withAccounts - base - perPerson * n) / (2 * n)
  console.log(JSON.stringify({ baseBytes: base, perPerson, perCompany, perAccount }, null, 2))
  for (const format of ['csv', 'jsonl', 'json'] as OutputFormat[])
    console.log(format, JSON.stringify(await bytesPerRow(format)))
}
