import { merchantCategories } from '../../reference/merchant-categories.ts'
import type { TransactionKind } from '../../model/tables/transactions.ts'
import { convertMinor } from '../../model/money.ts'
import type { World } from '../../model/world.ts'
import { unitHash } from '../../random/hash.ts'
import type { Rng } from '../../random/rng.ts'
import { merchantAt } from './merchants.ts'
import { Duty, type Obligations } from './obligations.ts'
import { windowMonths } from './schedules.ts'
import { RowSpec } from './transaction-row.ts'

const KIND: readonly TransactionKind[] = [
  'salary',
  'transfer',
  'transfer',
  'rent',
  'bill_payment',
  'bill_payment',
  'transfer',
  'card_purchase',
  'transfer',
  'transfer',
]
const subscriptionMcc = merchantCategories.find((m) => m.mcc === '5815') ?? merchantCategories[0]

/**
 * Rows of the scheduled stream: an occurrence (obligation, window month) becomes a transaction at the instant the
 * table gives it. Amounts depend only on the obligation and the month: salaries rise once a year and carry a bonus
 * in one month, utility bills follow the season, everything else is the same every month.
 */
export class ScheduledRows {
  private readonly calendarMonth: Uint8Array
  // The plan's columns the rows read: rows meet obligations in time order, so in random order, and a column's few
  // bytes an obligation stay in cache.
  private readonly duty: Uint8Array
  private readonly base: Float64Array
  private readonly aux: Int32Array
  readonly payer: Int32Array
  readonly payee: Int32Array

  constructor(
    private readonly world: World,
    private readonly plan: Obligations,
  ) {
    this.calendarMonth = Uint8Array.from(windowMonths(world), (m) => m.month)
    this.duty = plan.duty
    this.base = plan.base
    this.aux = plan.aux
    this.payer = plan.payer
    this.payee = plan.payee
  }

  amount(o: number, m: number): number {
    const base = this.base[o]
    switch (this.duty[o]) {
      case Duty.Salary:
        return salaryIn(this.plan, o, m, this.calendarMonth[m])
      case Duty.PayrollFunding:
        return this.funding(o, m)
      case Duty.Income:
        // A freelancer's fee varies with the month's work; a pension does not.
        return this.aux[o] === 1
          ? base
          : Math.max(1, Math.round(base * (0.6 + 0.8 * unitHash(this.world.seedKey ^ 0x1c0e, o, m))))
      case Duty.Utility: {
        // Heating and cooling months cost more; each bill also varies a little month to month.
        const season = 1 + 0.18 * Math.cos((2 * Math.PI * (this.calendarMonth[m] - 1)) / 12)
        const noise = Math.exp(0.12 * (unitHash(this.world.seedKey ^ 0xb1f4, o, m) * 2 - 1))
        return Math.max(1, Math.round(base * season * noise))
      }
      case Duty.Settlement: {
        // Takings follow the season (a December peak) and vary from one settlement run to the next.
        const season = this.calendarMonth[m] === 12 ? 1.25 : this.calendarMonth[m] === 1 ? 0.85 : 1
        const noise = Math.exp(0.3 * (unitHash(this.world.seedKey ^ 0xca75, o, m) * 2 - 1))
        return Math.max(1, Math.round(base * season * noise))
      }
      default:
        return base
    }
  }

  /** What an employer sends its payroll provider: the month's net pay of the staff the provider pays for it. */
  private funding(o: number, m: number): number {
    const from = this.world.accounts[this.payer[o]].currency
    let sum = 0
    for (let s = this.plan.staffFrom(o); s < o; s++) sum += salaryIn(this.plan, s, m, this.calendarMonth[m])
    const to = this.world.accounts[this.payee[o]].currency
    return Math.max(1, to === from ? sum : convertMinor(sum, to, from).minor)
  }

  spec(rng: Rng, t: number, o: number, m: number): RowSpec {
    return this.specWith(rng, t, o, this.amount(o, m))
  }

  /**
   * Obligation o's row at t for an amount already worked out (`amount(o, m)`): the same draws as spec. `into`: a
   * spec to fill (reset) rather than a new one.
   */
  specWith(rng: Rng, t: number, o: number, amount: number, into?: RowSpec): RowSpec {
    const accounts = this.world.accounts
    const duty = this.duty[o]
    const aux = this.aux[o]
    const payer = this.payer[o]
    const kind = duty === Duty.Income && aux !== 1 ? 'invoice_payment' : KIND[duty]
    // A subscription is paid to a merchant, not to an account.
    const payee = duty === Duty.Subscription ? -1 : this.payee[o]
    const s = (into ?? new RowSpec()).reset(t, kind, accounts, payer, payee, amount)
    s.channel = 'online'
    switch (duty) {
      case Duty.Salary:
        break
      case Duty.PayrollFunding:
        s.description = 'Payroll funding'
        break
      case Duty.Income:
        if (aux === 1) s.description = 'Pension payment'
        break
      case Duty.Rent:
        s.channel = rng.chance(0.8) ? 'direct_debit' : 'online'
        break
      case Duty.Utility:
        s.channel = 'direct_debit'
        break
      case Duty.Loan:
        s.channel = 'direct_debit'
        s.description = aux === 1 ? 'Mortgage payment' : 'Loan instalment'
        break
      case Duty.Subscription:
        s.setMerchant(merchantAt(subscriptionMcc, unitHash(this.world.seedKey ^ 0x5b54, payer, aux)))
        s.destinationCountry = accounts[payer].country
        s.description = 'Subscription'
        break
      case Duty.Settlement:
        s.description = 'Card settlement'
        break
      default:
        s.description = 'Own account transfer'
    }
    return s
  }
}

function salaryIn(plan: Obligations, o: number, m: number, calendarMonth: number): number {
  // A raise in the review month of every year of the window, compounding.
  const base = plan.base[o]
  const person = plan.aux[o]
  const raises = m >= plan.raiseFrom[o] ? 1 + Math.floor((m - plan.raiseFrom[o]) / 12) : 0
  const raised = raises === 0 ? base : base * plan.raise[person] ** raises
  const bonus = calendarMonth === plan.bonusMonth[o] ? base * plan.bonus[person] : 0
  return Math.max(1, Math.round(raised + bonus))
}
