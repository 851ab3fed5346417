import { buildTransaction, type TransactionSpec } from '../generators/events/transaction-row.ts'
import { convertMinor, usdToMinor } from '../model/money.ts'
import type { Account } from '../model/tables/accounts.ts'
import type { Person } from '../model/tables/persons.ts'
import type { Transaction } from '../model/tables/transactions.ts'
import { DAY, HOUR, MINUTE } from '../model/time.ts'
import { lognormal } from '../random/distributions.ts'
import { merchantCategories } from '../reference/merchant-categories.ts'
import { bankingWeekTime, humanTime, onPaymentDay } from './human-time.ts'
import type { InjectContext } from './types.ts'

/** How money moves inside a fraud ring, per subtype. Every function emits exactly `n` transactions. */

export interface RingMember {
  person: Person
  checking: Account
  card: Account | null
}
export interface RingMoney {
  transactions: Transaction[]
  totalMinor: number
  victims: number
}
type Draft = Omit<TransactionSpec, 'patternId' | 'patternRole'> & { role: string }

const EVERYDAY = merchantCategories.filter((m) => ['5411', '5812', '5541', '5814', '5912', '5691'].includes(m.mcc))
/** A bust-out spends where goods resell easily or turn into cash. */
const BURST = merchantCategories.filter((m) => ['5732', '5944', '4511', '6051', '5311'].includes(m.mcc))

function emit(ctx: InjectContext, drafts: readonly Draft[]): Transaction[] {
  return drafts.map(({ role, ...spec }) =>
    buildTransaction(ctx.rng, ctx.ids.next('transactions'), { ...spec, patternId: ctx.patternId, patternRole: role }),
  )
}

/** Cash comes in notes: rounded down to tens of major units (at least one unit). */
function cash(minor: number, currency: string): number {
  const note = Math.max(1, usdToMinor(10, currency))
  return Math.max(note, Math.floor(minor / note) * note)
}

function purchase(
  ctx: InjectContext,
  m: RingMember,
  card: Account,
  t: number,
  pool: typeof EVERYDAY,
  scale = 1,
): Draft {
  const mcc = ctx.rng.pick(pool)
  const amount = Math.max(1, usdToMinor(lognormal(ctx.rng, mcc.medianUsd, 0.6) * scale, card.currency))
  return {
    timestamp: t,
    kind: 'card_purchase',
    from: card,
    to: null,
    amount,
    merchant: { name: ctx.rng.pick(mcc.merchants), mcc: mcc.mcc },
    city: m.person.city,
    role: 'credit_building',
  }
}

type Victim = { person: Person; account: Account }

/** Money into the flow's first mule: a victim's transfer, or (with no victim to draw on) cash the ring places itself. */
function inflowDraft(into: RingMember, victim: Victim | null, t: number, usd: number): Draft {
  return victim
    ? {
        timestamp: t,
        kind: 'transfer',
        from: victim.account,
        to: into.checking,
        amount: usdToMinor(usd, victim.account.currency),
        role: 'victim_payment',
      }
    : {
        timestamp: t,
        kind: 'cash_deposit',
        from: null,
        to: into.checking,
        amount: cash(usdToMinor(usd, into.checking.currency), into.checking.currency),
        city: into.person.city,
        conductorId: into.person.id,
        role: 'cash_placement',
      }
}

/** The hops after the inflow: the first mule to the hub, the hub to a second mule, who takes it out in cash. */
function onwardHops(
  ctx: InjectContext,
  end: number,
  len: number,
  hub: RingMember,
  first: RingMember,
  second: RingMember,
  t: number,
  held: number,
  drafts: Draft[],
): void {
  const { rng } = ctx
  const later = (at: number, lo: number, hi: number) => Math.min(end - 1, at + rng.int(lo, hi))
  if (len >= 2) {
    t = later(t, 10 * MINUTE, 6 * HOUR)
    const kept = Math.max(1, Math.round(held * (0.9 + 0.06 * rng.next())))
    drafts.push({
      timestamp: t,
      kind: 'transfer',
      from: first.checking,
      to: hub.checking,
      amount: kept,
      role: 'to_hub',
    })
    held = convertMinor(kept, first.checking.currency, hub.checking.currency).minor
  }
  if (len >= 3 && second !== hub) {
    t = dispersedAt(ctx, t, later(t, HOUR, 2 * DAY), end, hub.checking.country)
    const sent = Math.max(1, Math.round(held * (0.85 + 0.15 * rng.next())))
    drafts.push({
      timestamp: t,
      kind: 'transfer',
      from: hub.checking,
      to: second.checking,
      amount: sent,
      role: 'from_hub',
    })
    held = convertMinor(sent, hub.checking.currency, second.checking.currency).minor
  }
  if (len >= 4 && second !== hub) {
    t = later(t, 30 * MINUTE, DAY)
    drafts.push({
      timestamp: t,
      kind: 'cash_withdrawal',
      from: second.checking,
      to: null,
      amount: cash(held, second.checking.currency),
      city: second.person.city,
      conductorId: second.person.id,
      role: 'cash_out',
    })
  }
}

