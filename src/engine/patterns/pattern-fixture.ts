import { countKeys, countParams } from '../config/general.ts'
import { defaultsOf, type ParamDescriptors, type ParamValues } from '../config/params.ts'
import type { Counts, ResolvedConfig } from '../config/schema.ts'
import { createCoreContext } from '../generators/core/context.ts'
import { generatePopulation } from '../generators/core/population.ts'
import { DAY, createClock } from '../model/time.ts'
import { createRng } from '../random/rng.ts'
import { createCodecs } from '../orchestrator/codecs.ts'
import { buildWorld, type World } from '../model/world.ts'
import type { InjectContext, PatternDefinition, PatternOutput, PatternRows, PatternTable } from './types.ts'

/**
 * Test support for pattern injectors: a small world built the way the orchestrator builds it, a context
 * built the way orchestrator/inject.ts builds it, and an integrity check every pattern's rows must pass.
 * Kept free of vitest so it compiles with the engine; the registry is not imported, so one pattern's tests
 * do not depend on the others compiling.
 */

export interface Fixture {
  readonly world: World
  readonly config: ResolvedConfig
  run<P extends ParamDescriptors>(
    def: PatternDefinition<string, P>,
    params?: Partial<ParamValues<P>>,
    instance?: number,
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
  }
  const root = createRng(seed)
  const seedKey = root.key[0]
  const clock = createClock(startDate, durationDays)
  const codecs = createCodecs(seedKey)
  const pop = generatePopulation(root, createCoreContext(clock, seedKey), counts, codecs)
  const world = buildWorld(clock, seedKey, pop.persons, pop.companies, pop.ownership, pop.accounts)
  return {
    world,
    config,
    run(def, params = {}, instance = 0) {
      const stream = 1 + 7 * 4096 + instance
      const counters = new Map<PatternTable, number>()
      const ctx: InjectContext = {
        rng: root.fork(`pattern:${def.kind}:${instance}`),
        world,
        clock,
        patternId: codecs.patterns.id(0, stream),
        ids: {
          next(table) {
            const n = counters.get(table) ?? 0
            counters.set(table, n + 1)
            return codecs[table].id(stream, n)
          },
        },
      }
      const out = def.inject(ctx, { ...defaultsOf(def.params), ...params } as ParamValues<typeof def.params>)
      return { out, ctx }
    },
  }
}

/** Every problem with an instance's rows: ids that do not resolve, events outside the window or an account's life, unlabelled rows, missing members. */
export function integrityProblems(world: World, ctx: InjectContext, out: PatternOutput): string[] {
  const bad: string[] = []
  const rows = out.rows as Partial<PatternRows>
  const { start, end } = world.clock
  const newPersons = new Map((rows.persons ?? []).map((p) => [p.id, p]))
  const newCompanies = new Map((rows.companies ?? []).map((c) => [c.id, c]))
  const newAccounts = new Map((rows.accounts ?? []).map((a) => [a.id, a]))
  const docs = new Map((rows.documents ?? []).map((d) => [d.id, d]))
  const person = (id: string) => newPersons.get(id) ?? world.persons[world.personIndex.get(id) ?? -1]
  const company = (id: string) => newCompanies.get(id) ?? world.companies[world.companyIndex.get(id) ?? -1]
  const account = (id: string) => newAccounts.get(id) ?? world.accounts[world.accountIndex.get(id) ?? -1]
  const members = new Set(out.members.map((m) => `${m.entityType}:${m.entityId}`))
  const touch = (type: 'person' | 'company' | 'account', id: string | null, what: string) => {
    if (id === null) return
    const exists = type === 'person' ? person(id) : type === 'company' ? company(id) : account(id)
    if (!exists) bad.push(`${what}: ${type} ${id} does not exist`)
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
  for (const t of rows.transactions ?? []) {
    const w = `transaction ${t.id}`
    inWindow(t.timestamp, w)
    labelled(t, w)
    touch('account', t.fromAccountId, w)
    touch('account', t.toAccountId, w)
    touch('person', t.conductorId, w)
    usable(t.fromAccountId, t.timestamp, w)
    usable(t.toAccountId, t.timestamp, w)
    if (t.fromAccountId !== null && t.fromAccountId === t.toAccountId) bad.push(`${w}: self-transfer`)
    if (!(t.amount > 0) || !Number.isInteger(t.amount)) bad.push(`${w}: amount ${t.amount}`)
    if (t.documentId !== null && !docs.has(t.documentId)) bad.push(`${w}: document ${t.documentId} unknown`)
  }
  for (const c of rows.communications ?? []) {
    const w = `communication ${c.id}`
    inWindow(c.timestamp, w)
    labelled(c, w)
    touch('person', c.senderId, w)
    touch('person', c.recipientId, w)
    if (c.senderId === c.recipientId) bad.push(`${w}: sent to self`)
  }
  for (const t of rows.trades ?? []) {
    const w = `trade ${t.id}`
    inWindow(t.timestamp, w)
    labelled(t, w)
    touch('person', t.personId, w)
    touch('account', t.accountId, w)
    touch('company', t.companyId, w)
    usable(t.accountId, t.timestamp, w)
    const a = account(t.accountId)
    if (a && (a.ownerId !== t.personId || a.accountType !== 'investment'))
      bad.push(`${w}: not the trader's own investment account`)
    const c = company(t.companyId)
    if (c && (!c.isListed || c.ticker !== t.ticker)) bad.push(`${w}: ticker ${t.ticker} is not the company's`)
  }
  for (const e of rows.access_events ?? []) {
    const w = `access event ${e.id}`
    inWindow(e.timestamp, w)
    labelled(e, w)
    touch('account', e.accountId, w)
    touch('person', e.personId, w)
    usable(e.accountId, e.timestamp, w)
    const a = account(e.accountId)
    if (a && e.personId !== a.ownerId && e.personId !== a.jointOwnerId) bad.push(`${w}: person is not a holder`)
  }
  const lineSums = new Map<string, number>()
  for (const l of rows.document_lines ?? []) {
    if (!docs.has(l.documentId)) bad.push(`line ${l.id}: document ${l.documentId} unknown`)
    lineSums.set(l.documentId, (lineSums.get(l.documentId) ?? 0) + l.amount)
  }
  for (const d of rows.documents ?? []) {
    const w = `document ${d.id}`
    inWindow(d.issuedAt, w)
    labelled(d, w)
    touch('company', d.issuerId, w)
    touch('company', d.recipientId, w)
    for (const id of [d.issuerId, d.recipientId]) {
      const c = company(id)
      if (c && c.incorporatedOn * DAY > d.issuedAt) bad.push(`${w}: issued before ${id} was incorporated`)
    }
    if (lineSums.get(d.id) !== d.totalAmount) bad.push(`${w}: total is not the sum of its lines`)
    if (d.relatedDocumentId !== null && !docs.has(d.relatedDocumentId)) bad.push(`${w}: related document unknown`)
  }
  for (const o of rows.ownership ?? []) {
    const w = `ownership ${o.id}`
    labelled(o, w)
    touch(o.ownerType, o.ownerId, w)
    touch('company', o.companyId, w)
  }
  const endDay = world.clock.startDay + world.clock.days
  for (const p of rows.persons ?? []) if (p.dateOfBirth > endDay - 18 * 365) bad.push(`person ${p.id} is a minor`)
  for (const a of rows.accounts ?? [])
    if (!person(a.ownerId) && !company(a.ownerId)) bad.push(`account ${a.id}: owner unknown`)
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
