import { merchantCategories } from '../../reference/merchant-categories.ts'
import { countryByCode } from '../../reference/countries.ts'
import type { Account } from '../../model/tables/accounts.ts'
import type { Transaction, TransactionKind } from '../../model/tables/transactions.ts'
import { cashNoteMinor, convertMinor, usdToMinorBy } from '../../model/money.ts'
import { currencyByCode, type Currency } from '../../reference/currencies.ts'
import { DAY, HOUR, weekday } from '../../model/time.ts'
import { unitHash } from '../../random/hash.ts'
import { lognormal } from '../../random/distributions.ts'
import { Rng } from '../../random/rng.ts'
import { weighted, weightedBy, type Weighted } from '../../random/sampling.ts'
import { isActive, incomeUsd, pickActiveAccount, usualCounterparty, type EventContext } from './context.ts'
import type { DocumentSource } from './documents.ts'
import { dayVolume, isHoliday, WEEKDAY_VOLUME } from './calendar.ts'
import { LocalRhythm } from './local-rhythm.ts'
import { merchantFor, popularMerchant } from './merchants.ts'
import { DAY_SHAPE } from './timeline.ts'
import { backgroundTransaction, RowSpec } from './transaction-row.ts'
import { cardAcquirers, payrollProviders, planObligations } from './schedule-plan.ts'
import { ScheduledRows } from './scheduled-rows.ts'
import { ScheduleIndex } from './schedules.ts'
import { RowLayout } from './row-layout.ts'
import { affordability, type FlowExposure } from './affordability.ts'
import { LegWriter, type LegColumns, type TransactionStream } from './transaction-legs.ts'
import { KeptSpecs } from './kept-specs.ts'
import { CountryPools } from './country-pools.ts'
import { TransactionCsv } from './transaction-csv.ts'
import { TransactionView } from './transaction-view.ts'

const mccTable = weightedBy(merchantCategories)
const KINDS: readonly TransactionKind[] = [
  'card_purchase',
  'cash_withdrawal',
  'cash_deposit',
  'transfer',
  'bill_payment',
  'invoice_payment',
  'wire',
  'salary',
  'rent',
]

/** Kind weights of the flow at an instant: business payments on weekdays, transfers every day. */
function kindWeights(hour: number, wd: number): number[] {
  const weekend = wd >= 5
  const office = !weekend && hour >= 7 && hour <= 18
  return [
    48,
    7,
    office ? 4 : 0.5,
    weekend ? 8 : 14,
    weekend ? 0.3 : 1.5,
    office ? 10 : 0.3,
    office ? 2 : 0,
    // Salaries and rent come from the monthly schedules (schedules.ts), never from the flow.
    0,
    0,
  ]
}

/** Whole amount in nice notes of the local currency (cash is withdrawn in 20s and 50s). */
function cashAmount(usd: number, currency: Currency): number {
  const note = cashNoteMinor(currency)
  return Math.max(note, Math.round(usdToMinorBy(usd, currency) / note) * note)
}

/**
 * At most this share of the table's rows are scheduled (salaries, payroll funding, housing, bills, loans, savings,
 * subscriptions, investing); when the plan needs more, whole obligations are dropped in reverse priority (see
 * schedules.ts) so the flow of card purchases, cash and ad-hoc transfers keeps the rest.
 */
const SCHEDULED_SHARE = 0.5

/** Largest table whose flow specs the ledger's pre-pass holds for the write pass (fill's `keep`). */
const KEEP_MAX_ROWS = 1_000_000

/** Share of a checking account's transfers that go to (or come from) the holder's own savings or investment account. */
const OWN_TRANSFER_SHARE = 0.18

/**
 * Share of a credit card's use that is its holder paying it off from their checking account (so about one payment
 * for every two purchases): without them a background card never receives money, and any card that does (a ring's
 * card built up on repayments) stands out alone.
 */