/**
 * The hub passes money on within two days of getting it: past medium a payment due at a weekend is put off to the
 * Monday as background transfers are (onPaymentDay) when that still falls within the two days and the window;
 * else it stays. The hop to the hub, minutes to hours after the victim's payment, is left where it falls. Measured
 * at hard seed 1 before this: 34 % of the hub's payments on a weekend (background transfers 12 %).
 */
function dispersedAt(ctx: InjectContext, got: number, due: number, end: number, country: string): number {
  const at = onPaymentDay(ctx, due, country, 'transfer')
  return at - got <= 2 * DAY && at < end ? at : due
}

/**
 * Money-mule network: victims pay mule (spoke) accounts, mules pass the money to the hub within hours, the hub
 * disperses it to other mules who cash it out. Flows of 1–4 hops each touch the hub at least half the time.
 */
export function muleNetwork(
  ctx: InjectContext,
  start: number,
  end: number,
  hub: RingMember,
  spokes: RingMember[],
  victims: Victim[],
  n: number,
): RingMoney {
  const { rng } = ctx
  const drafts: Draft[] = []
  let stolen = 0
  const paid = new Set<string>()
  for (let left = n, f = 0; left > 0; f++) {
    const len = left <= 4 ? left : left === 5 ? 3 : rng.int(3, 4)
    left -= len
    const first = spokes.length > 0 ? spokes[rng.below(spokes.length)] : hub
    const second = spokes.length > 1 ? spokes.filter((s) => s !== first)[rng.below(spokes.length - 1)] : first
    const into = len === 1 ? hub : first
    const t = bankingWeekTime(ctx, start, Math.max(start + 1, end - 2 * DAY), hub.checking.country, 'transfer')
    const victim = victims.length > 0 ? victims[f % victims.length] : null
    // Blended amounts (amountBlending) move from the typology's large scam payment towards an ordinary transfer's
    // size (median $400, as background and camouflage transfers): many small thefts rather than a few large ones.
    const b = ctx.knobs.amountBlending
    const inflow = inflowDraft(into, victim, t, lognormal(rng, 2_400 ** (1 - b) * 400 ** b, 0.8))
    drafts.push(inflow)
    if (victim) paid.add(victim.account.id)
    const inCurrency = victim ? victim.account.currency : into.checking.currency
    stolen += convertMinor(inflow.amount, inCurrency, hub.checking.currency).minor
    const held = convertMinor(inflow.amount, inCurrency, into.checking.currency).minor
    onwardHops(ctx, end, len, hub, first, second, t, held, drafts)
  }
  return { transactions: emit(ctx, drafts.slice(0, n)), totalMinor: stolen, victims: paid.size }
}

/** One member's round: a few card purchases, the hub's top-up, the repayment, and now and then a little back to the hub. Returns the spend. */
function creditRound(ctx: InjectContext, hub: RingMember, m: RingMember, drafts: Draft[]): number {
  const { rng } = ctx
  const card = m.card ?? m.checking
  let sum = 0
  for (let k = rng.int(1, 3); k > 0; k--) {
    const p = purchase(ctx, m, card, 0, EVERYDAY)
    sum += p.amount
    drafts.push(p)
  }
  const spent = convertMinor(sum, card.currency, hub.checking.currency).minor
  if (m !== hub)
    drafts.push({
      timestamp: 0,
      kind: 'transfer',
      from: hub.checking,
      to: m.checking,
      amount: Math.round(spent * (1.05 + 0.3 * rng.next())),
      role: 'from_hub',
    })
  if (card !== m.checking)
    drafts.push({
      timestamp: 0,
      kind: 'transfer',
      from: m.checking,
      to: card,
      amount: convertMinor(sum, card.currency, m.checking.currency).minor,
      description: 'Own account transfer',
      role: 'card_repayment',
    })
  if (m !== hub && rng.chance(0.3))
    drafts.push({
      timestamp: 0,
      kind: 'transfer',
      from: m.checking,
      to: hub.checking,
      amount: Math.max(1, Math.round(sum * 0.05 * (1 + rng.next()))),
      role: 'to_hub',
    })
  return spent
}

