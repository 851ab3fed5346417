import { buildTransaction } from '../../generators/events/transaction-row.ts'
import { usdToMinor } from '../../model/money.ts'
import type { Account } from '../../model/tables/accounts.ts'
import { DAY, MINUTE } from '../../model/time.ts'
import { lognormal } from '../../random/distributions.ts'
import { paymentTime } from '../human-time.ts'
import { moneyText } from '../money-text.ts'
import { chooseWindow, member, type Member } from '../select.ts'
import { muleChainSpec } from '../specs/mule-chain.ts'
import { defineLookalike, type PatternRows } from '../types.ts'
import { nobody, pickBusiness, pickCustomer } from './common.ts'

/**
 * Money that comes in and goes straight out again for ordinary reasons: a person moving a bonus from checking
 * to savings and on to an investment account within the hour, or a small business paying its supplier right
 * after a customer pays it. What a rapid pass-through rule alerts on.
 */
export const passThroughLookalike = defineLookalike(muleChainSpec, {
  kind: 'quickPassThrough',
  resembles: 'muleChain',
  label: 'Quick legitimate pass-through (look-alike)',
  description:
    'A bonus moved on through own accounts within the hour, or a business paying a supplier right after a customer pays it: benign, but trips rapid pass-through rules.',
  inject(ctx, params) {
    const { rng, world } = ctx
    const w = chooseWindow(rng, world, 20)
    const rows: Pick<PatternRows, 'transactions'> = { transactions: [] }
    const members: Member[] = []
    const bonus = rng.chance(0.5)
    let chain: Account[] = []
    let source: Account | null = null
    if (bonus) {
      const found = pickCustomer(
        ctx,
        w.start,
        w.end,
        ['checking', 'savings', 'investment'],
        2,
        (p) => p.employerId !== null,
      )
      const employer = found ? world.companyIndex.get(found.person.employerId as string) : undefined
      const payroll =
        employer === undefined
          ? -1
          : ((world.accountsOfCompany[employer] ?? []).find((a) => world.accounts[a].accountType === 'business') ?? -1)
      if (found && payroll >= 0) {
        chain = found.accounts.slice(0, 3)
        source = world.accounts[payroll]
        members.push(member('person', found.person.id, 'account_holder'))
      }
    } else {
      const shop = pickBusiness(ctx, w.start, w.end)
      const customer =
        shop &&
        pickBusiness(ctx, w.start, w.end, (c, a) => a.currency === shop.account.currency && c.id !== shop.company.id)
      const supplier =
        shop &&
        customer &&
        pickBusiness(
          ctx,
          w.start,
          w.end,
          (c, a) => a.currency === shop.account.currency && c.id !== shop.company.id && c.id !== customer.company.id,
        )
      if (shop && customer && supplier) {
        chain = [shop.account, supplier.account]
        source = customer.account
        members.push(member('company', shop.company.id, 'small_business'))
      }
    }
    if (!source || chain.length < 2) return nobody('customer with linked accounts')
    const head = chain[0]
    // Paid in the payer's currency; the chain moves it on in the holder's.
    let amount = usdToMinor(Math.round(lognormal(rng, Math.max(500, params.startAmountUsd / 3), 0.6)), head.currency)
    const total = amount
    // The later hops follow within minutes, so the first payment's day is the chain's.
    let t = paymentTime(ctx, w.start, w.end - DAY, head.country, bonus ? 'salary' : 'invoice_payment')
    rows.transactions.push(
      buildTransaction(rng, ctx.ids.next('transactions'), {
        timestamp: t,
        kind: bonus ? 'salary' : 'invoice_payment',
        from: source,
        to: head,
        amount,
        patternId: ctx.patternId,
        patternRole: bonus ? 'bonus' : 'customer_payment',
      }),
    )
    for (let k = 1; k < chain.length; k++) {
      t = Math.min(ctx.clock.end - 1, t + rng.int(3 * MINUTE, Math.min(50, Math.max(4, params.delayMinutes)) * MINUTE))
      amount = Math.max(1, Math.floor(amount * (0.9 + 0.1 * rng.next())))
      rows.transactions.push(
        buildTransaction(rng, ctx.ids.next('transactions'), {
          timestamp: t,
          kind: bonus ? 'transfer' : 'invoice_payment',
          from: chain[k - 1],
          to: chain[k],
          amount,
          description: bonus ? 'Own account transfer' : undefined,
          patternId: ctx.patternId,
          patternRole: bonus ? 'own_transfer' : 'supplier_payment',
        }),
      )
    }
    for (const a of chain) members.push(member('account', a.id, bonus ? 'own_account' : 'business_account'))
    return {
      subtype: bonus ? 'bonus_moved' : 'supplier_paid',
      members,
      rows,
      currency: head.currency,
      totalMinor: total,
      narrative: bonus
        ? `${moneyText(total, head.currency)} bonus into ${head.id}, moved on through ${chain
            .slice(1)
            .map((a) => a.id)
            .join(', ')} within the hour by its holder.`
        : `${source.id} paid ${moneyText(total, head.currency)} to ${head.id}, which paid supplier ${chain[1].id} right after.`,
    }
  },
})
