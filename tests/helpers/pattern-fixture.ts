import type { Account } from '../../src/engine/model/tables/accounts.ts'
import type { Company } from '../../src/engine/model/tables/companies.ts'
import type { Person } from '../../src/engine/model/tables/persons.ts'
import type { DifficultyKnobs } from '../../src/engine/config/difficulty.ts'
import { countKeys, countParams } from '../../src/engine/config/general.ts'
import { defaultsOf, type ParamDescriptors, type ParamValues } from '../../src/engine/config/params.ts'
import type { Counts, ResolvedConfig } from '../../src/engine/config/schema.ts'
import { tables } from '../../src/engine/model/schema.ts'
import { DAY } from '../../src/engine/model/time.ts'
import type { World } from '../../src/engine/model/world.ts'
import { buildBackground } from '../../src/engine/orchestrator/background.ts'
import { instanceContext } from '../../src/engine/orchestrator/inject.ts'
import type {
  InjectContext,
  PatternDefinition,
  PatternOutput,
  PatternRows,
  PatternTable,
} from '../../src/engine/patterns/types.ts'

/**
 * Test support for pattern injectors: the background and the instance context built by the orchestrator's own
 * functions (buildBackground, instanceContext), and an integrity check every pattern's rows must pass. The
 * registry is not imported, so one pattern's tests do not depend on the others compiling.
 */

export interface Fixture {
  readonly world: World
  readonly config: ResolvedConfig
  run<P extends ParamDescriptors>(
    def: PatternDefinition<string, P>,
    params?: Partial<ParamValues<P>>,
    instance?: number,
    knobs?: DifficultyKnobs,
  ): { out: PatternOutput; ctx: InjectContext }
}

export function testCounts(over: Partial<Counts> = {}): Counts {
  const counts = Object.fromEntries(countKeys.map((k) => [k, countParams[k].default])) as Counts
  return { ...counts, persons: 300, companies: 60, accounts: 700, ...over }
}

export function makeFixture(
  seed: number | string,
  over: Partial<Counts> = {},
  startDate = '2025-01-01',
  durationDays = 365,
): Fixture {
  const counts = testCounts(over)
  const config: ResolvedConfig = {
    version: 1,
    seed,
    startDate,
    durationDays,
    counts,
    patterns: {} as ResolvedConfig['patterns'],
    difficulty: 'medium',
    difficultyKnobs: {},
    prevalence: null,
  }
  const { root, world, codecs } = buildBackground(config)
  return {
    world,
    config,
    run(def, params = {}, instance = 0, knobs) {
      const ctx = instanceContext(root, world, codecs, def, instance, knobs)
      const out = def.inject(ctx, { ...defaultsOf(def.params), ...params } as ParamValues<typeof def.params>)
      return { out, ctx }
    },
  }
}

type Entity = 'person' | 'company' | 'account'
const ENTITY_OF: Record<string, Entity> = { persons: 'person', companies: 'company', accounts: 'account' }

/** Every reference a row holds, from its table's field declarations: [target table, id]. */
function refsOf(table: PatternTable, row: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = []
  for (const { key, spec } of tables[table].columns) {
    const id = row[key]
    if (spec.kind !== 'ref' || key === 'patternId' || typeof id !== 'string') continue
    const targets = spec.ref ?? []
    const target = spec.typeField ? targets.find((t) => ENTITY_OF[t] === row[spec.typeField as string]) : targets[0]
    out.push([target ?? `(${String(row[spec.typeField as string])}?)`, id])
  }
  return out
}