/**
 * Synthetic identities building credit files: small card purchases, the hub tops up the identity's current account,
 * the card is repaid on time, and leftovers go back to the hub. Total: card spending (the credit the ring builds).
 */
export function creditBuilding(
  ctx: InjectContext,
  start: number,
  end: number,
  hub: RingMember,
  members: RingMember[],
  n: number,
): RingMoney {
  const { rng } = ctx
  const drafts: Draft[] = [
    {
      timestamp: 0,
      kind: 'cash_deposit',
      from: null,
      to: hub.checking,
      amount: cash(usdToMinor(lognormal(rng, 1_500, 0.4), hub.checking.currency), hub.checking.currency),
      city: hub.person.city,
      conductorId: hub.person.id,
      role: 'hub_funding',
    },
  ]
  let spent = 0
  for (let r = 0; drafts.length < n; r++) spent += creditRound(ctx, hub, members[r % members.length], drafts)
  // Times drawn separately and handed out in order, so each repayment follows its purchases and the rounds fill the window.
  const kept = drafts.slice(0, n)
  const times = kept.map(() => bankingWeekTime(ctx, start, end, hub.checking.country, 'transfer')).sort((a, b) => a - b)
  return {
    transactions: emit(
      ctx,
      kept.map((d, i) => ({ ...d, timestamp: times[i] })),
    ),
    totalMinor: spent,
    victims: 0,
  }
}

/** One card run up to its limit in k draws over the burst: purchases, and cash advances capped by the issuer. Returns the sum. */
function runUpCard(
  ctx: InjectContext,
  m: RingMember,
  k: number,
  burstStart: number,
  end: number,
  drafts: Draft[],
): number {
  const { rng } = ctx
  const card = m.card as Account
  const target = Math.floor((card.creditLimit ?? usdToMinor(5_000, card.currency)) * (0.92 + 0.08 * rng.next()))
  const weights = Array.from({ length: k }, () => 0.5 + rng.next())
  const sum = weights.reduce((s, w) => s + w, 0)
  let left = target
  let burst = 0
  const times = Array.from({ length: k }, () => humanTime(rng, burstStart, end, card.country)).sort((a, b) => a - b)
  weights.forEach((w, j) => {
    // Cash advances are capped by the card issuer; the last draw is a purchase that takes what is left of the limit.
    const advance = j < k - 1 && rng.chance(0.35)
    const amount = j === k - 1 ? left : Math.floor((target * w) / sum)
    const a = Math.max(
      1,
      advance ? Math.min(left, cash(Math.min(amount, usdToMinor(2_000, card.currency)), card.currency)) : amount,
    )
    left -= a
    burst += a
    drafts.push(
      advance
        ? {
            timestamp: times[j],
            kind: 'cash_withdrawal',
            from: card,
            to: null,
            amount: a,
            city: m.person.city,
            conductorId: m.person.id,
            role: 'bust_out_cash_advance',
          }
        : { ...purchase(ctx, m, card, times[j], BURST), amount: a, role: 'bust_out_purchase' },
    )
  })
  return burst
}