const CARD_REPAYMENT_SHARE = 0.35

/**
 * Share of a card holder's card purchases put on the credit card rather than the current account's debit card: a
 * holder uses the card they have, so a background credit card is used month after month (with a debit card taking
 * every purchase, a year's credit card spending was a few dozen dollars and any card really used stood out).
 */
const ON_CREDIT_SHARE = 0.6

/** Share of a card holder's cash withdrawals taken as a cash advance on the credit card (dear, so rare). */
const CASH_ADVANCE_SHARE = 0.05

/** Share of large one-off purchases (a flight, a laptop, jewellery) a holder with a credit card puts on it. */
const LARGE_ON_CARD_SHARE = 0.5
/** Where big-ticket purchases are made: the merchant categories of a large one-off card payment. */
const BIG_TICKET_MCCS = ['5732', '5944', '4511', '7011', '5311']

/** Where a card is used abroad. */
const TRAVEL_COUNTRIES = ['US', 'GB', 'FR', 'ES', 'IT', 'DE', 'JP', 'AE']

/** Share of a person's wires that go to another person's account rather than to a business. */
const PERSON_WIRE_SHARE = 0.4

/** The flow's kind table for each (local hour, weekday): 168 tables. */
const kindTables: readonly Weighted<TransactionKind>[] = Array.from({ length: 24 * 7 }, (_, k) =>
  weighted(KINDS, kindWeights(Math.floor(k / 7), k % 7)),
)

/** The kind table for a local instant. A public holiday counts as a Sunday (no office payments). */
function kindsAt(t: number, holiday: boolean): Weighted<TransactionKind> {
  const day = Math.floor(t / DAY)
  const hour = Math.floor((t - day * DAY) / HOUR)
  return kindTables[hour * 7 + (holiday ? 6 : weekday(day))]
}

/**
 * `largePaymentShare`: the share of current-account holders who make one large one-off payment in the window (the
 * difficulty knob of that name). Without these an ordinary holder's largest payment in a year is a few hundred
 * dollars, so any account that moves a few thousand at once stands out on that alone.
 */
