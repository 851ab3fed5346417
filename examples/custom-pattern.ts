/**
 * Registers a pattern kind from outside the engine and generates a dataset with it, through the public API only
 * (`src/engine/index.ts`, what the package's entry point is). Run it:
 *
 *   npx tsx examples/custom-pattern.ts [out-dir]
 *
 * It writes the CSV files and manifest.json to out-dir (default ./round-trip-data) and prints one line per file.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  buildTransaction,
  chooseWindow,
  createEngine,
  createMemorySink,
  definePattern,
  member,
  p,
  pickPersonsWithAccounts,
  usdToMinor,
  type Member,
  type Transaction,
} from '../src/engine/index.ts'

const HOUR = 3600

/** Round-tripping: money leaves an account, runs through a ring of accounts hours apart and comes home, less fees. */
export const roundTrip = definePattern({
  kind: 'roundTrip',
  // Id stream slot, fixed forever: 0–5 are the built-in kinds', 6–15 are free.
  slot: 15,
  label: 'Round-tripping',
  description:
    'Money leaves an account, passes through a ring of other customers hours apart, each keeping a small fee, and comes back to where it started.',
  params: {
    ring: p.int({
      label: 'Accounts in the ring',
      help: 'Accounts the money visits, the first one included.',
      min: 3,
      max: 10,
      default: 4,
    }),
    amountUsd: p.int({
      label: 'Amount',
      help: 'What leaves the first account, in USD.',
      min: 1_000,
      max: 1_000_000,
      default: 40_000,
      unit: 'USD',
    }),
    hoursApart: p.int({
      label: 'Hours between legs',
      help: 'Time from one payment to the next.',
      min: 1,
      max: 48,
      default: 6,
      unit: 'h',
    }),
  },
  validate(params, shape) {
    if (params.ring <= shape.counts.persons) return []
    return [
      {
        path: 'patterns.roundTrip.params.ring',
        message: `must be at most counts.persons (${shape.counts.persons})`,
        hint: 'lower ring or raise counts.persons',
      },
    ]
  },
  inject(ctx, params) {
    const { rng, world } = ctx
    const span = params.ring * params.hoursApart * HOUR
    const window = chooseWindow(rng, world, Math.ceil(span / (24 * HOUR)) + 1)
    const start = window.start + rng.below(Math.max(1, window.end - window.start - span))
    const ring = pickPersonsWithAccounts(rng, world, params.ring, start, start + span)
    const accounts = ring.map((r) => world.accounts[r.account])
    const members: Member[] = ring.flatMap((r, i) => [
      member('person', world.persons[r.person].id, i === 0 ? 'originator' : 'ring_member'),
      member('account', accounts[i].id, i === 0 ? 'origin_account' : 'ring_account'),
    ])
    const transactions: Transaction[] = []
    let amount = usdToMinor(params.amountUsd, accounts[0]?.currency ?? 'USD')
    for (let i = 0; ring.length >= 2 && i < accounts.length; i++) {
      const to = accounts[(i + 1) % accounts.length]
      const t = buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: start + i * params.hoursApart * HOUR + rng.below(HOUR),
        kind: 'transfer',
        from: accounts[i],
        to,
        amount,
        patternId: ctx.patternId,
        patternRole: i === accounts.length - 1 ? 'return_leg' : 'ring_leg',
      })
      transactions.push(t)
      amount = Math.max(1, Math.round((t.toAmount ?? t.amount) * 0.99)) // each member keeps 1 %
    }
    return {
      subtype: 'ring',
      members: ring.length >= 2 ? members : [],
      rows: { transactions },
      currency: accounts[0]?.currency ?? null,
      totalMinor: transactions[0]?.amount ?? null,
      narrative:
        ring.length >= 2
          ? `${accounts[0].id} sent money round ${ring.length} accounts and got it back ${params.hoursApart * ring.length} hours later.`
          : 'No ring: too few customers had usable accounts in the window.',
    }
  },
})

/** An engine that knows the built-in kinds plus roundTrip, and a config that asks for two rings and nothing else. */
export async function generateRoundTrips(seed: string | number = 'round-trip') {
  const engine = createEngine({ patterns: [roundTrip] })
  const config = engine.parseConfig({
    version: 1,
    seed,
    durationDays: 60,
    counts: {
      persons: 200,
      companies: 30,
      accounts: 400,
      transactions: 3000,
      communications: 200,
      trades: 0,
      travels: 0,
      documents: 0,
      accessEvents: 0,
    },
    patterns: { roundTrip: { count: 2, params: { ring: 5 } } },
  })
  const sink = createMemorySink()
  const result = await engine.runGeneration(config, { format: 'csv', sink })
  return { result, files: new Map([...sink.files.keys()].map((name) => [name, sink.bytes(name)])) }
}

async function main(outDir: string) {
  const { result, files } = await generateRoundTrips()
  mkdirSync(outDir, { recursive: true })
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes)
  for (const f of result.files) process.stdout.write(`${f.name}\t${f.bytes} bytes\n`)
  process.stdout.write(
    `${result.patterns.length} roundTrip instances; ${result.injected.transactions} injected transactions\n`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv[2] ?? 'round-trip-data')