/** The weeks before: small purchases repaid on time, scaled to at most 40 % of the burst so the build-up stays small. */
function buildUp(
  ctx: InjectContext,
  hub: RingMember,
  carded: RingMember[],
  buildN: number,
  start: number,
  burstStart: number,
  burst: number,
): Draft[] {
  const build: Draft[] = []
  for (let r = 0; build.length < buildN; r++) {
    const m = carded.length > 0 ? carded[r % carded.length] : hub
    const card = m.card ?? m.checking
    const ts = [
      bankingWeekTime(ctx, start, burstStart, hub.checking.country, 'transfer'),
      bankingWeekTime(ctx, start, burstStart, hub.checking.country, 'transfer'),
    ].sort((a, b) => a - b)
    const p = purchase(ctx, m, card, ts[0], EVERYDAY)
    build.push(p)
    if (build.length < buildN && card !== m.checking)
      build.push({
        // Repaid the next day, on a business day past medium as background transfers are, before the burst.
        timestamp: Math.min(burstStart - 1, onPaymentDay(ctx, ts[1] + DAY, m.checking.country, 'transfer')),
        kind: 'transfer',
        from: m.checking,
        to: card,
        amount: p.amount,
        description: 'Own account transfer',
        role: 'card_repayment',
      })
  }
  const built = build.reduce((s, d) => s + (d.kind === 'card_purchase' ? d.amount : 0), 0)
  const scale = built > 0.4 * burst ? (0.4 * burst) / built : 1
  return build.map((d) => ({ ...d, amount: Math.max(1, Math.floor(d.amount * scale)) }))
}

/** Hub money: cash funding, small advances to members early on, and the proceeds coming back after the burst. */
function hubFlows(
  ctx: InjectContext,
  hub: RingMember,
  members: RingMember[],
  hubN: number,
  start: number,
  burstStart: number,
  end: number,
  drafts: Draft[],
): void {
  const { rng } = ctx
  for (let j = 0; j < hubN; j++) {
    const m = members.length > 1 ? members[1 + (j % (members.length - 1))] : hub
    if (m === hub || m.checking === hub.checking) {
      drafts.push({
        timestamp: bankingWeekTime(ctx, start, burstStart, hub.checking.country, 'cash_deposit'),
        kind: 'cash_deposit',
        from: null,
        to: hub.checking,
        amount: cash(usdToMinor(lognormal(rng, 1_500, 0.5), hub.checking.currency), hub.checking.currency),
        city: hub.person.city,
        conductorId: hub.person.id,
        role: 'hub_funding',
      })
      continue
    }
    const early = j % 2 === 1
    drafts.push(
      early
        ? {
            timestamp: bankingWeekTime(ctx, start, burstStart, hub.checking.country, 'transfer'),
            kind: 'transfer',
            from: hub.checking,
            to: m.checking,
            amount: usdToMinor(lognormal(rng, 400, 0.5), hub.checking.currency),
            role: 'from_hub',
          }
        : {
            timestamp: bankingWeekTime(ctx, burstStart, end, hub.checking.country, 'transfer'),
            kind: 'transfer',
            from: m.checking,
            to: hub.checking,
            amount: usdToMinor(lognormal(rng, 2_000, 0.6), m.checking.currency),
            role: 'proceeds_to_hub',
          },
    )
  }
}

/**
 * Bust-out: weeks of small purchases repaid on time, then every card is run up to its limit in a burst of
 * purchases and cash advances over the last days, the proceeds go to the hub, and the cards are never paid again.
 * Total: the burst (what the banks write off).
 */
export function bustOut(
  ctx: InjectContext,
  start: number,
  end: number,
  hub: RingMember,
  members: RingMember[],
  n: number,
): RingMoney {
  const burstStart =
    end - Math.min(Math.floor((end - start) / 3), Math.max(2, Math.min(5, Math.round((end - start) / DAY / 8))) * DAY)
  const hubN = Math.max(1, Math.round(0.15 * n))
  const burstN = Math.max(1, Math.min(n - hubN - 1, Math.round(0.35 * n)))
  const buildN = n - hubN - burstN
  const carded = members.filter((m) => m.card !== null)
  const bursting = carded.slice(0, burstN)
  const drafts: Draft[] = []
  let burst = 0
  bursting.forEach((m, c) => {
    const k = Math.floor(burstN / bursting.length) + (c < burstN % bursting.length ? 1 : 0)
    burst += runUpCard(ctx, m, k, burstStart, end, drafts)
  })
  drafts.push(...buildUp(ctx, hub, carded, buildN, start, burstStart, burst))
  hubFlows(ctx, hub, members, hubN, start, burstStart, end, drafts)
  return {
    transactions: emit(ctx, drafts.slice(0, n)),
    totalMinor: convertMinor(burst, bursting[0]?.card?.currency ?? hub.checking.currency, hub.checking.currency).minor,
    victims: 0,
  }
}