export function transactionStream(
  ctx: EventContext,
  count: number,
  docs: DocumentSource | null,
  largePaymentShare = 0,
): TransactionStream {
  const { world } = ctx
  const spending = world.accounts.flatMap((a, i) =>
    a.ownerType === 'person' && (a.accountType === 'checking' || a.accountType === 'credit_card') ? [i] : [],
  )
  const current = world.accounts.flatMap((a, i) =>
    a.ownerType === 'person' && a.accountType === 'checking' ? [i] : [],
  )
  const everyone = world.accounts.map((_, i) => i)
  const payers = current.length > 0 ? current : everyone
  const business = world.businessAccounts.length > 0 ? world.businessAccounts : everyone
  const billers = world.businessAccounts.filter((i) => {
    const industry = world.companies[world.accountOwner[i]].industry
    return industry === 'energy' || industry === 'telecommunications' || industry === 'utilities'
  })
  const landlords = world.businessAccounts.filter(
    (i) => world.companies[world.accountOwner[i]].industry === 'real_estate',
  )
  // Each row belongs to one country, acting on its own clock: its accounts are drawn from that country's pools.
  const countryShare = new Map<string, number>()
  for (const a of world.accounts) countryShare.set(a.country, (countryShare.get(a.country) ?? 0) + 1)
  const homes = [...countryShare.keys()].sort()
  const rhythm = new LocalRhythm(
    world.clock,
    homes,
    homes.map((c) => countryShare.get(c) ?? 0),
    DAY_SHAPE,
    (c, day, wd, dom) =>
      WEEKDAY_VOLUME[isHoliday(homes[c], day) ? 6 : wd] *
      (dom >= 25 && dom <= 28 ? 1.3 : 1) *
      dayVolume(world.seedKey, homes[c], day),
  )
  const pools = new CountryPools(homes, world.accounts.length, (i) => world.accounts[i].country)
  const homeSpending = pools.busyInHome(spending.length > 0 ? spending : everyone, world.seedKey)
  const homePayers = pools.inHome(payers)
  const busyPayers = pools.busyInHome(payers, world.seedKey)
  const pickBusy = (rng: Rng, table: Weighted<number>, t: number): number => {
    for (let tries = 0; tries < 12; tries++) {
      const i = table.sample(rng)
      if (isActive(world, i, t)) return i
    }
    return -1
  }
  const homeBusiness = pools.inHome(business)
  // Rent, bills and most transfers stay inside the payer's country.
  const localPayers = pools.domestic(payers)
  const localBusiness = pools.domestic(business)
  // Utilities and landlords by size: the country's largest few serve most households (the in-degree hubs).
  const bySize = (pool: readonly number[]) =>
    [...pool].sort(
      (x, y) =>
        world.companies[world.accountOwner[y]].employees - world.companies[world.accountOwner[x]].employees || x - y,
    )
  const localBillers = pools.domestic(bySize(billers.length > 0 ? billers : business))
  const localLandlords = pools.domestic(bySize(landlords))
  /** The k-th usual counterparty of `owner` among a size-ordered pool, Zipf-like by rank (stateless, by hash). */
  const popularCounterparty = (pool: readonly number[], owner: number, k: number, salt: number): number => {
    const u = unitHash(world.seedKey ^ salt, owner, k)
    return pool[Math.min(pool.length - 1, Math.floor(Math.exp(u * Math.log(pool.length + 1))) - 1)]
  }

  const account = (i: number): Account => world.accounts[i]
  // Per account, what the flow reads of it on every row (an account object is a cache miss of its own per row).
  const currencyOf = world.accounts.map((a) => currencyByCode[a.currency])
  const isCard = Uint8Array.from(world.accounts, (a) => (a.accountType === 'credit_card' ? 1 : 0))
  // Per personal current account, the holder's first credit card (-1 for none).
  const cardOf = new Int32Array(world.accounts.length).fill(-1)
  for (const held of world.accountsOfPerson) {
    const card = held.find((i) => isCard[i] === 1)
    if (card !== undefined) for (const c of held) if (world.accounts[c].accountType === 'checking') cardOf[c] = card
  }
  const bigTicket = merchantCategories.filter((m) => BIG_TICKET_MCCS.includes(m.mcc))
  /** USD in account a's currency, in minor units. */
  const minorIn = (usd: number, a: number): number => usdToMinorBy(usd, currencyOf[a])
  /** Who carries cash for an account: the holder, or for a company one of its employees or officers. */
  const cashHandler = (rng: Rng, a: number): Transaction['conductorId'] => {
    if (!world.accountIsCompany[a]) return world.persons[world.accountOwner[a]].id
    const staff = world.employeesOf[world.accountOwner[a]]
    return staff.length > 0 ? world.persons[rng.pick(staff)].id : null
  }
  const ownerOf = (i: number) => world.persons[world.accountOwner[i]]
  // Per account, worked out on first use: the card spending scale of its holder's income, and the city the holder
  // lives or trades in (random reads of person objects were a fifth of the flow's draws).
  let spendScale: Float64Array | null = null
  let homeCities: (string | undefined)[] | null = null
  const purchaseScale = (a: number): number => {
    spendScale ??= new Float64Array(world.accounts.length).fill(NaN)
    let f = spendScale[a]
    if (Number.isNaN(f))
      f = spendScale[a] = world.accountIsCompany[a] ? 1 : Math.sqrt(Math.max(0.15, incomeUsd(ownerOf(a)) / 55_000))
    return f
  }
  const homeCity = (a: number): string => {
    homeCities ??= new Array<string | undefined>(world.accounts.length)
    let c = homeCities[a]
    if (c === undefined)
      c = homeCities[a] = world.accountIsCompany[a] ? world.companies[world.accountOwner[a]].city : ownerOf(a).city
    return c
  }
  // One spec object for every drawn row: each is read (kept, written or built into a row) before the next is drawn.
  const drawn = new RowSpec()
  const make = (t: number, kind: TransactionKind, from: number, to: number, amount: number) =>
    drawn.reset(t, kind, world.accounts, from, to, amount)

  function spec(rng: Rng, t: number, kind: TransactionKind, home: number): RowSpec | null {
    switch (kind) {
      case 'card_purchase': {
        let a = pickBusy(rng, homeSpending(home), t)
        if (a < 0) return null
        if (cardOf[a] >= 0 && isActive(world, cardOf[a], t) && rng.chance(ON_CREDIT_SHARE)) a = cardOf[a]
        if (isCard[a] === 1 && rng.chance(CARD_REPAYMENT_SHARE)) {
          const payer = checkingOf(a, t)
          if (payer >= 0) return cardRepayment(rng, payer, a, t)
        }
        // Most purchases fall in the holder's own few habitual categories (drawn once by the same weights).
        const mcc = rng.chance(0.55)
          ? mccTable.items[mccTable.indexAt(unitHash(world.seedKey ^ 0x4abc, a, rng.below(3)))]
          : mccTable.sample(rng)
        const factor = purchaseScale(a)
        const city = world.accountIsCompany[a] ? null : homeCity(a)
        const abroad = rng.chance(0.04)
        const country = abroad ? rng.pick(TRAVEL_COUNTRIES) : homes[pools.countryOf[a]]
        const amount = Math.max(1, minorIn(lognormal(rng, mcc.medianUsd * factor * afford[a], mcc.sigma), a))
        const s = make(t, kind, a, -1, amount)
        s.setMerchant(abroad ? popularMerchant(rng, mcc) : merchantFor(rng, world.seedKey, a, mcc))
        s.city = abroad ? rng.pick(countryByCode[country]?.cities ?? [city ?? '']) : city
        s.destinationCountry = country
        return s
      }
      case 'cash_withdrawal': {
        let a = pickBusy(rng, busyPayers(home), t)
        if (a < 0) return null
        if (cardOf[a] >= 0 && isActive(world, cardOf[a], t) && rng.chance(CASH_ADVANCE_SHARE)) a = cardOf[a]
        const s = make(t, kind, a, -1, cashAmount(lognormal(rng, 140 * afford[a], 0.75), currencyOf[a]))
        s.city = homeCity(a)
        s.conductorId = cashHandler(rng, a)
        return s
      }
      case 'cash_deposit': {
        const toBusiness = rng.chance(0.35)
        const a = pickActiveAccount(rng, world, toBusiness ? homeBusiness(home) : homePayers(home), t)
        if (a < 0) return null
        const usd = world.accountIsCompany[a] ? lognormal(rng, 2_400, 1) : lognormal(rng, 450, 1.15)
        const s = make(t, kind, -1, a, cashAmount(usd, currencyOf[a]))
        s.city = homeCity(a)
        s.conductorId = cashHandler(rng, a)
        return s
      }
      case 'transfer': {
        const a = pickBusy(rng, busyPayers(home), t)
        if (a < 0) return null
        if (rng.chance(OWN_TRANSFER_SHARE)) {
          const own = ownAccountTransfer(rng, a, t)
          if (own !== null) return own
        }
        const b = rng.chance(0.75)
          ? usualCounterparty(world, rng.chance(0.9) ? localPayers(a, payers) : payers, a, rng.below(6), 0x7a11)
          : payers[rng.below(payers.length)]
        if (b === a || !isActive(world, b, t)) return null
        return make(t, kind, a, b, Math.max(1, minorIn(lognormal(rng, 160 * afford[a], 1.25), a)))
      }
      case 'bill_payment': {
        const a = pickActiveAccount(rng, world, homePayers(home), t)
        if (a < 0) return null
        // A one-off charge from the holder's main utility (a meter reading, a fee); the monthly bills are scheduled.
        const b = popularCounterparty(localBillers(a, billers.length > 0 ? billers : business), a, 0, 0xb111)
        if (b === a || !isActive(world, b, t)) return null
        return make(t, kind, a, b, Math.max(1, minorIn(lognormal(rng, 85 * afford[a], 0.6), a)))
      }
      case 'rent': {
        const a = pickActiveAccount(rng, world, homePayers(home), t)
        if (a < 0 || world.accountIsCompany[a]) return null
        // Six in ten rent from a property company, the rest from a private landlord.
        const b =
          landlords.length > 0 && unitHash(world.seedKey, a, 1) < 0.6
            ? popularCounterparty(localLandlords(a, landlords), a, 0, 0x4e47)
            : usualCounterparty(world, localPayers(a, payers), a, 0, 0x4e47)
        if (b === a || !isActive(world, b, t)) return null
        const monthlyUsd = (incomeUsd(ownerOf(a)) / 12) * (0.22 + 0.16 * unitHash(world.seedKey, a, 2))
        return make(t, kind, a, b, minorIn(Math.max(250, Math.round(monthlyUsd / 10) * 10), a))
      }
      case 'salary': {
        const a = pickActiveAccount(rng, world, homePayers(home), t)
        if (a < 0 || world.accountIsCompany[a]) return null
        const person = ownerOf(a)
        if (person.employerId === null) return null
        const employer = world.accountsOfCompany[world.companyIndex.get(person.employerId) ?? -1]?.[0]
        if (employer === undefined || !isActive(world, employer, t)) return null
        const from = account(employer)
        const net = Math.round((person.annualIncome / 12) * 0.72)
        const inPayerCurrency = convertMinor(net, person.currency, from.currency).minor
        return make(t, kind, employer, a, Math.max(1, inPayerCurrency))
      }
      case 'invoice_payment': {
        const paid = docs?.invoiceBefore(rng, t) ?? null
        if (paid !== null) {
          const from = world.accountsOfCompany[paid.recipient]?.[0]
          const to = world.accountsOfCompany[paid.issuer]?.[0]
          if (
            from !== undefined &&
            to !== undefined &&
            from !== to &&
            isActive(world, from, t) &&
            isActive(world, to, t)
          ) {
            const s = make(t, kind, from, to, convertMinor(paid.total, paid.currency, account(from).currency).minor)
            s.documentId = paid.id
            return s
          }
        }
        const a = pickActiveAccount(rng, world, homeBusiness(home), t)
        const b = a < 0 ? -1 : usualCounterparty(world, business, a, rng.below(5), 0x1f0e)
        if (a < 0 || b === a || !isActive(world, b, t)) return null
        return make(t, kind, a, b, minorIn(lognormal(rng, 6_000, 1.3), a))
      }
      case 'wire': {
        const a = pickActiveAccount(rng, world, rng.chance(0.6) ? homeBusiness(home) : homePayers(home), t)
        // People also wire to people (family abroad, a private sale, a deposit on a flat), not only to businesses.
        const toPerson = a >= 0 && !world.accountIsCompany[a] && rng.chance(PERSON_WIRE_SHARE)
        const b = pickActiveAccount(rng, world, toPerson ? payers : business, t)
        if (a < 0 || b < 0 || a === b) return null
        return make(t, kind, a, b, minorIn(wireUsd(a, lognormal(rng, 9_000, 1.3)), a))
      }
    }
  }

  /** A person wires at most a quarter of what their account has over the window; a business what it needs. */
  function wireUsd(a: number, usd: number): number {
    const has = hasUsd[a]
    return world.accountIsCompany[a] || Number.isNaN(has) ? usd : Math.max(50, Math.min(usd, 0.25 * has))
  }

  // Rows come in time order, so each country's local day changes rarely: its holiday flag is kept per country.
  const holidayDay = new Float64Array(homes.length).fill(NaN)
  const holidayFlag = new Uint8Array(homes.length)
  const holidayOn = (c: number, day: number): boolean => {
    if (holidayDay[c] !== day) {
      holidayDay[c] = day
      holidayFlag[c] = isHoliday(homes[c], day) ? 1 : 0
    }
    return holidayFlag[c] === 1
  }

  // The schedules are built on the first row asked for, so a host that takes this table's rows from lanes (and
  // only needs its count here) never pays for them.
  let built: { schedule: ScheduleIndex; scheduled: ScheduledRows; layout: RowLayout } | null = null
  let afford: Float32Array = new Float32Array(0)
  let hasUsd: Float64Array = new Float64Array(0)
  /** Chance that a flow row is a large payment: largePaymentShare of holders, one each, spread over the flow's rows. */
  let largeChance = 0
  const rowRng = new Rng(ctx.rng.key)

  /** Row `index`'s spec: every draw that decides its accounts and amount (the row's text draws come after). */
  function rowSpec(rng: Rng, index: number): RowSpec {
    const { schedule, scheduled, layout } = built ?? (built = buildSchedules())
    const entry = layout.locate(index, rng.next())
    if (entry >= 0) return scheduled.spec(rng, layout.t, schedule.entryObligation[entry], schedule.entryMonth[entry])
    return flowSpec(rng, layout.t)
  }

  let legWriter: LegWriter | null = null
  const legs = () => (legWriter ??= new LegWriter(world))
  const putSpec = (out: LegColumns, k: number, s: RowSpec) =>
    legs().put(out, k, s.timestamp, s.fromIndex, s.toIndex, s.amount)

  /** Flow specs the pre-pass drew and kept (fill's `keep`), taken once by the write pass. */
  let kept: KeptSpecs | null = null
  /**
   * The CSV encoder every cursor of this stream writes with: its cells take O(accounts) to build (at 222k accounts,
   * one per 10k-row range made 2M rows with a lane 50% more CPU), and cursors are used one at a time.
   */
  let csvCells: TransactionCsv | null = null
  /** The spec a kept row is read back into: one object for every row. */
  const scratch = new RowSpec()
  /** Row `index`'s spec (the kept one if the pre-pass held it), with `rowRng` left just after its spec's draws. */
  const specOf = (index: number): RowSpec =>
    kept?.take(index, scratch, rowRng) ?? rowSpec(rowRng.seekRow(ctx.rng, index), index)

  return {
    count,
    row(index) {
      const s = specOf(index)
      return backgroundTransaction(rowRng, ctx.ids.id(0, index), s)
    },
    rowWithLegs(index, out, k) {
      const s = specOf(index)
      putSpec(out, k, s)
      return backgroundTransaction(rowRng, ctx.ids.id(0, index), s)
    },
    cursor() {
      const csv = (csvCells ??= new TransactionCsv(world, ctx.ids))
      let s = scratch
      let i = 0
      return {
        view: new TransactionView(csv),
        load(index) {
          s = specOf((i = index))
          return s.timestamp
        },
        legs: (out, k) => putSpec(out, k, s),
        csv: (out, balance) => csv.write(out, rowRng, i, s, balance),
      }
    },
    fill(from, to, out, keep = false) {
      const { schedule, scheduled, layout } = built ?? (built = buildSchedules())
      // Held rows cost about 75 bytes each: only for tables that fit comfortably.
      const hold = keep && count <= KEEP_MAX_ROWS
      if (hold) kept ??= new KeptSpecs(count, world.accounts, scheduled)
      for (let i = from; i < to; i++) {
        const rng = rowRng.seekRow(ctx.rng, i)
        const entry = layout.locate(i, rng.next())
        if (entry < 0) {
          const s = flowSpec(rng, layout.t)
          putSpec(out, i - from, s)
          if (hold) kept?.put(i, s, rng)
          continue
        }
        // A scheduled row's accounts and amount are its obligation's (ScheduledRows.spec draws only its channel).
        const o = schedule.entryObligation[entry]
        const amount = scheduled.amount(o, schedule.entryMonth[entry])
        legs().put(out, i - from, layout.t, scheduled.payer[o], scheduled.payee[o], amount)
        if (hold) kept?.putScheduled(i, layout.t, o, amount, rng)
      }
    },
  }

  function buildSchedules() {
    const providers = payrollProviders(world)
    const pensions = payrollProviders(world, providers)
    const plan = planObligations(
      world,
      {
        landlord: (a) =>
          landlords.length > 0 && unitHash(world.seedKey, a, 1) < 0.6
            ? popularCounterparty(localLandlords(a, landlords), a, 0, 0x4e47)
            : usualCounterparty(world, localPayers(a, payers), a, 0, 0x4e47),
        biller: (a, k) => popularCounterparty(localBillers(a, billers.length > 0 ? billers : business), a, k, 0xb111),
        client: (a) => usualCounterparty(world, localBusiness(a, business), a, 0, 0xc1e7),
      },
      providers,
      pensions,
      cardAcquirers(world, providers, pensions),
    )
    const schedule = new ScheduleIndex(world, plan, Math.floor(count * SCHEDULED_SHARE))
    const scheduled = new ScheduledRows(world, plan)
    const layout = new RowLayout(world.clock, count, schedule, rhythm.timeline)
    const budget = affordability(world, schedule, scheduled, flowExposure(count - schedule.total))
    afford = budget.factor
    hasUsd = budget.hasUsd
    const flowRows = count - schedule.total
    const perHolder = -Math.log(1 - Math.min(0.99, largePaymentShare))
    largeChance = flowRows > 0 ? Math.min(0.15, (perHolder * current.length) / flowRows) : 0
    return { schedule, scheduled, layout }
  }

  /** How much of the flow acts on each account: its activity weight within its country's pools. */
  function flowExposure(flowRows: number): FlowExposure {
    const weightOf = (i: number) => Math.min(60, (1 - unitHash(world.seedKey ^ 0xac71, i)) ** -0.6)
    const totals = (pool: readonly number[]) => {
      const by = new Map<string, number>()
      for (const i of pool) by.set(world.accounts[i].country, (by.get(world.accounts[i].country) ?? 0) + weightOf(i))
      return by
    }
    const spend = totals(spending)
    const pay = totals(payers)
    const total = world.accounts.length
    return {
      flowRows,
      weight: weightOf,
      countryShare: (i) => (countryShare.get(world.accounts[i].country) ?? 0) / total,
      spendingWeight: (i) => spend.get(world.accounts[i].country) ?? 0,
      payerWeight: (i) => pay.get(world.accounts[i].country) ?? 0,
    }
  }

  function flowSpec(rng: Rng, t: number): RowSpec {
    const c = rhythm.countryAt(rng.next(), t)
    // No draw at a share of 0, so a background without large payments keeps its bytes.
    if (largeChance > 0 && rng.chance(largeChance)) {
      const s = largePayment(rng, t, c)
      if (s !== null) return s
    }
    // What people do depends on their own clock: office hours, weekends and paydays are local.
    const local = rhythm.local(t, c)
    const kinds = kindsAt(local, holidayOn(c, Math.floor(local / DAY)))
    // A drawn combination can be impossible (no active account of that kind at t); fall back through kinds in a fixed order.
    let s = spec(rng, t, kinds.sample(rng), c)
    for (let k = 0; s === null && k < KINDS.length * 2; k++) s = spec(rng, t, KINDS[k % 4], c)
    return s ?? fallback(rng, t)
  }

  /**
   * A large one-off payment by an ordinary holder (a car, a holiday or tuition abroad, a deposit on a flat, a private
   * sale), sized by income: the background's own few-thousand transfers and wires.
   */
  function largePayment(rng: Rng, t: number, home: number): RowSpec | null {
    const a = pickActiveAccount(rng, world, homePayers(home), t)
    if (a < 0 || world.accountIsCompany[a]) return null
    const card = cardOf[a]
    if (card >= 0 && isActive(world, card, t) && rng.chance(LARGE_ON_CARD_SHARE)) {
      const mcc = rng.pick(bigTicket)
      const usd = Math.max(300, lognormal(rng, 0.03 * incomeUsd(ownerOf(a)), 0.7))
      const s = make(t, 'card_purchase', card, -1, Math.max(1, minorIn(usd, card)))
      s.setMerchant(popularMerchant(rng, mcc))
      s.city = homeCity(card)
      s.destinationCountry = homes[pools.countryOf[card]]
      return s
    }
    const abroad = rng.chance(0.15)
    const pool = abroad ? business : rng.chance(0.3) ? localPayers(a, payers) : localBusiness(a, business)
    const b = pool[rng.below(pool.length)]
    if (b === a || !isActive(world, b, t)) return null
    const usd = Math.max(500, Math.round(lognormal(rng, 0.07 * incomeUsd(ownerOf(a)), 0.8) / 10) * 10)
    return make(t, abroad ? 'wire' : 'transfer', a, b, minorIn(usd, a))
  }

  /**
   * Money moved between two accounts of the same holder (checking to savings or investment and back): the only
   * transfers described as "Own account transfer". Null when the holder has no other active account of that kind.
   */
  function ownAccountTransfer(rng: Rng, a: number, t: number): RowSpec | null {
    if (world.accountIsCompany[a]) return null
    const others = world.accountsOfPerson[world.accountOwner[a]].filter(
      (i) =>
        i !== a &&
        (world.accounts[i].accountType === 'savings' || world.accounts[i].accountType === 'investment') &&
        isActive(world, i, t),
    )
    if (others.length === 0) return null
    const b = rng.pick(others)
    const saving = rng.chance(0.7)
    const usd = Math.max(20, Math.round(lognormal(rng, 400 * (saving ? afford[a] : 1), 1) / 10) * 10)
    const s = make(t, 'transfer', saving ? a : b, saving ? b : a, usdToMinorBy(usd, currencyOf[saving ? a : b]))
    s.description = 'Own account transfer'
    return s
  }

  /** The card holder's first checking account open at t, or -1. */
  function checkingOf(card: number, t: number): number {
    if (world.accountIsCompany[card]) return -1
    for (const i of world.accountsOfPerson[world.accountOwner[card]])
      if (world.accounts[i].accountType === 'checking' && isActive(world, i, t)) return i
    return -1
  }

  /** A payment from the checking account onto the holder's card, sized like a month's card spending. */
  function cardRepayment(rng: Rng, a: number, card: number, t: number): RowSpec {
    const usd = Math.max(20, Math.round(lognormal(rng, 300 * afford[a] * purchaseScale(a), 0.9) / 10) * 10)
    const s = make(t, 'transfer', a, card, minorIn(usd, a))
    s.description = 'Own account transfer'
    return s
  }

  function fallback(rng: Rng, t: number): RowSpec {
    // Every account is outside its open period at t (tiny populations): take the account open longest and keep t.
    let best = 0
    for (let i = 1; i < world.accounts.length; i++) if (world.accountFrom[i] < world.accountFrom[best]) best = i
    const s = make(
      Math.max(t, world.accountFrom[best]),
      'cash_withdrawal',
      best,
      -1,
      cashAmount(lognormal(rng, 140, 0.75), currencyOf[best]),
    )
    s.conductorId = cashHandler(rng, best)
    return s
  }
}