/** Every problem with an instance's rows: ids that do not resolve, events outside the window or an account's life, unlabelled rows, missing members. */
export function integrityProblems(world: World, ctx: InjectContext, out: PatternOutput): string[] {
  const bad: string[] = []
  const rows = out.rows as Partial<PatternRows>
  const { start, end } = world.clock
  const newPersons = new Map<string, Person>((rows.persons ?? []).map((p) => [p.id, p]))
  const newCompanies = new Map<string, Company>((rows.companies ?? []).map((c) => [c.id, c]))
  const newAccounts = new Map<string, Account>((rows.accounts ?? []).map((a) => [a.id, a]))
  const docs = new Map((rows.documents ?? []).map((d) => [d.id, d]))
  const person = (id: string) => newPersons.get(id) ?? world.persons[world.personIndex.get(id) ?? -1]
  const company = (id: string) => newCompanies.get(id) ?? world.companies[world.companyIndex.get(id) ?? -1]
  const account = (id: string) => newAccounts.get(id) ?? world.accounts[world.accountIndex.get(id) ?? -1]
  const members = new Set(out.members.map((m) => `${m.entityType}:${m.entityId}`))
  const exists = (type: Entity, id: string) =>
    (type === 'person' ? person(id) : type === 'company' ? company(id) : account(id)) !== undefined
  const touch = (type: Entity, id: string, what: string) => {
    if (!exists(type, id)) bad.push(`${what}: ${type} ${id} does not exist`)
    if (!members.has(`${type}:${id}`)) bad.push(`${what}: ${type} ${id} is not a member`)
  }
  const inWindow = (t: number, what: string) => {
    if (!(t >= start && t < end) || !Number.isInteger(t)) bad.push(`${what}: instant ${t} outside the window`)
  }
  const usable = (id: string | null, t: number, what: string) => {
    if (id === null) return
    const i = world.accountIndex.get(id)
    if (i !== undefined) {
      if (t < world.accountFrom[i] || t > world.accountTo[i]) bad.push(`${what}: account ${id} not usable at ${t}`)
    } else {
      const a = newAccounts.get(id)
      if (a && t < a.openedAt * DAY) bad.push(`${what}: new account ${id} used before it opened`)
    }
  }
  const labelled = (r: { patternId: string | null; patternRole: string | null }, what: string) => {
    if (r.patternId !== ctx.patternId) bad.push(`${what}: patternId ${r.patternId}`)
    if (!r.patternRole || !/^[a-z][a-z_]*$/.test(r.patternRole)) bad.push(`${what}: patternRole ${r.patternRole}`)
  }
  // What every row must satisfy, read off its table's declaration: times in the window, labels, references.
  for (const table of Object.keys(rows) as PatternTable[]) {
    const def = tables[table]
    for (const row of (rows[table] ?? []) as unknown as Record<string, unknown>[]) {
      const w = `${table} ${String(row.id)}`
      if (def.time) inWindow(row[def.time] as number, w)
      if (def.labelled) labelled(row as { patternId: string | null; patternRole: string | null }, w)
      for (const [target, id] of refsOf(table, row)) {
        if (target === 'documents') {
          if (!docs.has(id)) bad.push(`${w}: document ${id} unknown`)
        } else if (target in ENTITY_OF) {
          const type = ENTITY_OF[target]
          if (!exists(type, id)) bad.push(`${w}: ${type} ${id} does not exist`)
          // Events and ownership are the instance's own doing: whoever they touch takes part in it.
          if (def.labelled && !members.has(`${type}:${id}`)) bad.push(`${w}: ${type} ${id} is not a member`)
        }
      }
    }
  }
  // What the declarations cannot say: money, accounts' lives, who may use what.
  for (const t of rows.transactions ?? []) {
    const w = `transaction ${t.id}`
    usable(t.fromAccountId, t.timestamp, w)
    usable(t.toAccountId, t.timestamp, w)
    if (t.fromAccountId !== null && t.fromAccountId === t.toAccountId) bad.push(`${w}: self-transfer`)
    if (!(t.amount > 0) || !Number.isInteger(t.amount)) bad.push(`${w}: amount ${t.amount}`)
  }
  for (const c of rows.communications ?? [])
    if (c.senderId === c.recipientId) bad.push(`communication ${c.id}: sent to self`)
  for (const t of rows.trades ?? []) {
    const w = `trade ${t.id}`
    usable(t.accountId, t.timestamp, w)
    const a = account(t.accountId)
    if (a && (a.ownerId !== t.personId || a.accountType !== 'investment'))
      bad.push(`${w}: not the trader's own investment account`)
    const c = company(t.companyId)
    if (c && (!c.isListed || c.ticker !== t.ticker)) bad.push(`${w}: ticker ${t.ticker} is not the company's`)
  }
  for (const e of rows.access_events ?? []) {
    const w = `access event ${e.id}`
    usable(e.accountId, e.timestamp, w)
    const a = account(e.accountId)
    if (a && e.personId !== a.ownerId && e.personId !== a.jointOwnerId) bad.push(`${w}: person is not a holder`)
  }
  const lineSums = new Map<string, number>()
  for (const l of rows.document_lines ?? []) lineSums.set(l.documentId, (lineSums.get(l.documentId) ?? 0) + l.amount)
  for (const d of rows.documents ?? []) {
    const w = `document ${d.id}`
    for (const id of [d.issuerId, d.recipientId]) {
      const c = company(id)
      if (c && c.incorporatedOn * DAY > d.issuedAt) bad.push(`${w}: issued before ${id} was incorporated`)
    }
    if (lineSums.get(d.id) !== d.totalAmount) bad.push(`${w}: total is not the sum of its lines`)
  }
  const endDay = world.clock.startDay + world.clock.days
  for (const p of rows.persons ?? []) if (p.dateOfBirth > endDay - 18 * 365) bad.push(`person ${p.id} is a minor`)
  for (const m of out.members) touch(m.entityType, m.entityId, `member ${m.role}`)
  for (const table of Object.keys(rows) as PatternTable[]) {
    const ids = ((rows[table] ?? []) as { id: string }[]).map((r) => r.id)
    if (new Set(ids).size !== ids.length) bad.push(`${table}: duplicate ids`)
    const known =
      table === 'persons'
        ? world.personIndex
        : table === 'companies'
          ? world.companyIndex
          : table === 'accounts'
            ? world.accountIndex
            : null
    for (const id of ids) if (known?.has(id)) bad.push(`${table}: ${id} collides with the background`)
  }
  return bad
}
